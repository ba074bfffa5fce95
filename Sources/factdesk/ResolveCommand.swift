import ArgumentParser
import FactDesk

/// `factdesk resolve CLAIM [--field F] (--keep | --take)`: settles a merge conflict left by sync.
struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve", abstract: "Settle a merge conflict on a claim: keep its value, or take the one sync set aside.")

    @Argument(help: "The claim id, or a unique prefix of it.")
    var claim: String

    @Option(name: .long, help: "claim, status or assignee (needed when the claim has several conflicts).")
    var field: MergeConflict.Field?

    @Flag(help: "keep: the current value stays; take: the set-aside value replaces it.")
    var choice: ConflictChoice

    @OptionGroup var desk: DeskOptions

    func run() throws {
        let settled = try desk.openStore().resolveConflict(claim, field: field, choice: choice, editor: try desk.resolvedEditor())
        print(Output.claimLine(settled, at: .now))
    }
}

extension MergeConflict.Field: ExpressibleByArgument {}
extension ConflictChoice: EnumerableFlag {}
