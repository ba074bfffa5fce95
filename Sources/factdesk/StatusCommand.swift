import ArgumentParser
import FactDesk

/// `factdesk status CLAIM STATUS [--note TEXT]`.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Set a claim's status: unverified, in-review, verified, false, misleading, unverifiable.")

    @Argument(help: "The claim id, or a unique prefix of it.")
    var claim: String

    @Argument(help: "The new status.")
    var status: String

    @Option(name: .long, help: "Why.")
    var note: String?

    @OptionGroup var desk: DeskOptions

    func run() throws {
        let newStatus = try ClaimStatus.parse(status)
        let store = try desk.openStore()
        let updated = try store.setStatus(claim, to: newStatus, note: note, editor: try desk.resolvedEditor())
        if let review = updated.review, review.isPending {
            print("\(updated.id): \(review.verdict.rawValue) proposed; awaiting a second editor's review (now \(updated.status.rawValue))")
        } else {
            print("\(updated.id) is now \(updated.status.rawValue)")
        }
    }
}
