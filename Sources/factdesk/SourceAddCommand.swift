import ArgumentParser
import FactDesk

/// `factdesk source add CLAIM URL [--title T] [--note N]`.
struct SourceAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Attach a source to a claim.")

    @Argument(help: "The claim id, or a unique prefix of it.")
    var claim: String

    @Argument(help: "The source's URL.")
    var url: String

    @Option(name: .long, help: "What the source is.")
    var title: String?

    @Option(name: .long, help: "What the source shows.")
    var note: String?

    @OptionGroup var desk: DeskOptions

    func run() throws {
        let store = try desk.openStore()
        let updated = try store.addSource(to: claim, url: url, title: title, note: note, editor: try desk.resolvedEditor())
        print("\(updated.id): \(updated.sources.count) source(s)")
    }
}
