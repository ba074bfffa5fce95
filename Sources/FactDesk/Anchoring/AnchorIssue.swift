/// Why a claim needs an editor's eye after its article was revised: the text it was about
/// changed, or could not be found at all. Cleared by `reanchor`.
public struct AnchorIssue: Codable, Equatable, Sendable {
    /// What happened to the claim's text.
    public enum Kind: String, Codable, Sendable {
        /// Found again by a fuzzy match: the words differ from what was checked.
        case changed
        /// Not found: the claim keeps its old anchor, on the old revision.
        case orphaned
    }

    public var kind: Kind
    /// The article revision whose update raised the issue.
    public var revision: Int
    /// The quote as it was before that revision.
    public var previousQuote: String
}
