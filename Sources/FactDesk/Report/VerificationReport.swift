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
    init(documents: [(article: Article, claims: [Claim])], now: Date) {
        generatedAt = now
        articles = documents.map { document in
            let open = document.claims.filter { $0.status.isOpen }
                .sorted { ($0.createdAt, $0.anchor.start) < ($1.createdAt, $1.anchor.start) }
            let settled = document.claims.filter { !$0.status.isOpen }
                .sorted { ($0.status, $0.anchor.start) < ($1.status, $1.anchor.start) }
            return ArticleReport(
                id: document.article.id.value, title: document.article.title, url: document.article.url,
                revision: document.article.revision, byStatus: Self.countByStatus(document.claims),
                flagged: document.claims.compactMap { claim in
                    claim.anchorIssue.map { issue in
                        FlaggedClaim(id: claim.id.value, claim: claim.claim, status: claim.status, anchorIssue: issue.kind,
                                     revision: issue.revision, previousQuote: issue.previousQuote,
                                     quote: claim.anchor.exact, paragraph: claim.paragraph)
                    }
                },
                unverified: open.map { claim in
                    OpenClaim(id: claim.id.value, claim: claim.claim, status: claim.status, quote: claim.anchor.exact,
                              paragraph: claim.paragraph, start: claim.anchor.start, end: claim.anchor.end,
                              ageDays: max(0, Int(now.timeIntervalSince(claim.createdAt) / 86_400)),
                              assignee: claim.assignee, owner: claim.assignee ?? claim.createdBy.name,
                              sources: ClaimView(claim).sources)
                },
                settled: settled.map { claim in
                    SettledClaim(id: claim.id.value, claim: claim.claim, status: claim.status, quote: claim.anchor.exact,
                                 paragraph: claim.paragraph, decidedBy: claim.statusChangedBy.description,
                                 decidedAt: claim.statusChangedAt, sources: ClaimView(claim).sources)
                })
        }.sorted { ($1.unverified.count, $0.id) < ($0.unverified.count, $1.id) }
        let all = documents.flatMap(\.claims)
        totals = Totals(claims: all.count, open: all.filter { $0.status.isOpen }.count,
                        flagged: all.filter { $0.anchorIssue != nil }.count, byStatus: Self.countByStatus(all))
    }

    private static func countByStatus(_ claims: [Claim]) -> [String: Int] {
        var counts = Dictionary(uniqueKeysWithValues: ClaimStatus.allCases.map { ($0.rawValue, 0) })
        for claim in claims { counts[claim.status.rawValue, default: 0] += 1 }
        return counts
    }
}
