import Foundation

/// A claim flattened for people and scripts (`show --json`, `claims --json`, a server's
/// responses): its position as start/end/paragraph and its quote as one string.
public struct ClaimView: Encodable, Equatable, Sendable {
    /// A source as shown to readers: where, what, and why it matters.
    public struct SourceView: Encodable, Equatable, Sendable {
        public let url: String
        @ExplicitNull public private(set) var title: String?
        @ExplicitNull public private(set) var note: String?

        init(_ source: Source) {
            url = source.url
            title = source.title
            note = source.note
        }
    }

    /// A verdict under the second-editor policy: who proposed it and, once settled, who approved it.
    public struct ReviewView: Encodable, Equatable, Sendable {
        public let verdict: ClaimStatus
        public let proposedBy: String
        public let proposedAt: Date
        @ExplicitNull public private(set) var approvedBy: String?
        @ExplicitNull public private(set) var approvedAt: Date?

        init(_ review: VerdictReview) {
            verdict = review.verdict
            proposedBy = review.proposedBy.description
            proposedAt = review.proposedAt
            approvedBy = review.approvedBy?.description
            approvedAt = review.approvedAt
        }
    }

    /// A value sync set aside when two desks changed the same field differently.
    public struct ConflictView: Encodable, Equatable, Sendable {
        public let field: MergeConflict.Field
        @ExplicitNull public private(set) var value: String?
        public let by: String
        public let at: Date

        init(_ conflict: MergeConflict) {
            field = conflict.field
            value = conflict.value
            by = conflict.by.description
            at = conflict.at
        }
    }

    public let id: String
    public let article: String
    public let claim: String
    public let status: ClaimStatus
    public let quote: String
    public let paragraph: Int
    public let start: Int
    public let end: Int
    public let revision: Int
    public let sources: [SourceView]
    public let notes: [Note]
    @ExplicitNull public private(set) var assignee: String?
    /// The deadline, `YYYY-MM-DD` or an ISO 8601 time.
    @ExplicitNull public private(set) var due: String?
    /// Open and past its deadline.
    public let overdue: Bool
    /// The verdict proposed or approved under the second-editor policy.
    @ExplicitNull public private(set) var review: ReviewView?
    /// A verdict awaits a second editor.
    public let awaitingReview: Bool
    /// Values sync set aside for an editor to settle (`factdesk resolve`).
    public let conflicts: [ConflictView]
    /// A person must look: a verdict awaits a second editor, or a merge conflict waits.
    public let needsReview: Bool
    /// The claim's logical clock: how many changes it has had since it was filed.
    public let clock: Int
    /// Who made the statement (a person or, with `claimantKind` organization, an organization).
    @ExplicitNull public private(set) var claimant: String?
    @ExplicitNull public private(set) var claimantKind: String?
    /// When the statement was made.
    @ExplicitNull public private(set) var claimDate: String?
    /// Where it was made, first appearance first.
    public let appearances: [String]
    public let createdBy: String
    public let createdAt: Date
    public let updatedBy: String
    public let updatedAt: Date
    public let statusChangedBy: String
    public let statusChangedAt: Date
    /// `changed` or `orphaned` when an article revision moved the claim's text; nil when sound.
    @ExplicitNull public private(set) var anchorIssue: AnchorIssue.Kind?
    /// The quote before the revision that changed or lost it.
    @ExplicitNull public private(set) var previousQuote: String?

    public init(_ claim: Claim, at now: Date = Date()) {
        id = claim.id.value
        article = claim.article.value
        self.claim = claim.claim
        status = claim.status
        quote = claim.anchor.exact
        paragraph = claim.paragraph
        start = claim.anchor.start
        end = claim.anchor.end
        revision = claim.anchor.revision
        sources = claim.sources.map(SourceView.init)
        notes = claim.notes
        assignee = claim.assignee
        due = claim.due?.text
        overdue = claim.isOverdue(at: now)
        review = claim.review.map(ReviewView.init)
        awaitingReview = claim.awaitingReview
        conflicts = (claim.conflicts ?? []).map(ConflictView.init)
        needsReview = claim.needsReview
        clock = claim.clock ?? 0
        claimant = claim.attribution?.claimant
        claimantKind = claim.attribution?.claimant == nil ? nil : (claim.attribution?.claimantKind ?? .person).rawValue
        claimDate = claim.attribution?.date?.text
        appearances = claim.attribution?.appearances ?? []
        createdBy = claim.createdBy.description
        createdAt = claim.createdAt
        updatedBy = claim.updatedBy.description
        updatedAt = claim.updatedAt
        statusChangedBy = claim.statusChangedBy.description
        statusChangedAt = claim.statusChangedAt
        anchorIssue = claim.anchorIssue?.kind
        previousQuote = claim.anchorIssue?.previousQuote
    }
}
