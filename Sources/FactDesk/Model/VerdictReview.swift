import Foundation

/// A verdict under the desk's second-editor policy: proposed by one editor, settled only when a
/// different editor approves it. Pending while `approvedBy` is nil; a rejection removes it.
public struct VerdictReview: Codable, Equatable, Sendable {
    /// The proposed verdict: verified, false, misleading or unverifiable.
    public var verdict: ClaimStatus
    public var proposedBy: Editor
    public var proposedAt: Date
    public var approvedBy: Editor?
    public var approvedAt: Date?

    /// Waiting for a second editor.
    public var isPending: Bool { approvedBy == nil }
}
