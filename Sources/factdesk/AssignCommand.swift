import ArgumentParser
import FactDesk

/// `factdesk assign CLAIM EDITOR [--due DATE]`.
struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "Give a claim to an editor to check, optionally with a deadline.")

    @Argument(help: "The claim id, or a unique prefix of it.")
    var claim: String

    @Argument(help: "The editor: \"Name <email>\", or the name of an editor of this desk.")
    var assignee: String

    @Option(name: .long, help: "When the check is due: YYYY-MM-DD, an ISO 8601 time, today or tomorrow.")
    var due: String?

    @OptionGroup var desk: DeskOptions

    func run() throws {
        let deadline = try DueDate.parse(due)
        let store = try desk.openStore()
        let updated = try store.assign(claim, to: assignee, due: deadline, editor: try desk.resolvedEditor())
        print("\(updated.id) assigned to \(updated.assignee ?? "")" + (updated.due.map { ", due \($0)" } ?? ""))
    }
}

/// `factdesk unassign CLAIM`.
struct UnassignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unassign", abstract: "Take a claim's assignee away (its deadline stays).")

    @Argument(help: "The claim id, or a unique prefix of it.")
    var claim: String

    @OptionGroup var desk: DeskOptions

    func run() throws {
        let store = try desk.openStore()
        let updated = try store.unassign(claim, editor: try desk.resolvedEditor())
        print("\(updated.id) is unassigned")
    }
}
