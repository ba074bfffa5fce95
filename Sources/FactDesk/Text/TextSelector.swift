/// How an editor points at the text a claim is about.
public enum TextSelector: Equatable, Sendable {
    /// A whole paragraph, numbered from 1.
    case paragraph(Int)
    /// The text matching `quote`; `occurrence` (from 1) picks one when it occurs more than once.
    case quote(String, occurrence: Int?)
    /// Scalar offsets, start inclusive, end exclusive.
    case span(start: Int, end: Int)

    /// The one selector among the ways an editor can point at text (as the CLI's options or the
    /// API's fields give them): exactly one of a paragraph, a quote (with its occurrence) or a span.
    public static func choosing(paragraph: Int?, quote: String?, occurrence: Int?, start: Int?, end: Int?) throws -> TextSelector {
        let chosen = [paragraph != nil, quote != nil, start != nil || end != nil].filter { $0 }.count
        guard chosen == 1 else {
            throw FactDeskError.invalidInput("give exactly one of a paragraph, a quote or a span (start and end)")
        }
        if occurrence != nil && quote == nil { throw FactDeskError.invalidInput("an occurrence goes with a quote") }
        if let paragraph { return .paragraph(paragraph) }
        if let quote { return .quote(quote, occurrence: occurrence) }
        guard let start, let end else { throw FactDeskError.invalidInput("a span needs both start and end") }
        return .span(start: start, end: end)
    }

    /// Parses `START-END` as typed after `--span`.
    public static func parseSpan(_ text: String) throws -> TextSelector {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = Int(parts[0]), let end = Int(parts[1]) else {
            throw FactDeskError.invalidInput("span '\(text)' is not START-END, such as 120-184 (scalar offsets, end exclusive)")
        }
        return .span(start: start, end: end)
    }

    /// The range of `text` this selector points at, or a clear error.
    public func resolve(in text: ArticleText) throws -> Range<Int> {
        try resolve(using: QuoteSearch(text: text))
    }

    /// The same, with a search kept for many selectors on one text.
    func resolve(using search: QuoteSearch) throws -> Range<Int> {
        let text = search.text
        switch self {
        case .paragraph(let number):
            let paragraphs = text.paragraphs
            guard (1...max(1, paragraphs.count)).contains(number), number <= paragraphs.count else {
                throw FactDeskError.invalidInput("paragraph \(number) does not exist; the article has \(paragraphs.count) paragraphs")
            }
            return paragraphs[number - 1]

        case .span(let start, let end):
            guard start >= 0, end <= text.count, start < end else {
                throw FactDeskError.invalidInput("span \(start)-\(end) is outside the text (0-\(text.count)) or empty")
            }
            guard search.boundaries.contains(start), search.boundaries.contains(end) else {
                throw FactDeskError.invalidInput("span \(start)-\(end) cuts a character in two (an accent, emoji or flag); widen it")
            }
            return start..<end

        case .quote(let quote, let occurrence):
            let matches = search.occurrences(of: quote)
            guard !matches.isEmpty else { throw FactDeskError.quoteNotFound(quote.oneLine(limit: 80)) }
            if let occurrence {
                guard (1...matches.count).contains(occurrence) else {
                    throw FactDeskError.invalidInput("--occurrence \(occurrence) does not exist: the quote occurs \(matches.count) time(s)")
                }
                return matches[occurrence - 1]
            }
            guard matches.count == 1 else {
                throw FactDeskError.ambiguousQuote(quote.oneLine(limit: 60), occurrences: matches.map { describe($0, in: text) })
            }
            return matches[0]
        }
    }

    private func describe(_ range: Range<Int>, in text: ArticleText) -> String {
        let paragraph = text.paragraphNumber(at: range.lowerBound) ?? 0
        let context = text.substring(max(0, range.lowerBound - 20)..<min(text.count, range.upperBound + 20))
        return "¶\(paragraph) at \(range.lowerBound)-\(range.upperBound) “…\(context.oneLine(limit: 80))…”"
    }
}
