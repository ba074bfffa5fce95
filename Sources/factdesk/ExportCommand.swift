import ArgumentParser
import FactDesk
import Foundation

/// `factdesk export --format w3c [SLUG]...`: claims as a W3C Web Annotation collection.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export claims as a W3C Web Annotation collection (JSON-LD).")

    @Argument(help: "Only these articles' claims (default: all).")
    var slugs: [String] = []

    @Option(name: .long, help: "The export format: w3c.")
    var format: String = "w3c"

    @Option(name: .long, help: "Write to this file instead of stdout.")
    var output: String?

    @OptionGroup var desk: DeskOptions

    func run() throws {
        guard format == "w3c" else { throw FactDeskError.invalidInput("unknown export format '\(format)'; use w3c") }
        let text = try desk.openStore().exportW3C(articles: try slugs.map { try ArticleSlug($0) })
        try OutputFile.write(text, to: output)
    }
}

/// Writes command output to a file (whole, atomically) or to stdout.
enum OutputFile {
    static func write(_ text: String, to path: String?) throws {
        guard let path else { return print(text, terminator: "") }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw FactDeskError.invalidInput("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
