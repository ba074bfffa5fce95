import ArgumentParser
import FactDesk

/// `factdesk annotate SLUG (--paragraph N | --quote TEXT [--occurrence K] | --span START-END) --claim TEXT`.
struct AnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "File a claim on a paragraph, a quoted passage or an exact span; prints the new claim id.")

    @Argument(help: "The article's id.")
    var slug: String

    @Option(name: .long, help: "A paragraph number, from 1 (see `article show`).")
    var paragraph: Int?

    @Option(name: .long, help: "The exact text the claim is about.")
    var quote: String?

    @Option(name: .long, help: "Which occurrence of --quote, from 1, when it occurs more than once.")
    var occurrence: Int?

    @Option(name: .long, help: "START-END in Unicode scalar offsets, end exclusive (see `article show`).")
    var span: String?

    @Option(name: .long, help: "The statement being checked.")
    var claim: String

    @Option(name: .long, help: "A source URL; repeat for more.")
    var source: [String] = []

    @Option(name: .long, help: "A note for the fact-checkers.")
    var note: String?

    @Option(name: .long, help: "Who should check it.")
    var assignee: String?

    @OptionGroup var desk: DeskOptions

    func validate() throws {
        let chosen = [paragraph != nil, quote != nil, span != nil].filter { $0 }.count
        guard chosen == 1 else { throw ValidationError("give exactly one of --paragraph, --quote or --span") }
        if occurrence != nil && quote == nil { throw ValidationError("--occurrence goes with --quote") }
    }

    func run() throws {
        let selector: TextSelector
        if let paragraph {
            selector = .paragraph(paragraph)
        } else if let quote {
            selector = .quote(quote, occurrence: occurrence)
        } else {
            selector = try TextSelector.parseSpan(span ?? "")
        }
        let request = AnnotationRequest(article: try ArticleSlug(slug), selector: selector, claim: claim,
                                        sources: source, note: note, assignee: assignee)
        let store = try desk.openStore()
        print(try store.annotate(request, editor: try desk.resolvedEditor()).id)
    }
}
