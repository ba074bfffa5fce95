import ArgumentParser
import FactDesk

/// `factdesk article list`: every article with its claim counts.
struct ArticleListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the desk's articles.")

    @OptionGroup var desk: DeskOptions
    @OptionGroup var output: OutputOptions

    /// An article as `--json` lists it.
    struct ArticleRow: Encodable {
        let id: String
        let title: String
        let url: String?
        let revision: Int
        let claims: Int
        let open: Int
    }

    func run() throws {
        let store = try desk.openStore()
        let claims = Dictionary(grouping: try store.claims(), by: \.article)
        let rows = try store.articles().map { article in
            ArticleRow(id: article.id.value, title: article.title, url: article.url, revision: article.revision,
                       claims: claims[article.id]?.count ?? 0,
                       open: claims[article.id]?.filter { $0.status.isOpen }.count ?? 0)
        }
        if output.json { return try Output.printJSON(rows) }
        if rows.isEmpty { print("No articles yet: add one with `factdesk article add FILE --id SLUG --title TITLE`.") }
        for row in rows {
            print("\(row.id)  \(row.title)  (\(row.claims) claim(s), \(row.open) unverified)")
        }
    }
}
