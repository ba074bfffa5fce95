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

    public init(_ claim: Claim) {
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
