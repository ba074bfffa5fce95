import ArgumentParser
import FactDesk

/// `factdesk article list`: every article with its claim counts.
struct ArticleListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the desk's articles.")

    @OptionGroup var desk: DeskOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let rows = try desk.openStore().articleSummaries()
        if output.json { return try Output.printJSON(rows) }
        if rows.isEmpty { print("No articles yet: add one with `factdesk article add FILE --id SLUG --title TITLE`.") }
        for row in rows {
            print("\(row.id)  \(row.title)  (\(row.claims) claim(s), \(row.open) unverified)")
        }
    }
}
