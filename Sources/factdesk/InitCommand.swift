import ArgumentParser
import FactDesk

/// `factdesk init [--bare] [PATH]`: creates a desk, and a git repository if none encloses it.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a desk (and a git repository if none encloses it); --bare makes a bare-repository desk.")

    @Flag(name: .long, help: "Create the desk in a bare repository at PATH (for a newsroom hub or a server).")
    var bare = false

    @Argument(help: "Where to create the desk (default: --store).")
    var path: String?

    @OptionGroup var desk: DeskOptions

    func run() throws {
        let target = path ?? desk.storePath
        let store = try DeskStore.create(at: target, editor: try desk.resolvedEditor(near: target), bare: bare)
        try store.configureMergeDriver(command: MergeDriverCommand.command)
        print("Created a \(store.kind.rawValue) desk in \(target)")
    }
}
