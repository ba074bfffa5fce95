/// Follows claims from one text revision to the next, in this order: the position still holds
/// the exact text; else the quote wherever it still occurs (exactly, or in another quote, dash
/// or space style), each old occurrence paired with a new one by context and by where the line
/// diff says its place went, so a moved paragraph is found however far it went and a repeated
/// name keeps its own occurrence; else the words that now stand between the claim's unchanged
/// context; else a fuzzy match of the quote near its old place, above a similarity threshold;
/// else orphaned. Every range it returns starts and ends on the quoted words themselves.
final class Reanchorer {
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
    /// Between unchanged context, a text with this share of the old quote's words (in order), or
    /// of its characters, is taken as its new wording.
    static let bracketedWordSimilarity = 0.4
    static let bracketedLetterSimilarity = 0.5
    /// A quote this long (folded scalars) that still occurs is the claim's text wherever it went;
    /// a shorter one (a name, a number) needs some of its context or its old place to come along.
    static let distinctiveQuoteLength = 16
    /// The longest quote (folded scalars) matched approximately, about four paragraphs.
    static let fuzzyLimit = 4_000
    /// Past this many occurrences on either side, occurrences are not paired one by one.
    static let pairingLimit = 64

    let old: ArticleText
    let new: ArticleText
    private let map: PositionMap
    private let folded: FoldedText
    private let boundaries: CharacterBoundaries
    private let newEdges: ParagraphEdges
    /// The old text folded, made only when a claim's text is looked for elsewhere.
    private lazy var oldFolded = FoldedText(old.scalars)
    private lazy var oldEdges = ParagraphEdges(old, folded: oldFolded)

    init(old: ArticleText, new: ArticleText) {
        self.old = old
        self.new = new
        map = PositionMap(old: old, new: new)
        folded = FoldedText(new.scalars)
        boundaries = new.characterBoundaries()
        newEdges = ParagraphEdges(new, folded: folded)
    }

    func reanchor(_ anchor: Anchor) -> Outcome {
        let exact = Array(anchor.exact.unicodeScalars)
        let needle = FoldedText.needle(anchor.exact)
        guard !exact.isEmpty, !needle.isEmpty else { return .orphaned }
        let context = FoldedContext(anchor)
        let expected = map.map(anchor.start)

        // The claim's lines survived whole (kept, or moved as a paragraph moves) and still hold its text.
        let onOldText = anchor.end <= old.count && old.scalars[anchor.range].elementsEqual(exact)
        if onOldText, let start = map.intact(anchor.start), let last = map.intact(anchor.end - 1),
           last + 1 - start == exact.count, holds(exact, at: start) {
            let range = start..<(start + exact.count)
            return range == anchor.range ? .exact(range) : .moved(range)
        }
        if holds(exact, at: anchor.start) && contextScore(context, at: anchor.range) >= 0.5 {
            return .exact(anchor.range)
        }
        if expected != anchor.start && holds(exact, at: expected) {
            let range = expected..<(expected + exact.count)
            if contextScore(context, at: range) >= 0.5 { return .moved(range) }
        }
        if let range = occurrence(of: anchor, needle: needle, context: context, expected: expected) {
            return range == anchor.range && holds(exact, at: range.lowerBound) ? .exact(range) : .moved(range)
        }
        if let bracketed = betweenContexts(anchor, needle: needle, context: context, expected: expected) { return bracketed }
        return fuzzy(anchor, needle: needle, context: context, expected: expected)
    }

    private func holds(_ exact: [Unicode.Scalar], at start: Int) -> Bool {
        start >= 0 && start + exact.count <= new.count && new.scalars[start..<(start + exact.count)].elementsEqual(exact)
            && boundaries.contains(start) && boundaries.contains(start + exact.count)
    }

    // MARK: The quote elsewhere

    /// The new occurrence of the quote that is the claim's own. Old and new occurrences are paired
    /// best first (context, then nearness to where the old one's place went), so each new occurrence
    /// goes to the old occurrence it continues, and a claim whose own occurrence was deleted does not
    /// take another's. Nil when the claim's occurrence has no partner it can be trusted with.
    private func occurrence(of anchor: Anchor, needle: [Unicode.Scalar], context: FoldedContext, expected: Int) -> Range<Int>? {
        let candidates = QuoteSearch.find(needle, in: folded.scalars).filter {
            let range = folded.originalRange($0)
            return boundaries.contains(range.lowerBound) && boundaries.contains(range.upperBound)
        }
        guard !candidates.isEmpty else { return nil }
        let oldOccurrences = QuoteSearch.find(needle, in: oldFolded.scalars)
        // The claim's own old occurrence; an orphan from an earlier revision has none in the old text.
        let own = oldOccurrences.firstIndex { oldFolded.originalRange($0) == anchor.range }
        var partner: (index: Int, context: Double)?
        if let own, oldOccurrences.count <= Self.pairingLimit, candidates.count <= Self.pairingLimit {
            let contexts = oldOccurrences.indices.map { $0 == own ? context : FoldedContext(oldFolded, around: oldOccurrences[$0], edges: oldEdges) }
            partner = pair(own: own, oldOccurrences: oldOccurrences, contexts: contexts, candidates: candidates)
        } else {
            partner = candidates.indices.map { (index: $0, context: contextScore(context, atFolded: candidates[$0])) }
                .max { pairScore($0.context, candidates[$0.index], expected) < pairScore($1.context, candidates[$1.index], expected) }
        }
        guard let partner else { return nil }
        let range = folded.originalRange(candidates[partner.index])
        let near = abs(range.lowerBound - expected) <= max(64, anchor.exact.unicodeScalars.count)
        let trusted = partner.context >= 0.25 || near || needle.count >= Self.distinctiveQuoteLength
        return trusted ? range : nil
    }

    /// Greedy pairing of old and new occurrences, best pair first; the candidate paired with `own`.
    private func pair(own: Int, oldOccurrences: [Range<Int>], contexts: [FoldedContext],
                      candidates: [Range<Int>]) -> (index: Int, context: Double)? {
        var pairs: [(score: Double, context: Double, old: Int, new: Int)] = []
        pairs.reserveCapacity(oldOccurrences.count * candidates.count)
        for (oldIndex, oldRange) in oldOccurrences.enumerated() {
            let expected = map.map(oldFolded.originalRange(oldRange).lowerBound)
            for (newIndex, candidate) in candidates.enumerated() {
                let context = contextScore(contexts[oldIndex], atFolded: candidate)
                pairs.append((pairScore(context, candidate, expected), context, oldIndex, newIndex))
            }
        }
        pairs.sort { $0.score > $1.score || ($0.score == $1.score && ($0.old, $0.new) < ($1.old, $1.new)) }
        var oldTaken = Set<Int>(), newTaken = Set<Int>()
        for pair in pairs where !oldTaken.contains(pair.old) && !newTaken.contains(pair.new) {
            if pair.old == own { return (pair.new, pair.context) }
            oldTaken.insert(pair.old)
            newTaken.insert(pair.new)
        }
        return nil
    }

    /// Context dominates; nearness to the expected place breaks ties and near-ties.
    private func pairScore(_ context: Double, _ candidate: Range<Int>, _ expected: Int) -> Double {
        let start = folded.originalRange(candidate).lowerBound
        let scale = Double(max(64, candidate.count))
        return context + 0.5 / (1 + Double(abs(start - expected)) / scale)
    }

    // MARK: Context

    /// How much of the stored context still surrounds original range `range`, from 0 to 1.
    private func contextScore(_ context: FoldedContext, at range: Range<Int>) -> Double {
        let lower = folded.foldedIndex(atOriginal: range.lowerBound)
        let upper = folded.foldedIndex(atOriginal: range.upperBound)
        return contextScore(context, atFolded: lower..<max(lower, upper))
    }

    /// How much of the context surrounds folded range `range` of the new text, from 0 to 1,
    /// white space ignored: scalars matching outward from the range's edges, and the paragraph
    /// edge beyond them when the context reached one and the new text has one there too.
    private func contextScore(_ context: FoldedContext, atFolded range: Range<Int>) -> Double {
        guard context.weight > 0 else { return 1 }
        let text = folded.scalars
        var matched = 0
        var mine = context.prefix.count - 1, theirs = range.lowerBound - 1
        while mine >= 0 && theirs >= 0 {
            if context.prefix[mine] == " " { mine -= 1; continue }
            if text[theirs] == " " { theirs -= 1; continue }
            guard context.prefix[mine] == text[theirs] else { break }
            matched += 1; mine -= 1; theirs -= 1
        }
        while mine >= 0 && context.prefix[mine] == " " { mine -= 1 }
        if mine < 0 && context.prefixReachesEdge && newEdges.starts.contains(theirs + 1) { matched += FoldedContext.edgeWeight }
        mine = 0; theirs = range.upperBound
        while mine < context.suffix.count && theirs < text.count {
            if context.suffix[mine] == " " { mine += 1; continue }
            if text[theirs] == " " { theirs += 1; continue }
            guard context.suffix[mine] == text[theirs] else { break }
            matched += 1; mine += 1; theirs += 1
        }
        while mine < context.suffix.count && context.suffix[mine] == " " { mine += 1 }
        if mine == context.suffix.count && context.suffixReachesEdge && newEdges.ends.contains(theirs) { matched += FoldedContext.edgeWeight }
        return Double(matched) / Double(context.weight)
    }

    // MARK: Rewritten text

    /// When the words around the claim are still there, near where the old place went, the claim's
    /// text is whatever now stands between them: changed (if similar enough), else orphaned. A side
    /// whose context is a paragraph's edge is bracketed by a paragraph edge; at least one side
    /// must be words.
    private func betweenContexts(_ anchor: Anchor, needle pattern: [Unicode.Scalar], context: FoldedContext,
                                 expected: Int) -> Outcome? {
        let before = Self.trimmedSpaces(Array(context.prefix.suffix(16)))
        let after = Self.trimmedSpaces(Array(context.suffix.prefix(16)))
        let wordsBefore = before.count >= 8, wordsAfter = after.count >= 8
        guard wordsBefore || wordsAfter,
              wordsBefore || context.prefixReachesEdge, wordsAfter || context.suffixReachesEdge else { return nil }
        let center = folded.foldedIndex(atOriginal: expected)
        let reach = max(2_000, 4 * pattern.count)
        let window = max(0, center - reach)..<min(folded.scalars.count, center + pattern.count + reach)
        let text = folded.scalars
        let starts: [Int] = wordsBefore
            ? QuoteSearch.find(before, in: Array(text[window])).map { $0.upperBound + window.lowerBound }
            : newEdges.starts.filter { window.contains($0) && text[$0...].starts(with: before) }.map { $0 + before.count }.sorted()
        var best: (range: Range<Int>, distance: Int)?
        for start in starts {
            let limit = min(text.count, start + 3 * pattern.count + 64)
            let end: Int?
            if wordsAfter {
                end = QuoteSearch.find(after, in: Array(text[start..<limit])).first.map { $0.lowerBound + start }
            } else {
                end = newEdges.ends.filter { $0 >= start + after.count && $0 <= limit && text[($0 - after.count)..<$0].elementsEqual(after) }
                    .min().map { $0 - after.count }
            }
            // A bracket never spans a paragraph break: the claim's words stay in one paragraph.
            guard let end, end > start, newEdges.firstEnd(after: start) >= end else { continue }
            let distance = abs(start - center)
            if best == nil || distance < best!.distance { best = (start..<end, distance) }
        }
        guard let bracket = best?.range else { return nil }
        let between = trimmedEdges(bracket, like: pattern)
        guard !between.isEmpty else { return .orphaned }
        let now = Array(text[between])
        guard now.count <= Self.fuzzyLimit, pattern.count <= Self.fuzzyLimit else { return .orphaned }
        // Most of the words remain (a sentence rewritten), or most of the characters (a number corrected).
        let letters = 1 - Double(FuzzyMatcher.distance(now, pattern)) / Double(max(pattern.count, now.count))
        let oldWords = Self.words(pattern), newWords = Self.words(now)
        let words = 1 - Double(FuzzyMatcher.distance(oldWords, newWords)) / Double(max(1, oldWords.count, newWords.count))
        guard words >= Self.bracketedWordSimilarity || letters >= Self.bracketedLetterSimilarity else { return .orphaned }
        let similarity = max(words, letters)
        let range = snapped(folded.originalRange(between))
        return range.isEmpty ? .orphaned : .changed(range, similarity: max(0, similarity))
    }

    /// The words of folded text, each without the punctuation around it.
    private static func words(_ scalars: [Unicode.Scalar]) -> [String] {
        scalars.split(separator: " ").compactMap { token in
            guard let first = token.firstIndex(where: isWordScalar), let last = token.lastIndex(where: isWordScalar) else { return nil }
            return String(String.UnicodeScalarView(token[first...last]))
        }
    }

    private static func trimmedSpaces(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result = scalars[...]
        while result.first == " " { result.removeFirst() }
        while result.last == " " { result.removeLast() }
        return Array(result)
    }

    /// The closest approximate match near the expected place, if similar enough. Quotes longer than
    /// `fuzzyLimit` are not searched approximately: their cost grows with the square of their length.
    private func fuzzy(_ anchor: Anchor, needle pattern: [Unicode.Scalar], context: FoldedContext, expected: Int) -> Outcome {
        guard pattern.count >= 3, pattern.count <= Self.fuzzyLimit else { return .orphaned }
        let center = folded.foldedIndex(atOriginal: expected)
        let reach = max(2_000, 4 * pattern.count)
        let window = max(0, center - reach)..<min(folded.scalars.count, center + pattern.count + reach)
        guard let match = FuzzyMatcher.bestMatch(of: pattern, in: folded.scalars, window: window, preferredStart: center),
              !match.range.isEmpty
        else { return .orphaned }
        let similarity = 1 - Double(match.distance) / Double(pattern.count)
        let edges = trimmedEdges(match.range, like: pattern)
        guard !edges.isEmpty else { return .orphaned }
        let range = snapped(folded.originalRange(edges))
        let trusted = similarity >= Self.similarityThreshold
            || (similarity >= Self.similarityWithContextThreshold && contextScore(context, atFolded: edges) >= 0.5)
        return trusted ? .changed(range, similarity: similarity) : .orphaned
    }

    /// Folded range `range` without leading or trailing spaces and punctuation that the quote does
    /// not begin or end with: a rewritten quote's span is its words, never a neighbouring dash.
    private func trimmedEdges(_ range: Range<Int>, like pattern: [Unicode.Scalar]) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        let text = folded.scalars
        while lower < upper, !Self.isWordScalar(text[lower]), text[lower] != pattern.first { lower += 1 }
        while upper > lower, !Self.isWordScalar(text[upper - 1]), text[upper - 1] != pattern.last { upper -= 1 }
        return lower..<upper
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            || (scalar.value >= 0x1F000 && scalar.properties.isEmoji)
    }

    /// Widens `range` to whole characters.
    private func snapped(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower > 0 && !boundaries.contains(lower) { lower -= 1 }
        while upper < new.count && !boundaries.contains(upper) { upper += 1 }
        return lower..<upper
    }
}

/// A claim's surrounding text, folded as `FoldedText` folds, for comparing contexts across
/// typography: what stood before the quote and what came after it, each cut at a paragraph
/// break, since paragraphs move independently; a cut side remembers that the paragraph's edge
/// (or the text's) was there, and a candidate at a paragraph edge matches it.
struct FoldedContext {
    let prefix: [Unicode.Scalar]
    let suffix: [Unicode.Scalar]
    /// The prefix reaches back to a paragraph start (or the text's start).
    let prefixReachesEdge: Bool
    /// The suffix reaches to a paragraph end (or the text's end).
    let suffixReachesEdge: Bool
    /// How much the context weighs (white space does not count; a paragraph edge does).
    let weight: Int

    /// What a paragraph edge counts for, against a scalar of context.
    static let edgeWeight = 12

    init(_ anchor: Anchor) {
        var prefix = Array(anchor.prefix.unicodeScalars)
        var suffix = Array(anchor.suffix.unicodeScalars)
        var prefixEdge = anchor.start == prefix.count, suffixEdge = suffix.count < Anchor.contextLength
        if let cut = Self.lastParagraphBreak(in: prefix) { prefix = Array(prefix[cut...]); prefixEdge = true }
        if let cut = Self.firstParagraphBreak(in: suffix) { suffix = Array(suffix[..<cut]); suffixEdge = true }
        self.init(prefix: FoldedText(prefix).scalars, suffix: FoldedText(suffix).scalars,
                  prefixReachesEdge: prefixEdge, suffixReachesEdge: suffixEdge)
    }

    /// The context of folded range `range` in `text`, as much of it as an anchor stores, cut at
    /// the paragraph edges `edges` of that text.
    init(_ text: FoldedText, around range: Range<Int>, edges: ParagraphEdges) {
        let length = Anchor.contextLength
        var lower = range.lowerBound, prefixEdge = false
        while lower > max(0, range.lowerBound - length) && !edges.starts.contains(lower) { lower -= 1 }
        prefixEdge = edges.starts.contains(lower) || lower == 0
        var upper = range.upperBound, suffixEdge = false
        while upper < min(text.scalars.count, range.upperBound + length) && !edges.ends.contains(upper) { upper += 1 }
        suffixEdge = edges.ends.contains(upper) || upper == text.scalars.count
        self.init(prefix: Array(text.scalars[lower..<range.lowerBound]), suffix: Array(text.scalars[range.upperBound..<upper]),
                  prefixReachesEdge: prefixEdge, suffixReachesEdge: suffixEdge)
    }

    private init(prefix: [Unicode.Scalar], suffix: [Unicode.Scalar], prefixReachesEdge: Bool, suffixReachesEdge: Bool) {
        self.prefix = prefix
        self.suffix = suffix
        self.prefixReachesEdge = prefixReachesEdge
        self.suffixReachesEdge = suffixReachesEdge
        weight = prefix.count { $0 != " " } + suffix.count { $0 != " " }
            + (prefixReachesEdge ? Self.edgeWeight : 0) + (suffixReachesEdge ? Self.edgeWeight : 0)
    }

    /// Where the text after the last paragraph break in `scalars` begins.
    private static func lastParagraphBreak(in scalars: [Unicode.Scalar]) -> Int? {
        var index = scalars.count - 1, newlines = 0
        while index >= 0 {
            if scalars[index] == "\n" {
                newlines += 1
                if newlines >= 2 {
                    var end = index
                    while end < scalars.count && FoldedText.isWhitespace(scalars[end]) { end += 1 }
                    return end
                }
            } else if !FoldedText.isWhitespace(scalars[index]) {
                newlines = 0
            }
            index -= 1
        }
        return nil
    }

    /// Where the first paragraph break in `scalars` begins.
    private static func firstParagraphBreak(in scalars: [Unicode.Scalar]) -> Int? {
        var index = 0, newlines = 0, stretchStart = 0
        while index < scalars.count {
            if FoldedText.isWhitespace(scalars[index]) {
                if newlines == 0 && (index == 0 || !FoldedText.isWhitespace(scalars[index - 1])) { stretchStart = index }
                if scalars[index] == "\n" { newlines += 1 }
                if newlines >= 2 { return stretchStart }
            } else {
                newlines = 0
            }
            index += 1
        }
        return nil
    }
}

/// The folded indices where a text's paragraphs begin and end (one past their last scalar).
struct ParagraphEdges {
    let starts: Set<Int>
    let ends: Set<Int>
    private let sortedEnds: [Int]

    init(_ text: ArticleText, folded: FoldedText) {
        starts = Set(text.paragraphs.map { folded.foldedIndex(atOriginal: $0.lowerBound) })
        sortedEnds = text.paragraphs.map { folded.foldedIndex(atOriginal: $0.upperBound) }
        ends = Set(sortedEnds)
    }

    /// The end of the paragraph holding folded index `index` (the first end after it).
    func firstEnd(after index: Int) -> Int {
        var low = 0, high = sortedEnds.count
        while low < high {
            let middle = (low + high) / 2
            if sortedEnds[middle] <= index { low = middle + 1 } else { high = middle }
        }
        return low < sortedEnds.count ? sortedEnds[low] : Int.max
    }
}
