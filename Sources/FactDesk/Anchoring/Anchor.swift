/// Where a claim sits in its article: a W3C TextPositionSelector (scalar offsets of the stored
/// NFC text, end exclusive) and a TextQuoteSelector (the exact text with some context),
/// on the text revision they were taken from.
public struct Anchor: Codable, Equatable, Sendable {
    public var revision: Int
    public var start: Int
    public var end: Int
    public var exact: String
    public var prefix: String
    public var suffix: String

    /// How many scalars of context are kept on each side of the quote.
    static let contextLength = 32

    public init(revision: Int, start: Int, end: Int, exact: String, prefix: String, suffix: String) {
        self.revision = revision
        self.start = start
        self.end = end
        self.exact = exact
        self.prefix = prefix
        self.suffix = suffix
    }

    /// The anchor of `range` in `text`, at revision `revision`.
    init(range: Range<Int>, in text: ArticleText, revision: Int) {
        self.revision = revision
        start = range.lowerBound
        end = range.upperBound
        exact = text.substring(range)
        prefix = text.substring(max(0, range.lowerBound - Self.contextLength)..<range.lowerBound)
        suffix = text.substring(range.upperBound..<min(text.count, range.upperBound + Self.contextLength))
    }

    public var range: Range<Int> { start..<end }
}
