import Foundation

/// One commit in the history of a claim or an article: who changed it, when, and how.
public struct HistoryEntry: Codable, Equatable, Sendable {
    public var commit: String
    public var date: Date
    /// The commit author, `Name <email>`.
    public var editor: String
    /// The commit's summary line, such as `verify c-7k2q: verified (2 sources)`.
    public var message: String
    /// The claim's status after this commit; nil for article history or a removed claim.
    public var status: ClaimStatus?
    /// For a claim, what the commit did to it when the summary speaks of more, such as how an
    /// article revision moved its anchor (`c-7k2q moved ¶3 120-140 → ¶4 160-180`).
    public var detail: String?

    enum CodingKeys: String, CodingKey { case commit, date, editor, message, status, detail }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(commit, forKey: .commit)
        try container.encode(date, forKey: .date)
        try container.encode(editor, forKey: .editor)
        try container.encode(message, forKey: .message)
        try container.encode(status, forKey: .status)
        try container.encode(detail, forKey: .detail)
    }
}
