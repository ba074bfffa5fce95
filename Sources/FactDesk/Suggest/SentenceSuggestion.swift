/// A sentence of an article worth looking at first, as `CheckWorthiness` ranks it: its place
/// in the ranking, its text and span, its score and the reasons behind it.
public struct SentenceSuggestion: Equatable, Sendable {
    /// 1 for the most check-worthy sentence of the article.
    public let rank: Int
    public let sentence: String
    /// How check-worthy the sentence looks, from 0 to 1 (a probability under the learned model),
    /// to `scoreDecimals` places.
    public let score: Double
    public let paragraph: Int
    /// Unicode scalar offsets of the stored text, end exclusive.
    public let start: Int
    public let end: Int
    /// Whether a claim already covers some of the sentence.
    public internal(set) var covered: Bool
    /// What raised or lowered the score, the strongest first.
    public let reasons: [SuggestionReason]

    public var range: Range<Int> { start..<end }

    static let scoreDecimals = 3
}

/// One reason behind a suggestion's score: a feature of the sentence and its learned weight
/// (positive raises the sentence, negative lowers it).
public struct SuggestionReason: Equatable, Sendable {
    public let name: String
    /// To `decimals` places.
    public let weight: Double

    static let decimals = 2
}
