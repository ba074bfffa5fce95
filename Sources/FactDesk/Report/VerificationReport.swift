import Foundation

/// What a standards editor reads before publication: per article, the claims that lost their
/// place in a revision, the claims still open (oldest first, with quote, paragraph, age, owner
/// and sources), then the settled ones.
public struct VerificationReport: Encodable, Sendable {
    /// Claim counts over the whole report.
    public struct Totals: Encodable, Sendable {
        public let claims: Int
        public let open: Int
        /// Claims whose text changed or was lost in a revision.
        public let flagged: Int
        public let byStatus: [String: Int]
    }

    /// A claim that still needs checking (`unverified` or `in-review`).
    public struct OpenClaim: Encodable, Sendable {
        public let id: String
        public let claim: String
        public let status: ClaimStatus
        public let quote: String
        public let paragraph: Int
        public let start: Int
        public let end: Int
        public let ageDays: Int
        @ExplicitNull public private(set) var assignee: String?
        /// Who answers for it: the assignee, else whoever filed it.
        public let owner: String
        public let sources: [ClaimView.SourceView]
    }

    /// A claim with a verdict, and who reached it.
    public struct SettledClaim: Encodable, Sendable {
        public let id: String
        public let claim: String
        public let status: ClaimStatus
        public let quote: String
        public let paragraph: Int
        public let decidedBy: String
        public let decidedAt: Date
        public let sources: [ClaimView.SourceView]
    }

    /// A claim that lost its place or whose text changed when the article was revised.
    public struct FlaggedClaim: Encodable, Sendable {
        public let id: String
        public let claim: String
        public let status: ClaimStatus
        public let anchorIssue: AnchorIssue.Kind
        public let revision: Int
        public let previousQuote: String
        /// The quote now, for a changed claim; the old one for an orphaned claim.
        public let quote: String
        public let paragraph: Int
    }

    /// One article's part of the report.
    public struct ArticleReport: Encodable, Sendable {
        public let id: String
        public let title: String
        @ExplicitNull public private(set) var url: String?
        public let revision: Int
        public let byStatus: [String: Int]
        public let flagged: [FlaggedClaim]
        public let unverified: [OpenClaim]
        public let settled: [SettledClaim]
    }

    public let generatedAt: Date
    public let totals: Totals
    /// Articles with the most open claims first, then by id.
    public let articles: [ArticleReport]

    /// Builds the report for `documents` as of `now`.
    init(documents: [ArticleRecord], now: Date) {
        generatedAt = now
        var totalCounts = [Int](repeating: 0, count: ClaimStatus.allCases.count)
        var flaggedCount = 0
        articles = documents.map { document in
            let claims = document.claims
            // Sort positions, not claims: a claim is a large value, and there are 100,000 of them.
            let open = claims.indices.filter { claims[$0].status.isOpen }.sorted {
                (claims[$0].createdAt, claims[$0].anchor.start) < (claims[$1].createdAt, claims[$1].anchor.start)
            }
            let settled = claims.indices.filter { !claims[$0].status.isOpen }.sorted {
                (claims[$0].status, claims[$0].anchor.start) < (claims[$1].status, claims[$1].anchor.start)
            }
            var counts = [Int](repeating: 0, count: ClaimStatus.allCases.count)
            for claim in claims { counts[claim.status.reportRank] += 1 }
            for (rank, count) in counts.enumerated() { totalCounts[rank] += count }
            let flagged = claims.compactMap { claim in
                claim.anchorIssue.map { issue in
                    FlaggedClaim(id: claim.id.value, claim: claim.claim, status: claim.status, anchorIssue: issue.kind,
                                 revision: issue.revision, previousQuote: issue.previousQuote,
                                 quote: claim.anchor.exact, paragraph: claim.paragraph)
                }
            }
            flaggedCount += flagged.count
            return ArticleReport(
                id: document.article.id.value, title: document.article.title, url: document.article.url,
                revision: document.article.revision, byStatus: Self.byStatus(counts), flagged: flagged,
                unverified: open.map { index in
                    let claim = claims[index]
                    return OpenClaim(id: claim.id.value, claim: claim.claim, status: claim.status, quote: claim.anchor.exact,
                                     paragraph: claim.paragraph, start: claim.anchor.start, end: claim.anchor.end,
                                     ageDays: max(0, Int(now.timeIntervalSince(claim.createdAt) / 86_400)),
                                     assignee: claim.assignee, owner: claim.assignee ?? claim.createdBy.name,
                                     sources: claim.sources.map(ClaimView.SourceView.init))
                },
                settled: settled.map { index in
                    let claim = claims[index]
                    return SettledClaim(id: claim.id.value, claim: claim.claim, status: claim.status, quote: claim.anchor.exact,
                                        paragraph: claim.paragraph, decidedBy: claim.statusChangedBy.description,
                                        decidedAt: claim.statusChangedAt, sources: claim.sources.map(ClaimView.SourceView.init))
                })
        }.sorted { ($1.unverified.count, $0.id) < ($0.unverified.count, $1.id) }
        let open = totalCounts[ClaimStatus.unverified.reportRank] + totalCounts[ClaimStatus.inReview.reportRank]
        totals = Totals(claims: totalCounts.reduce(0, +), open: open, flagged: flaggedCount, byStatus: Self.byStatus(totalCounts))
    }

    /// Counts by status name, every status present, from counts indexed by report rank.
    private static func byStatus(_ counts: [Int]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: ClaimStatus.allCases.map { ($0.rawValue, counts[$0.reportRank]) })
    }
}
