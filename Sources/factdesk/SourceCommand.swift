import ArgumentParser

/// `factdesk source`: the group of source commands.
struct SourceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "source", abstract: "Attach sources to claims.", subcommands: [SourceAddCommand.self])
}
