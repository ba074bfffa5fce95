import ArgumentParser
import FactDesk
import Foundation

/// `factdesk editor add|list|remove`: who may sign in to this clone's web desk.
struct EditorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "editor", abstract: "Manage who may sign in to the web desk (tokens kept hashed in the git directory).",
        subcommands: [EditorAddCommand.self, EditorListCommand.self, EditorRemoveCommand.self])
}

/// `factdesk editor add "Name <email>"`: prints the editor's new sign-in token, alone.
struct EditorAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Let an editor sign in; prints their token once.")

    @Argument(help: "The editor, \"Name <email>\".")
    var editor: String

    @OptionGroup var desk: DeskOptions

    func run() throws {
        let person = try Editor(parsing: editor)
        print(try desk.openStore().addEditor(person))
    }
}

/// `factdesk editor list`.
struct EditorListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the editors who may sign in.")

    @OptionGroup var desk: DeskOptions
    @OptionGroup var output: OutputOptions

    /// An editor as `--json` lists them.
    struct Row: Encodable {
        let editor: String
        let addedAt: Date
    }

    func run() throws {
        let rows = try desk.openStore().signInEditors().map { Row(editor: $0.editor.description, addedAt: $0.addedAt) }
        if output.json { return try Output.printJSON(rows) }
        if rows.isEmpty { print("No one can sign in yet: add an editor with `factdesk editor add \"Name <email>\"`.") }
        for row in rows { print("\(row.editor)  since \(row.addedAt.readableUTC)") }
    }
}

/// `factdesk editor remove EMAIL`.
struct EditorRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Take an editor's sign-in away.")

    @Argument(help: "The editor's email.")
    var email: String

    @OptionGroup var desk: DeskOptions

    func run() throws {
        try desk.openStore().removeEditor(email: email)
        print("\(email) can no longer sign in")
    }
}
