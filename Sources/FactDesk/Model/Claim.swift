import Foundation

/// A checkable statement in an article, anchored to a span of its text, with its sources,
/// status and the people who touched it. Stored as one JSON file per claim.
public struct Claim: Codable, Equatable, Sendable {
    public var id: ClaimID
    public var article: ArticleSlug
    public var claim: String
    public var status: ClaimStatus
    public var anchor: Anchor
    /// The paragraph (from 1) holding the start of the anchor.
    public var paragraph: Int
    public var sources: [Source]
    public var notes: [Note]
    public var assignee: String?
    public var createdBy: Editor
    public var createdAt: Date
    public var updatedBy: Editor
    public var updatedAt: Date
    /// Who last changed the status, and when: for a verified claim, who verified it.
    public var statusChangedBy: Editor
    public var statusChangedAt: Date
    /// Set when an article revision changed or lost the claim's text; nil when the anchor is sound.
    public var anchorIssue: AnchorIssue?

    /// The text of the claim on one line, cut to `limit` characters, for lists and commit messages.
    public func headline(limit: Int = 60) -> String {
        claim.oneLine(limit: limit)
    }
}

/// A remark left on a claim, with its author and time.
public struct Note: Codable, Equatable, Sendable {
    public var text: String
    public var by: Editor
    public var at: Date
}

extension String {
    /// This text with every run of whitespace as one space, cut to `limit` characters with an ellipsis.
    public func oneLine(limit: Int) -> String {
        // Fast path, taken by most claims and quotes: short, and no white space to fold.
        var bytes = 0, previousSpace = true, clean = true
        for byte in utf8 {
            bytes += 1
            let space = byte == 0x20
            if byte < 0x21 && !space || byte >= 0x7F || (space && previousSpace) { clean = false; break }
            previousSpace = space
        }
        if clean && !previousSpace && bytes <= limit { return self }
        var folded: [UInt8] = []
        folded.reserveCapacity(utf8.count)
        var pendingSpace = false
        for scalar in unicodeScalars {
            if FoldedText.isWhitespace(scalar) {
                pendingSpace = !folded.isEmpty
            } else {
                if pendingSpace { folded.append(0x20) }
                pendingSpace = false
                folded.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        let words = String(decoding: folded, as: UTF8.self)
        guard words.utf8.count > limit, words.count > limit else { return words }
        return String(words.prefix(limit - 1)) + "…"
    }
}
