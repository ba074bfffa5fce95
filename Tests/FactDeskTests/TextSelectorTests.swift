import Foundation
import Testing
@testable import FactDesk

@Suite struct TextSelectorTests {
    let text: ArticleText

    init() throws {
        text = try ArticleText(normalizing: Data("""
        The mayor said “more than a dozen missiles” were fired — officials disagreed.

        Prices rose 3\u{A0}% in Zürich; the mayor said so twice. 🇨🇭🇺🇦

        東京の人口は1400万人です。 قال الوزير إن الأرقام صحيحة.
        """.utf8), source: "t")
    }

    @Test func quoteWithCurlyQuotesAndEmDashIsFoundAtItsScalarOffsets() throws {
        let quote = "“more than a dozen missiles” were fired —"
        let range = try TextSelector.quote(quote, occurrence: nil).resolve(in: text)
        let scalars = Array(text.string.unicodeScalars)
        let start = (0..<scalars.count).first { String(String.UnicodeScalarView(scalars[$0...])).hasPrefix(quote) }!
        #expect(range == start..<(start + quote.unicodeScalars.count))
        #expect(text.substring(range) == quote)
    }

    @Test func decomposedQuoteMatchesComposedText() throws {
        let range = try TextSelector.quote("Zu\u{308}rich", occurrence: nil).resolve(in: text)
        #expect(text.substring(range) == "Zürich")
        #expect(range.count == 6)
    }

    @Test func nonBreakingSpaceIsMatchedExactly() throws {
        let range = try TextSelector.quote("3\u{A0}%", occurrence: nil).resolve(in: text)
        #expect(text.substring(range) == "3\u{A0}%")
    }

    @Test func ambiguousQuoteListsEveryOccurrenceAndOccurrencePicksOne() throws {
        #expect {
            try TextSelector.quote("mayor said", occurrence: nil).resolve(in: text)
        } throws: { error in
            guard case FactDeskError.ambiguousQuote(_, let occurrences) = error else { return false }
            return occurrences.count == 2 && occurrences[0].contains("¶1") && occurrences[1].contains("¶2")
        }
        let second = try TextSelector.quote("mayor said", occurrence: 2).resolve(in: text)
        #expect(text.paragraphNumber(at: second.lowerBound) == 2)
        #expect(throws: FactDeskError.self) { try TextSelector.quote("mayor said", occurrence: 3).resolve(in: text) }
    }

    @Test func quotationMarksTypedAroundAQuoteAreDroppedWhenTheArticlePunctuatesInside() throws {
        let text = try ArticleText(normalizing: "It was “the largest in a decade,” she said.", source: "t")
        let range = try TextSelector.quote("\"the largest in a decade\"", occurrence: nil).resolve(in: text)
        #expect(text.substring(range) == "the largest in a decade")
    }

    @Test func quoteNotFound() {
        #expect(throws: FactDeskError.quoteNotFound("two dozen")) {
            try TextSelector.quote("two dozen", occurrence: nil).resolve(in: text)
        }
    }

    @Test func aQuoteThatIsHalfAFlagIsNotFound() {
        // 🇨🇭🇺🇦 contains the scalar pair 🇭🇺 (Hungary) across the two flags: not a real occurrence.
        #expect(throws: FactDeskError.self) { try TextSelector.quote("🇭🇺", occurrence: nil).resolve(in: text) }
    }

    @Test func paragraphsResolveToTheirTrimmedText() throws {
        let range = try TextSelector.paragraph(3).resolve(in: text)
        #expect(text.substring(range).hasPrefix("東京の人口"))
        #expect(text.substring(range).hasSuffix("صحيحة."))
        #expect(throws: FactDeskError.self) { try TextSelector.paragraph(0).resolve(in: text) }
        #expect(throws: FactDeskError.self) { try TextSelector.paragraph(4).resolve(in: text) }
    }

    @Test func spansAreCheckedForRangeAndCharacterBoundaries() throws {
        #expect(try TextSelector.span(start: 4, end: 9).resolve(in: text) == 4..<9)
        #expect(throws: FactDeskError.self) { try TextSelector.span(start: 9, end: 4).resolve(in: text) }
        #expect(throws: FactDeskError.self) { try TextSelector.span(start: 0, end: text.count + 1).resolve(in: text) }
        let flag = try TextSelector.quote("🇨🇭", occurrence: nil).resolve(in: text)
        #expect(throws: FactDeskError.self) {
            try TextSelector.span(start: flag.lowerBound, end: flag.lowerBound + 1).resolve(in: text)
        }
    }

    @Test func spanSyntax() throws {
        #expect(try TextSelector.parseSpan("12-40") == .span(start: 12, end: 40))
        for bad in ["12", "12-", "-3-4", "a-b", "1-2-3", ""] {
            #expect(throws: FactDeskError.self) { try TextSelector.parseSpan(bad) }
        }
    }
}

/// The quote search behind every selector, import and re-anchoring: the same occurrences as the
/// obvious search, in linear time however long the quote and the text.
@Suite struct QuoteSearchTests {
    static func naive(_ needle: [Unicode.Scalar], _ haystack: [Unicode.Scalar]) -> [Range<Int>] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var result: [Range<Int>] = [], start = 0
        while start + needle.count <= haystack.count {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) {
                result.append(start..<(start + needle.count))
                start += needle.count
            } else {
                start += 1
            }
        }
        return result
    }

    @Test func findsWhatTheObviousSearchFinds() {
        var random = SplitMix64(seed: 11)
        let alphabet: [Unicode.Scalar] = ["a", "b", "a", "“", "é"]
        for _ in 0..<3_000 {
            let haystack = (0..<Int.random(in: 0...40, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            let needle = (0..<Int.random(in: 1...5, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            #expect(QuoteSearch.find(needle, in: haystack) == Self.naive(needle, haystack), "\(needle) in \(haystack)")
        }
    }

    @Test(.timeLimit(.minutes(1))) func aHugeQuoteAgainstAHugeTextIsQuick() {
        let haystack = [Unicode.Scalar](repeating: "a", count: 1_000_000)
        let needle = [Unicode.Scalar](repeating: "a", count: 400_000) + ["b"]
        #expect(QuoteSearch.find(needle, in: haystack).isEmpty)
    }
}
