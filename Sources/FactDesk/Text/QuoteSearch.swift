/// Finds where a quote occurs in an article's text, in scalar offsets.
struct QuoteSearch {
    let text: ArticleText

    /// Every non-overlapping occurrence of `quote` (normalized like stored text), in order,
    /// that begins and ends on character boundaries (never half a flag or an accent).
    func occurrences(of quote: String) -> [Range<Int>] {
        let candidates = rawOccurrences(of: quote)
        guard !candidates.isEmpty else { return [] }
        let boundaries = text.characterBoundaries()
        return candidates.filter { boundaries.contains($0.lowerBound) && boundaries.contains($0.upperBound) }
    }

    private func rawOccurrences(of quote: String) -> [Range<Int>] {
        let needle = Array(ArticleText.normalizedFragment(quote).unicodeScalars)
        guard !needle.isEmpty, needle.count <= text.count else { return [] }
        let haystack = text.scalars
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
