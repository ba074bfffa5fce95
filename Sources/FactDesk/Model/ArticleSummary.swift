import Foundation

/// An article as lists show it (`factdesk article list --json`, the web desk's front page):
/// its claim counts by status, how many are still open, and how many lost or changed their text.
public struct ArticleSummary: Encodable, Sendable {
    public let id: String
    public let title: String
    @ExplicitNull public private(set) var url: String?
    public let revision: Int
    public let claims: Int
    public let open: Int
    /// Claims whose text was lost (orphaned) or changed in a revision.
    public let flagged: Int
    public let byStatus: [String: Int]
    /// Everyone assigned one of its open claims.
    public let assignees: [String]
    public let updatedAt: Date

    init(_ record: ArticleRecord) {
        let article = record.article
        id = article.id.value
        title = article.title
        url = article.url
        revision = article.revision
        claims = record.claims.count
        open = record.claims.filter { $0.status.isOpen }.count
        flagged = record.claims.filter { $0.anchorIssue != nil }.count
        var counts = Dictionary(uniqueKeysWithValues: ClaimStatus.allCases.map { ($0.rawValue, 0) })
        for claim in record.claims { counts[claim.status.rawValue, default: 0] += 1 }
        byStatus = counts
        assignees = Array(Set(record.claims.filter { $0.status.isOpen }.compactMap(\.assignee))).sorted()
        updatedAt = article.updatedAt
    }
}

extension DeskStore {
    /// Every article with its claim counts, sorted by slug, from the summary cache.
    public func articleSummaries() throws -> [ArticleSummary] {
        try read { snapshot in try snapshot.records(nil, cache: summaryCache()).map(ArticleSummary.init) }
    }
}
