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

    /// Non-overlapping occurrences of `needle` in `haystack`, left to right.
    static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> [Range<Int>] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var result: [Range<Int>] = []
        var start = 0
        let first = needle[0]
        while start + needle.count <= haystack.count {
            if haystack[start] == first && haystack[start..<(start + needle.count)].elementsEqual(needle) {
                result.append(start..<(start + needle.count))
                start += needle.count
            } else {
                start += 1
            }
        }
        return result
    }
}
