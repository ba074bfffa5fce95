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
        try write(Data(text.utf8), toFile: path)
    }

    /// Writes bytes as they are (a rendered report), without a String's copy.
    static func write(_ data: Data, to path: String?) throws {
        guard let path else { return try FileHandle.standardOutput.write(contentsOf: data) }
        try write(data, toFile: path)
    }

    private static func write(_ data: Data, toFile path: String) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw FactDeskError.invalidInput("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
