import ArgumentParser
import FactDesk

/// `factdesk annotate SLUG (--paragraph N | --quote TEXT [--occurrence K] | --span START-END) --claim TEXT`.
struct AnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "File a claim on a paragraph, a quoted passage or an exact span; prints the new claim id.")

    @Argument(help: "The article's id.")
    var slug: String

    @OptionGroup var selection: SelectorOptions

    @Option(name: .long, help: "The statement being checked.")
    var claim: String

    @Option(name: .long, help: "A source URL; repeat for more.")
    var source: [String] = []

    @Option(name: .long, help: "A note for the fact-checkers.")
    var note: String?

    @Option(name: .long, help: "Who should check it: \"Name <email>\" or the name of an editor of this desk.")
    var assignee: String?

    @Option(name: .long, help: "When the check is due: YYYY-MM-DD, an ISO 8601 time, today or tomorrow.")
    var due: String?

    @OptionGroup var attribution: AttributionOptions

    @OptionGroup var desk: DeskOptions

    func run() throws {
        let request = AnnotationRequest(article: try ArticleSlug(slug), selector: try selection.selector(), claim: claim,
                                        sources: source, note: note, assignee: assignee, due: try DueDate.parse(due),
                                        attribution: try attribution.attribution())
        let store = try desk.openStore()
        print(try store.annotate(request, editor: try desk.resolvedEditor()).id)
    }
}
