import ArgumentParser
import FactDesk

/// `factdesk verify CLAIM [--source URL]... [--note TEXT]`.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Mark a claim verified, with its sources; refused without any source.")

    @Argument(help: "The claim id, or a unique prefix of it.")
    var claim: String

    @Option(name: .long, help: "A source URL to attach first; repeat for more.")
    var source: [String] = []

    @Option(name: .long, help: "How it was verified.")
    var note: String?

    @OptionGroup var desk: DeskOptions

    func run() throws {
        let store = try desk.openStore()
        let verified = try store.verify(claim, sources: source, note: note, editor: try desk.resolvedEditor())
        if verified.awaitingReview {
            print("\(verified.id): verified proposed by \(verified.statusChangedBy) (\(verified.sources.count) source(s)); awaiting a second editor's review")
        } else {
            print("\(verified.id) verified by \(verified.statusChangedBy) (\(verified.sources.count) source(s))")
        }
    }
}
