import Foundation

/// A claim flattened for people and scripts (`show --json`, `claims --json`, a server's
/// responses): its position as start/end/paragraph and its quote as one string.
public struct ClaimView: Encodable, Equatable, Sendable {
    /// A source as shown to readers: where, what, and why it matters.
    public struct SourceView: Encodable, Equatable, Sendable {
        public let url: String
        public let title: String?
        public let note: String?

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(url, forKey: .url)
            try container.encode(title, forKey: .title)
            try container.encode(note, forKey: .note)
        }

        enum CodingKeys: String, CodingKey { case url, title, note }
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
    public let assignee: String?
    public let createdBy: String
    public let createdAt: Date
    public let updatedBy: String
    public let updatedAt: Date
    public let statusChangedBy: String
    public let statusChangedAt: Date
    /// `changed` or `orphaned` when an article revision moved the claim's text; nil when sound.
    public let anchor: AnchorIssue.Kind?
    /// The quote before the revision that changed or lost it.
    public let previousQuote: String?

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
        sources = claim.sources.map { SourceView(url: $0.url, title: $0.title, note: $0.note) }
        notes = claim.notes
        assignee = claim.assignee
        createdBy = claim.createdBy.description
        createdAt = claim.createdAt
        updatedBy = claim.updatedBy.description
        updatedAt = claim.updatedAt
        statusChangedBy = claim.statusChangedBy.description
        statusChangedAt = claim.statusChangedAt
        anchor = claim.anchorIssue?.kind
        previousQuote = claim.anchorIssue?.previousQuote
    }

    enum CodingKeys: String, CodingKey {
        case id, article, claim, status, quote, paragraph, start, end, revision, sources, notes, assignee
        case createdBy, createdAt, updatedBy, updatedAt, statusChangedBy, statusChangedAt, anchor, previousQuote
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(article, forKey: .article)
        try container.encode(claim, forKey: .claim)
        try container.encode(status, forKey: .status)
        try container.encode(quote, forKey: .quote)
        try container.encode(paragraph, forKey: .paragraph)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(revision, forKey: .revision)
        try container.encode(sources, forKey: .sources)
        try container.encode(notes, forKey: .notes)
        try container.encode(assignee, forKey: .assignee)
        try container.encode(createdBy, forKey: .createdBy)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedBy, forKey: .updatedBy)
        try container.encode(updatedAt, forKey: .updatedAt)
        try container.encode(statusChangedBy, forKey: .statusChangedBy)
        try container.encode(statusChangedAt, forKey: .statusChangedAt)
        try container.encode(anchor, forKey: .anchor)
        try container.encode(previousQuote, forKey: .previousQuote)
    }
}
