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
    /// Who answers for the check: `Name <email>` (or a name from before assignments were checked).
    public var assignee: String?
    /// When the check must be done.
    public var due: DeskDate?
    /// Who made the statement, when and where: published with the verdict as ClaimReview.
    public var attribution: Attribution?
    /// A verdict proposed under the second-editor policy, pending or approved.
    public var review: VerdictReview?
    public var createdBy: Editor
    public var createdAt: Date
    public var updatedBy: Editor
    public var updatedAt: Date
    /// Who last changed the status, and when: for a verified claim, who verified it.
    public var statusChangedBy: Editor
    public var statusChangedAt: Date
    /// Set when an article revision changed or lost the claim's text; nil when the anchor is sound.
    public var anchorIssue: AnchorIssue?
    /// The claim's logical clock: raised by one on every change (nil: never changed since filed).
    /// Of two concurrent changes merged by sync, the one with the higher clock wins.
    public var clock: Int?
    /// Values concurrent changes set aside in a merge, until an editor chooses (nil: none).
    public var conflicts: [MergeConflict]?

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
        if isOneLine(limit: limit) { return self }
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

    /// Whether `oneLine(limit:)` gives this text back as it is: no white space to trim or fold (only
    /// single spaces between words), at most `limit` characters. True of most claims and quotes,
    /// curly quotes and dashes included, and much cheaper to check than folding is.
    func isOneLine(limit: Int) -> Bool {
        var text = self
        return text.withUTF8 { utf8 in
            var index = 0, previousSpace = true
            while index < utf8.count {
                if (0x21..<0x80).contains(utf8[index]) {  // most bytes: printable ASCII
                    previousSpace = false
                    index += 1
                    continue
                }
                // Decode the scalar at `index` (the bytes are valid UTF-8).
                let lead = UInt32(utf8[index])
                var value = lead, length = 1
                if lead >= 0x80 {
                    length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                    value = lead & (0x7F >> length)
                    for offset in 1..<length { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
                }
                let scalar = Unicode.Scalar(value)!
                if scalar == " " {
                    if previousSpace { return false }
                    previousSpace = true
                } else {
                    if FoldedText.isWhitespace(scalar) { return false }
                    previousSpace = false
                }
                index += length
            }
            if previousSpace && !utf8.isEmpty { return false }
            // Folded ASCII text has no "\r\n", so it has a Character per byte.
            return utf8.count <= limit || !utf8.allSatisfy({ $0 < 0x80 }) && count <= limit
        }
    }
}
