import Foundation

/// What a standards editor reads before publication: who owns how much open and overdue work;
/// per article, the claims that lost their place in a revision, the claims still open (overdue
/// first, then oldest first, with quote, paragraph, age, owner, deadline, any verdict awaiting a
/// second editor, and sources), then the settled ones.
public struct VerificationReport: Encodable, Sendable {
    /// Claim counts over the whole report.
    public struct Totals: Encodable, Sendable {
        public let claims: Int
        public let open: Int
        /// Open claims past their deadline.
        public let overdue: Int
        /// Claims whose proposed verdict awaits a second editor.
        public let awaitingReview: Int
        /// Claims whose text changed or was lost in a revision.
        public let flagged: Int
        /// Claims holding a merge conflict from sync, for an editor to settle.
        public let conflicted: Int
        public let byStatus: [String: Int]
    }

    /// One owner's open work: how many claims, and how many of them past their deadline.
    public struct OwnerLoad: Encodable, Sendable {
        public let owner: String
        public let open: Int
        public let overdue: Int
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
        /// The deadline, `YYYY-MM-DD` or an ISO 8601 time.
        @ExplicitNull public private(set) var due: String?
        public let overdue: Bool
        /// A verdict proposed under the second-editor policy, not settled until another editor approves it.
        @ExplicitNull public private(set) var proposedVerdict: ClaimStatus?
        @ExplicitNull public private(set) var proposedBy: String?
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
        /// Under the second-editor policy, who proposed the verdict (`decidedBy` approved it).
        @ExplicitNull public private(set) var proposedBy: String?
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
    /// A claim two synced desks changed differently: the fields whose other value waits for an editor.
    public struct ConflictedClaim: Encodable, Sendable {
        public let id: String
        public let claim: String
        public let status: ClaimStatus
        public let paragraph: Int
        /// `claim`, `status` or `assignee`, with the value sync set aside for each.
        public let conflicts: [String]
    }

    public struct ArticleReport: Encodable, Sendable {
        public let id: String
        public let title: String
        @ExplicitNull public private(set) var url: String?
        public let revision: Int
        public let byStatus: [String: Int]
        public let flagged: [FlaggedClaim]
        public let conflicted: [ConflictedClaim]
        public let unverified: [OpenClaim]
        public let settled: [SettledClaim]
    }

    public let generatedAt: Date
    public let totals: Totals
    /// Owners of open claims: the most overdue first, then the most open, then by name.
    public let owners: [OwnerLoad]
    /// Articles with the most open claims first, then by id.
    public let articles: [ArticleReport]
    /// The settled verdicts as schema.org ClaimReview JSON-LD, for the HTML page; nil when the
    /// desk has no publisher or nothing to publish. Not part of the JSON report.
    public let claimReviews: String?

    private enum CodingKeys: String, CodingKey {
        case generatedAt, totals, owners, articles
    }

    /// Builds the report for `documents` as of `now`; `claimReviews` is the ClaimReview markup of the same documents.
    init(documents: [ArticleRecord], now: Date, claimReviews: String? = nil) {
        generatedAt = now
        self.claimReviews = claimReviews
        var totalCounts = [Int](repeating: 0, count: ClaimStatus.allCases.count)
        var flaggedCount = 0, overdueCount = 0, awaitingCount = 0, conflictedCount = 0
        var loads: [String: (open: Int, overdue: Int)] = [:]
        articles = documents.map { document in
            let claims = document.claims
            // Sort positions, not claims: a claim is a large value, and there are 100,000 of them.
            // Overdue claims lead, the earliest deadline first; then the oldest.
            let overdue = claims.map { $0.isOverdue(at: now) }
            let open = claims.indices.filter { claims[$0].status.isOpen }.sorted {
                if overdue[$0] != overdue[$1] { return overdue[$0] }
                if overdue[$0], let a = claims[$0].due, let b = claims[$1].due, a != b { return a < b }
                return (claims[$0].createdAt, claims[$0].anchor.start) < (claims[$1].createdAt, claims[$1].anchor.start)
            }
            for index in open {
                let owner = claims[index].owner
                loads[owner, default: (0, 0)].open += 1
                if overdue[index] { loads[owner, default: (0, 0)].overdue += 1; overdueCount += 1 }
                if claims[index].awaitingReview { awaitingCount += 1 }
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
            let conflicted = claims.filter(\.hasMergeConflicts).map { claim in
                ConflictedClaim(id: claim.id.value, claim: claim.claim, status: claim.status, paragraph: claim.paragraph,
                                conflicts: (claim.conflicts ?? []).map { "\($0.field.rawValue): \($0.value ?? "none") (\($0.by.name))" })
            }
            conflictedCount += conflicted.count
            return ArticleReport(
                id: document.article.id.value, title: document.article.title, url: document.article.url,
                revision: document.article.revision, byStatus: Self.byStatus(counts), flagged: flagged, conflicted: conflicted,
                unverified: open.map { index in
                    let claim = claims[index]
                    return OpenClaim(id: claim.id.value, claim: claim.claim, status: claim.status, quote: claim.anchor.exact,
                                     paragraph: claim.paragraph, start: claim.anchor.start, end: claim.anchor.end,
                                     ageDays: max(0, Int(now.timeIntervalSince(claim.createdAt) / 86_400)),
                                     assignee: claim.assignee, owner: claim.owner, due: claim.due?.text, overdue: overdue[index],
                                     proposedVerdict: claim.review?.isPending == true ? claim.review?.verdict : nil,
                                     proposedBy: claim.review?.isPending == true ? claim.review?.proposedBy.description : nil,
                                     sources: claim.sources.map(ClaimView.SourceView.init))
                },
                settled: settled.map { index in
                    let claim = claims[index]
                    return SettledClaim(id: claim.id.value, claim: claim.claim, status: claim.status, quote: claim.anchor.exact,
                                        paragraph: claim.paragraph, decidedBy: claim.statusChangedBy.description,
                                        decidedAt: claim.statusChangedAt,
                                        proposedBy: claim.review?.approvedBy == nil ? nil : claim.review?.proposedBy.description,
                                        sources: claim.sources.map(ClaimView.SourceView.init))
                })
        }.sorted { ($1.unverified.count, $0.id) < ($0.unverified.count, $1.id) }
        let open = totalCounts[ClaimStatus.unverified.reportRank] + totalCounts[ClaimStatus.inReview.reportRank]
        totals = Totals(claims: totalCounts.reduce(0, +), open: open, overdue: overdueCount, awaitingReview: awaitingCount,
                        flagged: flaggedCount, conflicted: conflictedCount, byStatus: Self.byStatus(totalCounts))
        owners = loads.map { OwnerLoad(owner: $0.key, open: $0.value.open, overdue: $0.value.overdue) }
            .sorted { ($1.overdue, $1.open, $0.owner) < ($0.overdue, $0.open, $1.owner) }
    }

    /// Counts by status name, every status present, from counts indexed by report rank.
    private static func byStatus(_ counts: [Int]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: ClaimStatus.allCases.map { ($0.rawValue, counts[$0.reportRank]) })
    }
}

extension Claim {
    /// Who answers for the claim, by name: the assignee, else whoever filed it.
    var owner: String {
        guard let assignee else { return createdBy.name }
        guard let open = assignee.lastIndex(of: "<"), assignee.hasSuffix(">") else { return assignee }
        let name = assignee[..<open].trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? assignee : name
    }
}
