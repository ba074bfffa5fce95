/// Approximate substring search (Sellers' algorithm): the part of a text that is fewest
/// edits (insertions, deletions, substitutions) away from a pattern, in O(text × pattern);
/// and the edit distance of two whole texts.
struct FuzzyMatcher {
    /// The best match: its range in the searched text and its edit distance to the pattern.
    struct Match: Equatable {
        let range: Range<Int>
        let distance: Int
    }

    /// The best match of `pattern` in `text[window]`; among equally good matches, the one
    /// starting nearest `preferredStart`.
    static func bestMatch(of pattern: [Unicode.Scalar], in text: [Unicode.Scalar], window: Range<Int>,
                          preferredStart: Int) -> Match? {
        let m = pattern.count
        guard m > 0, !window.isEmpty else { return nil }
        var cost = Array(0...m)
        var start = [Int](repeating: window.lowerBound, count: m + 1)
        var nextCost = cost, nextStart = start
        var best: Match?
        for j in window {
            nextCost[0] = 0
            nextStart[0] = j + 1
            let character = text[j]
            for i in 1...m {
                var value = cost[i - 1] + (pattern[i - 1] == character ? 0 : 1)
                var origin = start[i - 1]
                if cost[i] + 1 < value { value = cost[i] + 1; origin = start[i] }
                if nextCost[i - 1] + 1 < value { value = nextCost[i - 1] + 1; origin = nextStart[i - 1] }
                nextCost[i] = value
                nextStart[i] = origin
            }
            swap(&cost, &nextCost)
            swap(&start, &nextStart)
            let candidate = Match(range: start[m]..<(j + 1), distance: cost[m])
            if let current = best {
                if candidate.distance < current.distance
                    || (candidate.distance == current.distance
                        && abs(candidate.range.lowerBound - preferredStart) < abs(current.range.lowerBound - preferredStart)) {
                    best = candidate
                }
            } else {
                best = candidate
            }
        }
        return best
    }

    /// The edit distance (Levenshtein) between two whole sequences (of scalars, or of words), in O(a × b) time and O(b) space.
    static func distance<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
