import ArgumentParser
import FactDesk

/// `factdesk article update SLUG FILE`: a new text revision, with every claim re-anchored.
struct ArticleUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Store a new text revision and re-anchor every claim on it, in one commit.")

    @Argument(help: "The article's id.")
    var slug: String

    @Argument(help: "The new text, UTF-8. - reads stdin.")
    var file: String

    @OptionGroup var desk: DeskOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let slug = try ArticleSlug(self.slug)
        let store = try desk.openStore()
        let editor = try desk.resolvedEditor()
        let text = try ArticleText(normalizing: try InputFile.read(file), source: file == "-" ? "standard input" : file)
        let update = try store.updateArticle(slug, text: text, editor: editor)
        if output.json { return try Output.printJSON(update) }
        print("\(update.article) is now revision \(update.revision): \(update.exact) exact, \(update.moved) moved, "
              + "\(update.changed) changed, \(update.orphaned) orphaned")
        for claim in update.claims where claim.result == .changed || claim.result == .orphaned {
            let now = claim.after.map { " → “\($0.quote.oneLine(limit: 60))” (¶\($0.paragraph))" } ?? " — not found"
            print("  \(claim.id) \(claim.result.rawValue): “\(claim.before.quote.oneLine(limit: 60))”\(now)")
        }
        if update.changed + update.orphaned > 0 {
            print("Check them, then re-attach with `factdesk reanchor CLAIM --quote TEXT`.")
        }
    }
}
