/// Finds where a quote occurs in an article's text, in scalar offsets: exactly as typed
/// when it occurs so, else tolerating quote style, dash style and white space (see `FoldedText`).
/// One search serves many quotes of one text: the folded text and the character boundaries are
/// made once, on first need (an import anchors thousands of rows on one article).
final class QuoteSearch {
    let text: ArticleText
    private lazy var folded = FoldedText(text.scalars)
    private(set) lazy var boundaries = text.characterBoundaries()

    init(text: ArticleText) {
        self.text = text
    }

    /// Every non-overlapping occurrence of `quote`, in order, beginning and ending on character
    /// boundaries (never half a flag or an accent). Exact occurrences win; when there are none,
    /// tolerant ones are returned.
    func occurrences(of quote: String) -> [Range<Int>] {
        let exact = Self.find(Array(ArticleText.normalizedFragment(quote).unicodeScalars), in: text.scalars)
        var candidates = exact
        if candidates.isEmpty {
            var needle = FoldedText.needle(quote)
            candidates = Self.find(needle, in: folded.scalars).map(folded.originalRange)
            // Editors often type the quotation marks around a quote whose punctuation the article
            // puts inside them (“…decade,” said): try once more without the outer marks.
            while candidates.isEmpty, let first = needle.first, let last = needle.last, needle.count > 2,
                  Self.isQuoteMark(first) || Self.isQuoteMark(last) {
                if Self.isQuoteMark(first) { needle.removeFirst() }
                if Self.isQuoteMark(last) { needle.removeLast() }
                candidates = Self.find(needle, in: folded.scalars).map(folded.originalRange)
            }
        }
        guard !candidates.isEmpty else { return [] }
        return candidates.filter { boundaries.contains($0.lowerBound) && boundaries.contains($0.upperBound) }
    }

    private static func isQuoteMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\"" || scalar == "'"
    }

    /// Non-overlapping occurrences of `needle` in `haystack`, left to right, in time linear in
    /// both (Knuth–Morris–Pratt): a huge quote against a huge text cannot stall a writer.
    static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> [Range<Int>] {
        let length = needle.count
        guard length > 0, length <= haystack.count else { return [] }
        // For each prefix of the needle, the length of its longest proper border.
        var border = [Int](repeating: 0, count: length)
        var matched = 0
        for index in 1..<length {
            while matched > 0 && needle[index] != needle[matched] { matched = border[matched - 1] }
            if needle[index] == needle[matched] { matched += 1 }
            border[index] = matched
        }
        var result: [Range<Int>] = []
        matched = 0
        for (index, scalar) in haystack.enumerated() {
            while matched > 0 && scalar != needle[matched] { matched = border[matched - 1] }
            if scalar == needle[matched] { matched += 1 }
            if matched == length {
                result.append((index + 1 - length)..<(index + 1))
                matched = 0
            }
        }
        return result
    }
}
