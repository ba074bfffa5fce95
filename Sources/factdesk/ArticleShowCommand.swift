import ArgumentParser
import FactDesk

/// `factdesk article show SLUG`: the text with numbered paragraphs and their offsets.
struct ArticleShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print an article with numbered paragraphs and their offsets.")

    @Argument(help: "The article's id.")
    var slug: String

    @OptionGroup var desk: DeskOptions
    @OptionGroup var output: OutputOptions

    /// One paragraph as `--json` shows it.
    struct ParagraphView: Encodable {
        let number: Int
        let start: Int
        let end: Int
        let text: String
    }

    /// An article as `--json` shows it.
    struct ArticleView: Encodable {
        let id: String
        let title: String
        let url: String?
        let revision: Int
        let claims: Int
        let paragraphs: [ParagraphView]
    }

    func run() throws {
        let document = try desk.openStore().document(try ArticleSlug(slug))
        let article = document.article
        let paragraphs = document.text.paragraphs.enumerated().map { index, range in
            ParagraphView(number: index + 1, start: range.lowerBound, end: range.upperBound,
                          text: document.text.substring(range))
        }
        if output.json {
            try Output.printJSON(ArticleView(id: article.id.value, title: article.title, url: article.url,
                                             revision: article.revision, claims: document.claims.count,
                                             paragraphs: paragraphs))
            return
        }
        print("# \(article.title)")
        if let url = article.url { print(url) }
        print("\(article.id) · revision \(article.revision) · \(document.claims.count) claim(s)")
        for paragraph in paragraphs {
            let claims = document.claims.filter { $0.paragraph == paragraph.number && $0.anchorIssue?.kind != .orphaned }
            let marks = claims.isEmpty ? "" : "  " + claims.map { "\($0.id) \($0.status.rawValue)" }.joined(separator: ", ")
            print("\n¶\(paragraph.number)  [\(paragraph.start)-\(paragraph.end)]\(marks)")
            print(paragraph.text)
        }
        let orphans = document.claims.filter { $0.anchorIssue?.kind == .orphaned }
        if !orphans.isEmpty { print("\nOrphaned (their text is gone; see `factdesk reanchor`):") }
        for claim in orphans {
            print("  \(claim.id) \(claim.status.rawValue): was “\(claim.anchorIssue?.previousQuote.oneLine(limit: 70) ?? "")”")
        }
    }
}
