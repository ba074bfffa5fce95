import ArgumentParser
import FactDesk
import Foundation

/// `factdesk report [SLUG]... [--format markdown|json|html] [--output FILE]`.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "The verification report: what is still unverified, first.")

    @Argument(help: "Only these articles (default: all).")
    var slugs: [String] = []

    @Option(name: .long, help: "markdown, json or html.")
    var format: String = "markdown"

    @Option(name: .long, help: "Write the report to this file instead of stdout.")
    var output: String?

    @OptionGroup var desk: DeskOptions

    func run() throws {
        guard let reportFormat = ReportFormat(rawValue: format) else {
            throw FactDeskError.invalidInput("unknown format '\(format)'; use markdown, json or html")
        }
        let articles = try slugs.map { try ArticleSlug($0) }
        let report = try desk.openStore().report(articles: articles, claimReviews: reportFormat == .html)
        try OutputFile.write(reportFormat.renderUTF8(report), to: output)
    }
}
