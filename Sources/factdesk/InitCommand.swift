import ArgumentParser
import FactDesk

/// `factdesk init`: creates a desk, and a git repository if none encloses it.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create a desk (and a git repository if none encloses it).")

    @OptionGroup var desk: DeskOptions

    func run() throws {
        let store = try DeskStore.create(at: desk.storePath, editor: try desk.resolvedEditor())
        print("Created a \(store.kind.rawValue) desk in \(desk.storePath)")
    }
}
