import ArgumentParser
import FactDesk

/// `factdesk attribute CLAIM [--claimant NAME] [--claimant-kind K] [--claim-date DATE] [--appearance URL]...`.
struct AttributeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attribute", abstract: "Record who made a claim, when, and where it appeared.")

    @Argument(help: "The claim id, or a unique prefix of it.")
    var claim: String

    @OptionGroup var attribution: AttributionOptions
    @OptionGroup var desk: DeskOptions

    func run() throws {
        guard let given = try attribution.attribution() else {
            throw FactDeskError.invalidInput("give --claimant, --claim-date or --appearance to record")
        }
        let store = try desk.openStore()
        let updated = try store.attribute(claim, given, editor: try desk.resolvedEditor())
        let recorded = updated.attribution
        print("\(updated.id): claimed by \(recorded?.claimant ?? "unknown")" + (recorded?.date.map { " on \($0)" } ?? "")
              + ", \(recorded?.appearances.count ?? 0) appearance(s)")
    }
}
