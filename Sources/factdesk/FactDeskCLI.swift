import ArgumentParser
import FactDesk
import Foundation

/// Entry point: runs the command and turns every FactDesk error into one line on stderr.
@main
enum FactDeskCLI {
    static func main() {
        do {
            var command = try FactDeskCommand.parseAsRoot()
            try command.run()
        } catch let error as FactDeskError {
            Output.fail(error.description)
        } catch {
            FactDeskCommand.exit(withError: error)
        }
    }
}

/// `factdesk`: the root command, listing every subcommand.
struct FactDeskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "factdesk",
        abstract: "Attach claims, sources and verification status to article text, with every change a git commit.",
        version: "0.1.0",
        subcommands: [
            InitCommand.self, ArticleCommand.self, AnnotateCommand.self, SourceCommand.self,
            VerifyCommand.self, StatusCommand.self, ReviewCommand.self, AssignCommand.self, UnassignCommand.self,
            AttributeCommand.self, ClaimsCommand.self, ShowCommand.self,
            HistoryCommand.self, ReportCommand.self, ReanchorCommand.self, ExportCommand.self, ImportCommand.self, CheckCommand.self,
            SuggestCommand.self, PolicyCommand.self, EditorCommand.self, ServeCommand.self,
            RemoteCommand.self, SyncCommand.self, ResolveCommand.self, MergeDriverCommand.self,
        ]
    )
}
