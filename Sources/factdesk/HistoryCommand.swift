import ArgumentParser
import FactDesk

/// `factdesk history CLAIM` or `factdesk history --article SLUG`: who changed what, newest first.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Show the commits that changed a claim or an article, newest first.")

    @Argument(help: "The claim id, or a unique prefix of it.")
    var claim: String?

    @Option(name: .long, help: "Show an article's history instead (its text and all its claims).")
    var article: String?

    @OptionGroup var desk: DeskOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (claim == nil) != (article == nil) else { throw ValidationError("give a claim id or --article SLUG") }
    }

    func run() throws {
        let store = try desk.openStore()
        let entries = try article.map { try store.history(ofArticle: try ArticleSlug($0)) }
            ?? store.history(ofClaim: claim ?? "")
        if output.json { return try Output.printJSON(entries) }
        for entry in entries {
            let status = entry.status.map { "[\($0.rawValue)] " } ?? ""
            print("\(entry.date.readableUTC)  \(entry.commit.prefix(10))  \(entry.editor)  \(status)\(entry.message)")
            if let detail = entry.detail { print("    " + detail.replacingOccurrences(of: "\n", with: "\n    ")) }
        }
    }
}
