import Foundation

/// One commit in the history of a claim or an article: who changed it, when, and how.
public struct HistoryEntry: Encodable, Equatable, Sendable {
    public var commit: String
    public var date: Date
    /// The commit author, `Name <email>`.
    public var editor: String
    /// The commit's summary line, such as `verify c-7k2q: verified (2 sources)`.
    public var message: String
    /// The claim's status after this commit; nil for article history or a removed claim.
    @ExplicitNull public var status: ClaimStatus?
    /// For a claim, what the commit did to it when the summary speaks of more, such as how an
    /// article revision moved its anchor (`c-7k2q moved ¶3 120-140 → ¶4 160-180`).
    @ExplicitNull public var detail: String?
}
