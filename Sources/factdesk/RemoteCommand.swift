import ArgumentParser
import FactDesk

/// `factdesk remote add|list|remove`: the git remotes this clone syncs with.
struct RemoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remote", abstract: "Manage the git remotes this clone syncs with (kept in the clone's git configuration).",
        subcommands: [RemoteAddCommand.self, RemoteListCommand.self, RemoteRemoveCommand.self])
}

/// `factdesk remote add NAME URL`.
struct RemoteAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a remote: a path, file://, git://, http(s):// or ssh:// URL.")

    @Argument(help: "The remote's name, such as origin.")
    var name: String

    @Argument(help: "Where the shared repository is.")
    var url: String

    @OptionGroup var desk: DeskOptions

    func run() throws {
        try desk.openStore().addRemote(named: name, url: url)
    }
}

/// `factdesk remote list`.
struct RemoteListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the remotes and their URLs.")

    @OptionGroup var desk: DeskOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let remotes = try desk.openStore().remotes()
        if output.json { return try Output.printJSON(remotes) }
        for remote in remotes { print("\(remote.name)\t\(remote.url)") }
    }
}

/// `factdesk remote remove NAME`.
struct RemoteRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a remote and its remote-tracking branches.")

    @Argument(help: "The remote's name.")
    var name: String

    @OptionGroup var desk: DeskOptions

    func run() throws {
        try desk.openStore().removeRemote(named: name)
    }
}
