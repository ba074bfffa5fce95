import ArgumentParser
import FactDesk
import Foundation

/// Options every command takes: which desk, and who is making the change.
struct DeskOptions: ParsableArguments {
    @Option(name: .long, help: "The desk folder (env FACTDESK_STORE, default ./annotations).")
    var store: String?

    @Option(name: .long, help: "Who makes the change, \"Name <email>\" (env FACTDESK_EDITOR, else git's user.name/user.email).")
    var editor: String?

    var storePath: String {
        store ?? ProcessInfo.processInfo.environment["FACTDESK_STORE"] ?? "annotations"
    }

    func openStore() throws -> DeskStore {
        let store = try DeskStore.open(at: storePath)
        store.noticeHandler = { Output.note($0) }
        if isatty(STDERR_FILENO) == 1 { store.progressHandler = { Output.progress($0, of: $1) } }
        return store
    }

    /// The editor for a change: --editor, then FACTDESK_EDITOR, then git's configuration.
    func resolvedEditor(near path: String? = nil) throws -> Editor {
        if let text = editor ?? ProcessInfo.processInfo.environment["FACTDESK_EDITOR"] {
            return try Editor(parsing: text)
        }
        if let configured = try DeskStore.configuredEditor(near: path ?? storePath) { return configured }
        throw FactDeskError.invalidInput(
            "no editor: pass --editor \"Jane Doe <jane@example.org>\", set FACTDESK_EDITOR, or set git's user.name and user.email")
    }
}

/// The `--json` flag of read commands.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON for scripts instead of text.")
    var json = false
}
