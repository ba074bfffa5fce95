/// Follows claims from one text revision to the next, in this order: the position still holds
/// the exact text; else the quote (exactly, or tolerating quote, dash and space style), choosing
/// among occurrences by context and nearness to where the old position maps; else a fuzzy
/// match of the quote near that place, above a similarity threshold; else orphaned.
struct Reanchorer {
    /// Where a claim's text went.
    enum Outcome: Equatable {
        /// Same text at the same offsets.
        case exact(Range<Int>)
        /// The same text (or the same words in another typography) elsewhere.
        case moved(Range<Int>)
        /// A similar text near the old place; `similarity` in 0...1.
        case changed(Range<Int>, similarity: Double)
        /// Nowhere to be found.
        case orphaned
    }

    /// Below this similarity a fuzzy match is not trusted on its own.
    static let similarityThreshold = 0.7
    /// With both contexts still matching at least half-way, a lower similarity is trusted.
    static let similarityWithContextThreshold = 0.5

    let old: ArticleText
    let new: ArticleText
    private let map: PositionMap
    private let folded: FoldedText
    private let boundaries: CharacterBoundaries

    init(old: ArticleText, new: ArticleText) {
        self.old = old
        self.new = new
        map = PositionMap(old: old, new: new)
        folded = FoldedText(new.scalars)
        boundaries = new.characterBoundaries()
    }

    func reanchor(_ anchor: Anchor) -> Outcome {
        let exact = Array(anchor.exact.unicodeScalars)
        guard !exact.isEmpty else { return .orphaned }
        let expected = map.map(anchor.start)

        if holds(exact, at: anchor.start) && contextScore(anchor, at: anchor.range) >= 0.5 {
            return .exact(anchor.range)
        }
        if expected != anchor.start && holds(exact, at: expected) {
            let range = expected..<(expected + exact.count)
            if contextScore(anchor, at: range) >= 0.5 { return .moved(range) }
        }
        if let range = bestOccurrence(of: anchor, expected: expected) {
            return range == anchor.range && holds(exact, at: range.lowerBound) ? .exact(range) : .moved(range)
        }
        if let bracketed = betweenContexts(anchor, expected: expected) { return bracketed }
        return fuzzy(anchor, expected: expected)
    }

    private func holds(_ exact: [Unicode.Scalar], at start: Int) -> Bool {
        start >= 0 && start + exact.count <= new.count && new.scalars[start..<(start + exact.count)].elementsEqual(exact)
            && boundaries.contains(start) && boundaries.contains(start + exact.count)
    }

    /// Among the occurrences of the quote, the one whose context and place fit best.
    private func bestOccurrence(of anchor: Anchor, expected: Int) -> Range<Int>? {
        var candidates = QuoteSearch.find(Array(anchor.exact.unicodeScalars), in: new.scalars)
        if candidates.isEmpty {
            candidates = QuoteSearch.find(FoldedText.needle(anchor.exact), in: folded.scalars).map(folded.originalRange)
        }
        candidates = candidates.filter { boundaries.contains($0.lowerBound) && boundaries.contains($0.upperBound) }
        // The same words elsewhere are the claim's only if enough of their context came along,
        // or they sit where the old place went with some context: never a look-alike far away.
        let nearby = max(64, anchor.exact.unicodeScalars.count)
        let trusted = candidates.filter { range in
            let context = contextScore(anchor, at: range)
            return context >= 0.5 || (context >= 0.25 && abs(range.lowerBound - expected) <= nearby)
        }
        return trusted.max { score(anchor, $0, expected) < score(anchor, $1, expected) }
    }

    /// Context dominates; nearness to the expected place breaks ties and near-ties.
    private func score(_ anchor: Anchor, _ range: Range<Int>, _ expected: Int) -> Double {
        let distance = Double(abs(range.lowerBound - expected))
        let nearness = 1 / (1 + distance / Double(max(64, anchor.exact.unicodeScalars.count)))
        return contextScore(anchor, at: range) + 0.5 * nearness
    }

    /// How much of the stored prefix and suffix still surround `range`, from 0 to 1.
    private func contextScore(_ anchor: Anchor, at range: Range<Int>) -> Double {
        let prefix = Array(anchor.prefix.unicodeScalars)
        let suffix = Array(anchor.suffix.unicodeScalars)
        guard !prefix.isEmpty || !suffix.isEmpty else { return 1 }
        var before = 0
        while before < prefix.count, range.lowerBound - before - 1 >= 0,
              Self.same(prefix[prefix.count - before - 1], new.scalars[range.lowerBound - before - 1]) { before += 1 }
        var after = 0
        while after < suffix.count, range.upperBound + after < new.count,
              Self.same(suffix[after], new.scalars[range.upperBound + after]) { after += 1 }
        return Double(before + after) / Double(prefix.count + suffix.count)
    }

    private static func same(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        a == b || FoldedText.fold(a) == FoldedText.fold(b)
            || (FoldedText.isWhitespace(a) && FoldedText.isWhitespace(b))
    }

    /// When the words around the claim are still there, near where the old place went, the claim's
    /// text is whatever now stands between them: changed (if similar enough), else orphaned.
    private func betweenContexts(_ anchor: Anchor, expected: Int) -> Outcome? {
        let before = Array(FoldedText.needle(String(anchor.prefix.unicodeScalars.suffix(16).map(Character.init))))
        let after = Array(FoldedText.needle(String(anchor.suffix.unicodeScalars.prefix(16).map(Character.init))))
        let pattern = FoldedText.needle(anchor.exact)
        guard before.count >= 8, after.count >= 8, !pattern.isEmpty else { return nil }
        let center = folded.foldedIndex(atOriginal: expected)
        let reach = max(2_000, 4 * pattern.count)
        let window = max(0, center - reach)..<min(folded.scalars.count, center + pattern.count + reach)
        let starts = QuoteSearch.find(before, in: Array(folded.scalars[window])).map { $0.upperBound + window.lowerBound }
        var best: (range: Range<Int>, distance: Int)?
        for start in starts {
            let limit = min(folded.scalars.count, start + 3 * pattern.count + 64)
            guard let end = QuoteSearch.find(after, in: Array(folded.scalars[start..<limit])).first.map({ $0.lowerBound + start })
            else { continue }
            let distance = abs(start - center)
            if best == nil || distance < best!.distance { best = (start..<end, distance) }
        }
        guard let bracket = best?.range else { return nil }
        var between = Array(folded.scalars[bracket])
        while between.first == " " { between.removeFirst() }
        while between.last == " " { between.removeLast() }
        guard !between.isEmpty, let match = FuzzyMatcher.bestMatch(of: between, in: pattern, window: 0..<pattern.count, preferredStart: 0)
        else { return .orphaned }
        // Similarity of the two texts: edits over the longer one.
        let edits = match.distance + (pattern.count - match.range.count)
        let similarity = 1 - Double(edits) / Double(max(pattern.count, between.count))
        guard similarity >= Self.bracketedSimilarityThreshold else { return .orphaned }
        let range = snapped(new.trimmed(folded.originalRange(bracket)))
        return range.isEmpty ? .orphaned : .changed(range, similarity: max(0, similarity))
    }

    /// Between unchanged context, a text this similar to the old quote is taken as its new wording.
    static let bracketedSimilarityThreshold = 0.3

    /// The closest approximate match near the expected place, if similar enough.
    private func fuzzy(_ anchor: Anchor, expected: Int) -> Outcome {
        let pattern = FoldedText.needle(anchor.exact)
        guard pattern.count >= 3 else { return .orphaned }
        let center = folded.foldedIndex(atOriginal: expected)
        let reach = max(2_000, 4 * pattern.count)
        let window = max(0, center - reach)..<min(folded.scalars.count, center + pattern.count + reach)
        guard let match = FuzzyMatcher.bestMatch(of: pattern, in: folded.scalars, window: window, preferredStart: center),
              !match.range.isEmpty
        else { return .orphaned }
        let similarity = 1 - Double(match.distance) / Double(pattern.count)
        let range = snapped(new.trimmed(folded.originalRange(match.range)))
        guard !range.isEmpty else { return .orphaned }
        let trusted = similarity >= Self.similarityThreshold
            || (similarity >= Self.similarityWithContextThreshold && contextScore(anchor, at: range) >= 0.5)
        return trusted ? .changed(range, similarity: similarity) : .orphaned
    }

    /// Widens `range` to whole characters.
    private func snapped(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower > 0 && !boundaries.contains(lower) { lower -= 1 }
        while upper < new.count && !boundaries.contains(upper) { upper += 1 }
        return lower..<upper
    }
}
