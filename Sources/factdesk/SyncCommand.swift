import ArgumentParser
import FactDesk

/// `factdesk sync [NAME] [--dry-run] [--json] [--take ours|theirs SLUG]`.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Fetch from a remote, merge claim by claim, and push.",
        discussion: """
            Fast-forwards when only one side moved, else writes one merge commit authored by you; \
            both sides' commits stay in history. Where both sides edited the same passage of an \
            article (or set a policy two ways) sync stops before committing or pushing anything; \
            keep one side with `--take ours SLUG` or `--take theirs SLUG` (`desk.json` for the policy).
            """)

    @Argument(help: "The remote (default: origin, or the only remote); with --take, then the article's id.")
    var arguments: [String] = []

    @Flag(name: .long, help: "Say what would come in, go out and merge; change nothing.")
    var dryRun = false

    @Option(name: .long, help: "ours or theirs: the side to keep for the article (or desk.json) named after it.")
    var take: MergeSide?

    @OptionGroup var desk: DeskOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if take != nil && arguments.isEmpty {
            throw ValidationError("--take \(take!.rawValue) needs the article's id (or desk.json) after it")
        }
        if arguments.count > (take == nil ? 1 : 2) { throw ValidationError("too many arguments: \(arguments.joined(separator: " "))") }
    }

    func run() throws {
        let remote = take == nil ? arguments.first : arguments.count == 2 ? arguments[0] : nil
        let options = SyncOptions(remote: remote, dryRun: dryRun, take: take.map { [arguments.last!: $0] } ?? [:])
        let store = try desk.openStore()
        let report = try store.sync(options, editor: try desk.resolvedEditor())
        if output.json { return try Output.printJSON(report) }
        print(report.summary)
    }
}

extension MergeSide: ExpressibleByArgument {}
