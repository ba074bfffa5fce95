import ArgumentParser
import FactDesk

/// `factdesk reanchor CLAIM (--quote TEXT | --span START-END | --paragraph N)`.
struct ReanchorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reanchor", abstract: "Re-attach a changed or orphaned claim to the current text.")

    @Argument(help: "The claim id, or a unique prefix of it.")
    var claim: String

    @OptionGroup var selection: SelectorOptions
    @OptionGroup var desk: DeskOptions

    func run() throws {
        let store = try desk.openStore()
        let claim = try store.reanchor(self.claim, to: try selection.selector(), editor: try desk.resolvedEditor())
        print("\(claim.id) anchored at ¶\(claim.paragraph) \(claim.anchor.start)-\(claim.anchor.end): “\(claim.anchor.exact.oneLine(limit: 70))”")
    }
}
