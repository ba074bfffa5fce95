import ArgumentParser
import FactDesk

/// `factdesk review CLAIM (--approve [--note TEXT] | --reject --note TEXT)`.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "As a second editor, approve a proposed verdict or send it back to in-review.")

    @Argument(help: "The claim id, or a unique prefix of it.")
    var claim: String

    @Flag(name: .long, help: "Settle the proposed verdict.")
    var approve = false

    @Flag(name: .long, help: "Send the claim back to in-review (needs --note).")
    var reject = false

    @Option(name: .long, help: "Why (required with --reject).")
    var note: String?

    @OptionGroup var desk: DeskOptions

    func run() throws {
        guard approve != reject else { throw FactDeskError.invalidInput("give exactly one of --approve and --reject") }
        let store = try desk.openStore()
        let updated = try store.review(claim, approve ? .approve : .reject, note: note, editor: try desk.resolvedEditor())
        if approve {
            print("\(updated.id) is now \(updated.status.rawValue), approved by \(updated.statusChangedBy)")
        } else {
            print("\(updated.id) is back in review")
        }
    }
}
