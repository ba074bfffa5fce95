import ArgumentParser
import FactDesk
import Foundation

/// `factdesk export --format w3c|csv|claimreview [SLUG]...`: claims as a W3C Web Annotation collection
/// or as CSV for a spreadsheet, or settled verdicts as schema.org ClaimReview.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export claims as a W3C Web Annotation collection or CSV, or settled verdicts as schema.org ClaimReview (JSON-LD).")

    @Argument(help: "Only these articles' claims (default: all).")
    var slugs: [String] = []

    @Option(name: .long, help: "The export format: w3c, csv or claimreview.")
    var format: String = "w3c"

    @Option(name: .long, help: "Write to this file instead of stdout.")
    var output: String?

    @OptionGroup var desk: DeskOptions

    func run() throws {
        let articles = try slugs.map { try ArticleSlug($0) }
        switch format {
        case "w3c":
            try OutputFile.write(try desk.openStore().exportW3C(articles: articles), to: output)
        case "csv":
            try OutputFile.write(try desk.openStore().exportCSV(articles: articles), to: output)
        case "claimreview":
            let export = try desk.openStore().exportClaimReview(articles: articles)
            for slug in export.withoutURL {
                Output.warn("the verdicts of \(slug) are not exported: the article has no URL for their ClaimReview")
            }
            try OutputFile.write(export.jsonLD, to: output)
        default:
            throw FactDeskError.invalidInput("unknown export format '\(format)'; use w3c, csv or claimreview")
        }
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
