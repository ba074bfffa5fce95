import Foundation

/// A column of the claims CSV, named as in its header row, in the order export writes them;
/// import matches header names to these whatever their case and order.
enum ClaimCSVColumn: String, CaseIterable {
    case article
    case claimID = "claim id"
    case claim, quote, paragraph, status, assignee
    case due = "due date"
    case claimant, sources, created, updated
}

extension Claim {
    /// This claim's cell in `column`: sources one URL a line, times in ISO 8601 UTC as stored.
    func csvCell(_ column: ClaimCSVColumn) -> String {
        switch column {
        case .article: article.value
        case .claimID: id.value
        case .claim: claim
        case .quote: anchor.exact
        case .paragraph: String(paragraph)
        case .status: status.rawValue
        case .assignee: assignee ?? ""
        case .due: due?.text ?? ""
        case .claimant: attribution?.claimant ?? ""
        case .sources: sources.map(\.url).joined(separator: "\n")
        case .created: ISODate.string(createdAt)
        case .updated: ISODate.string(updatedAt)
        }
    }
}

extension DeskStore {
    /// The claims of `articles` (all when empty) as CSV for a spreadsheet, one row per claim in
    /// article and text order after a header row; see `CSVTable` for the quoting, and for the
    /// apostrophe that keeps claim text from running as a formula.
    public func exportCSV(articles slugs: [ArticleSlug] = []) throws -> String {
        try read { snapshot in
            let claims = try snapshot.records(slugs.isEmpty ? nil : slugs, cache: summaryCache()).flatMap(\.claims)
            let columns = ClaimCSVColumn.allCases
            return CSVTable.render([columns.map(\.rawValue)] + claims.map { claim in columns.map { claim.csvCell($0) } })
        }
    }
}
