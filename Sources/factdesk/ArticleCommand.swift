import ArgumentParser

/// `factdesk article`: the group of article commands.
struct ArticleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "article", abstract: "Add, show and list articles.",
        subcommands: [ArticleAddCommand.self, ArticleShowCommand.self, ArticleListCommand.self])
}
