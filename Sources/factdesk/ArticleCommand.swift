import ArgumentParser

/// `factdesk article`: the group of article commands.
struct ArticleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "article", abstract: "Add, update, show and list articles.",
        subcommands: [ArticleAddCommand.self, ArticleUpdateCommand.self, ArticleShowCommand.self, ArticleListCommand.self])
}
