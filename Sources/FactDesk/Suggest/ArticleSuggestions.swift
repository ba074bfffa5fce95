/// An article's sentences ranked by `CheckWorthiness`, those a claim already covers marked:
/// what `factdesk suggest` prints and the web desk's article page underlines.
public struct ArticleSuggestions: Sendable {
    public let article: ArticleSlug
    /// The text revision the spans were taken on.
    public let revision: Int
    /// Every sentence, most check-worthy first.
    public let suggestions: [SentenceSuggestion]

    /// Ranks the document's text and marks the sentences that overlap a claim's anchor (claims
    /// that lost their place in a revision cover nothing).
    public init(_ document: ArticleDocument) {
        article = document.article.id
        revision = document.article.revision
        let anchors = document.claims.filter { $0.anchorIssue?.kind != .orphaned && $0.anchor.revision == document.article.revision }
            .map(\.anchor.range).sorted { $0.lowerBound < $1.lowerBound }
        suggestions = CheckWorthiness.rank(document.text).map { suggestion in
            var marked = suggestion
            marked.covered = Self.overlaps(suggestion.range, anyOf: anchors)
            return marked
        }
    }

    private init(article: ArticleSlug, revision: Int, suggestions: [SentenceSuggestion]) {
        self.article = article
        self.revision = revision
        self.suggestions = suggestions
    }

    /// The sentences no claim covers yet, most check-worthy first.
    public var uncovered: [SentenceSuggestion] { suggestions.filter { !$0.covered } }

    /// The same ranking cut down to what a reader asked for: without the covered sentences
    /// when `openOnly`, then the first `top` (all when nil). Ranks stay those of the whole article.
    public func showing(openOnly: Bool, top: Int?) -> ArticleSuggestions {
        let kept = openOnly ? uncovered : suggestions
        return ArticleSuggestions(article: article, revision: revision, suggestions: Array(kept.prefix(top ?? kept.count)))
    }

    /// Whether `range` overlaps one of `anchors` (sorted by start): the anchors starting before
    /// its end are found by binary search, and one of them overlaps when it reaches past its start.
    private static func overlaps(_ range: Range<Int>, anyOf anchors: [Range<Int>]) -> Bool {
        var low = 0, high = anchors.count
        while low < high {
            let middle = (low + high) / 2
            if anchors[middle].lowerBound < range.upperBound { low = middle + 1 } else { high = middle }
        }
        return anchors[..<low].contains { $0.upperBound > range.lowerBound }
    }
}
