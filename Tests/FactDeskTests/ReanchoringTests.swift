import Foundation
import Testing
@testable import FactDesk

/// Reporters rewrite; claims must follow the text and never land on the wrong words.
@Suite struct ReanchoringTests {
    static let original = """
    Mayor Lena Smith opened the session at 9 a.m. — an hour late.

    Smith said the city had “more than a dozen” new bus lines. Her deputy, Tom Smith, disagreed.

    The budget rose 4.2 % to €1.3 billion, officials said. Critics called it “a sleight of hand”.

    In Zürich, café owners 🇨🇭 said rents doubled. 東京の家賃も上がった。 قال المسؤول إن الأرقام دقيقة.
    """

    func text(_ string: String) throws -> ArticleText {
        try ArticleText(normalizing: Data(string.utf8), source: "test")
    }

    func anchor(_ quote: String, occurrence: Int? = nil, in text: ArticleText) throws -> Anchor {
        Anchor(range: try TextSelector.quote(quote, occurrence: occurrence).resolve(in: text), in: text, revision: 1)
    }

    func outcome(of quote: String, occurrence: Int? = nil, after edit: (String) -> String) throws -> (Reanchorer.Outcome, ArticleText) {
        let old = try text(Self.original)
        let new = try text(edit(Self.original))
        return (Reanchorer(old: old, new: new).reanchor(try anchor(quote, occurrence: occurrence, in: old)), new)
    }

    func range(of outcome: Reanchorer.Outcome) -> Range<Int>? {
        switch outcome {
        case .exact(let range), .moved(let range), .changed(let range, _): range
        case .orphaned: nil
        }
    }

    @Test func untouchedTextStaysExact() throws {
        let (result, _) = try outcome(of: "more than a dozen") { $0 + "\n\nA new closing paragraph." }
        guard case .exact = result else { Issue.record("expected exact, got \(result)"); return }
    }

    @Test func anInsertedParagraphMovesEveryLaterClaimByItsLength() throws {
        let inserted = "Breaking: the session was broadcast live 📺.\n\n"
        let old = try text(Self.original)
        let (result, new) = try outcome(of: "€1.3 billion") { inserted + $0 }
        let before = try anchor("€1.3 billion", in: old)
        #expect(result == .moved((before.start + inserted.unicodeScalars.count)..<(before.end + inserted.unicodeScalars.count)))
        #expect(new.substring(range(of: result)!) == "€1.3 billion")
    }

    @Test func aRepeatedNameKeepsItsOwnOccurrenceWhenAnotherIsInsertedBefore() throws {
        // The claim is on the second "Smith" (start of paragraph 2); a new paragraph adds one more before it.
        let old = try text(Self.original)
        let claim = try anchor("Smith", occurrence: 2, in: old)
        #expect(old.paragraphNumber(at: claim.start) == 2)
        let new = try text(Self.original.replacingOccurrences(of: "an hour late.\n\n", with: "an hour late.\n\nCouncillor Ada Smith was absent.\n\n"))
        let result = Reanchorer(old: old, new: new).reanchor(claim)
        let moved = try #require(range(of: result))
        #expect(new.substring(moved) == "Smith")
        #expect(new.paragraphNumber(at: moved.lowerBound) == 3)
        #expect(new.substring(moved.upperBound..<(moved.upperBound + 9)) == " said the")
    }

    @Test func aRepeatedNameSurvivesAnEditRightBesideIt() throws {
        // "Her deputy, Tom Smith, disagreed." becomes "His deputy, Tom Smith, strongly disagreed."
        let old = try text(Self.original)
        let claim = try anchor("Tom Smith", in: old)
        let new = try text(Self.original
            .replacingOccurrences(of: "Her deputy, Tom Smith, disagreed.", with: "His deputy, Tom Smith, strongly disagreed.")
            .replacingOccurrences(of: "Mayor Lena Smith", with: "Mayor Lena Smith, 54,"))
        let result = Reanchorer(old: old, new: new).reanchor(claim)
        let moved = try #require(range(of: result))
        #expect(new.substring(moved) == "Tom Smith")
        #expect(new.substring((moved.lowerBound - 4)..<moved.lowerBound) == "ty, ")
    }

    @Test func wordsEditedInsideTheQuoteGiveAChangedClaimOnTheNewWords() throws {
        let (result, new) = try outcome(of: "The budget rose 4.2 % to €1.3 billion") {
            $0.replacingOccurrences(of: "rose 4.2 % to €1.3 billion", with: "rose 4.5 % to €1.35 billion")
        }
        guard case .changed(let moved, let similarity) = result else { Issue.record("expected changed, got \(result)"); return }
        #expect(new.substring(moved) == "The budget rose 4.5 % to €1.35 billion")
        #expect(similarity > 0.85)
    }

    @Test func wordsEditedAroundTheQuoteDoNotMatter() throws {
        let (result, new) = try outcome(of: "a sleight of hand") {
            $0.replacingOccurrences(of: "Critics called it", with: "Opposition councillors on Monday described the plan as")
        }
        let moved = try #require(range(of: result))
        #expect(new.substring(moved) == "a sleight of hand")
    }

    @Test func aDeletedParagraphOrphansItsClaimsAndOnlyThose() throws {
        let removed = "The budget rose 4.2 % to €1.3 billion, officials said. Critics called it “a sleight of hand”.\n\n"
        let old = try text(Self.original)
        let new = try text(Self.original.replacingOccurrences(of: removed, with: ""))
        let reanchorer = Reanchorer(old: old, new: new)
        #expect(reanchorer.reanchor(try anchor("a sleight of hand", in: old)) == .orphaned)
        #expect(reanchorer.reanchor(try anchor("The budget rose 4.2 % to €1.3 billion, officials said.", in: old)) == .orphaned)
        let kept = try #require(range(of: reanchorer.reanchor(try anchor("rents doubled", in: old))))
        #expect(new.substring(kept) == "rents doubled")
    }

    @Test func curlyQuotesTurnedStraightAreTheSameWords() throws {
        let (result, new) = try outcome(of: "“more than a dozen” new bus lines") {
            $0.replacingOccurrences(of: "“", with: "\"").replacingOccurrences(of: "”", with: "\"")
        }
        guard case .moved(let moved) = result else { Issue.record("expected moved, got \(result)"); return }
        #expect(new.substring(moved) == "\"more than a dozen\" new bus lines")
    }

    @Test func straightQuotesTurnedCurlyAndDashesRetypedAreTheSameWords() throws {
        let old = try text("He said \"no deal\" -- twice.\n")
        let new = try text("He said “no deal” — twice.\n")
        let result = Reanchorer(old: old, new: new).reanchor(try anchor("\"no deal\"", in: old))
        #expect(result == .moved(8..<17) || result == .exact(8..<17))
        #expect(new.substring(8..<17) == "“no deal”")
    }

    @Test func reflowedLinesAndNonBreakingSpacesStillMatch() throws {
        let (result, new) = try outcome(of: "Smith said the city had “more than a dozen” new bus lines.") {
            $0.replacingOccurrences(of: "the city had “more", with: "the city\nhad\u{A0}“more")
        }
        let moved = try #require(range(of: result))
        #expect(new.substring(moved) == "Smith said the city\nhad\u{A0}“more than a dozen” new bus lines.")
    }

    @Test func emojiFlagsAccentsCJKAndRightToLeftShiftOffsetsByScalars() throws {
        let prefix = "🇺🇦🇨🇭 Update: Zoe\u{308} 👩🏽‍💻 — 更新 — تحديث\n\n"
        let old = try text(Self.original)
        let claims = ["東京の家賃も上がった。", "قال المسؤول إن الأرقام دقيقة.", "café owners 🇨🇭", "Zürich"]
        let new = try text(prefix + Self.original)
        let shift = try text(prefix + "x").count - 1
        let reanchorer = Reanchorer(old: old, new: new)
        for quote in claims {
            let before = try anchor(quote, in: old)
            let result = reanchorer.reanchor(before)
            #expect(result == .moved((before.start + shift)..<(before.end + shift)), "\(quote)")
            #expect(new.substring(before.range.lowerBound + shift..<before.range.upperBound + shift) == quote)
        }
    }

    @Test func aSimilarSentenceFarAwayIsNotTakenForTheLostOne() throws {
        let filler = String(repeating: "Filler paragraph about something else entirely.\n\n", count: 200)
        let old = try text("Intro.\n\nThe mayor resigned on Friday.\n\n" + filler + "End.\n")
        let new = try text("Intro.\n\n" + filler + "The mayor resigned on Monday.\n\nEnd.\n")
        let result = Reanchorer(old: old, new: new).reanchor(try anchor("The mayor resigned on Friday.", in: old))
        #expect(result == .orphaned)
    }

    @Test func theSameWordsInAnotherSentenceAreNotTakenForARewrittenOne() throws {
        let old = try text("Police said 12 people were hurt in the crash on Main Street.\n\nLast year, 12 people were hurt at a concert.\n")
        let new = try text("Police said nobody was hurt in the crash on Main Street.\n\nLast year, 12 people were hurt at a concert.\n")
        let claim = try anchor("12 people were hurt", occurrence: 1, in: old)
        let result = Reanchorer(old: old, new: new).reanchor(claim)
        if let moved = range(of: result) {
            #expect(new.paragraphNumber(at: moved.lowerBound) == 1, "moved to the concert sentence: \(result)")
        }
    }

    @Test func aRewrittenSentenceBelowTheThresholdIsOrphanedNotGuessed() throws {
        let (result, _) = try outcome(of: "Critics called it “a sleight of hand”.") {
            $0.replacingOccurrences(of: "Critics called it “a sleight of hand”.", with: "Nobody objected.")
        }
        #expect(result == .orphaned)
    }

    @Test func positionMapFollowsUnchangedLines() throws {
        let old = try text("a\nbb\nccc\n")
        let new = try text("zz\na\nbb\nXccc\n")
        let map = PositionMap(old: old, new: new)
        #expect(map.map(2) == 5)   // "bb" kept: 2 → 5
        #expect(map.map(5) == 8)   // "ccc" edited: placed after the kept "bb"
    }

    @Test func fuzzyMatcherFindsTheClosestSubstring() {
        let text = Array("the cat sat on the mat".unicodeScalars)
        let match = FuzzyMatcher.bestMatch(of: Array("sit on".unicodeScalars), in: text, window: 0..<text.count, preferredStart: 0)
        #expect(match == FuzzyMatcher.Match(range: 8..<14, distance: 1))
    }
}

/// The copy-edits that once lost or bent claims: a long paragraph moved far up, and dashes
/// retyped around or at the edge of a quote.
@Suite struct ReanchoringCopyEditTests {
    func text(_ string: String) throws -> ArticleText {
        try ArticleText(normalizing: string, source: "test")
    }

    func anchor(_ quote: String, in text: ArticleText) throws -> Anchor {
        Anchor(range: try TextSelector.quote(quote, occurrence: nil).resolve(in: text), in: text, revision: 1)
    }

    static let twelveParagraphs = (1...12).map { number in
        number == 11
            ? "The inspection report, released under a freedom-of-information request, found that \"three of the "
              + "bridge's 42 bearings\" had corroded beyond repair, that the contractor had been warned twice in 2023, "
              + "and that the city's own engineers signed off on the work without a site visit."
            : "Paragraph \(number) of the story, with its own facts: \(number * 7) trucks, \(number + 2) lanes, and a quote from resident \(number)."
    }

    @Test func aLongParagraphMovedFarUpIsFoundWordForWord() throws {
        let old = try text(Self.twelveParagraphs.joined(separator: "\n\n"))
        var paragraphs = Self.twelveParagraphs
        paragraphs.insert(paragraphs.remove(at: 10), at: 3)
        for curled in [false, true] {
            var moved = paragraphs
            if curled {
                moved[3] = moved[3].replacingOccurrences(of: "\"three", with: "“three")
                    .replacingOccurrences(of: "bearings\"", with: "bearings”").replacingOccurrences(of: "'", with: "’")
            }
            let new = try text(moved.joined(separator: "\n\n"))
            let reanchorer = Reanchorer(old: old, new: new)
            let whole = Anchor(range: old.paragraphs[10], in: old, revision: 1)
            #expect(whole.exact.unicodeScalars.count > 200)
            #expect(reanchorer.reanchor(whole) == .moved(new.paragraphs[3]), "curled: \(curled)")
            let part = try anchor("found that \"three of the bridge's 42 bearings\" had corroded", in: old)
            guard case .moved(let range) = reanchorer.reanchor(part) else { Issue.record("not moved"); continue }
            #expect(new.paragraphNumber(at: range.lowerBound) == 4)
            #expect(FoldedText.needle(new.substring(range)) == FoldedText.needle(part.exact))
        }
    }

    @Test(arguments: [("—", "--"), ("—", " -- "), ("—", "---"), (" — ", "—"), (" – ", " — "), ("--", "—")])
    func dashesRetypedAroundAQuoteLeaveItsEdgesAlone(before: String, after: String) throws {
        let sentence = { (dash: String) in "Intro paragraph.\n\nThe mayor\(dash)who was late\(dash)said the budget was final.\n\nEnd." }
        let old = try text(sentence(before))
        let new = try text(sentence(after))
        let reanchorer = Reanchorer(old: old, new: new)
        let words = reanchorer.reanchor(try anchor("who was late", in: old))
        let expected = try TextSelector.quote("who was late", occurrence: nil).resolve(in: new)
        #expect(words == .moved(expected) || words == .exact(expected), "\(before) → \(after): \(words)")

        // A quote that begins with the dash begins with the retyped dash.
        let dashed = before.trimmingCharacters(in: .whitespaces) + (before.hasSuffix(" ") ? " " : "") + "who was late"
        let outcome = reanchorer.reanchor(try anchor(dashed, in: old))
        let dashStart = new.string.unicodeScalars.distance(from: new.string.unicodeScalars.startIndex,
            to: new.string.unicodeScalars.firstIndex(where: FoldedText.isDash)!)
        #expect(outcome == .moved(dashStart..<expected.upperBound), "\(before) → \(after): \(outcome)")
    }

    @Test func aRewrittenQuoteBetweenRetypedDashesDoesNotTakeTheDashes() throws {
        let old = try text("Intro.\n\nThe mayor — who arrived an hour late — said the budget was final.\n\nEnd.")
        let new = try text("Intro.\n\nThe mayor -- who arrived two hours late -- said the budget was final.\n\nEnd.")
        let outcome = Reanchorer(old: old, new: new).reanchor(try anchor("who arrived an hour late", in: old))
        guard case .changed(let range, _) = outcome else { Issue.record("expected changed, got \(outcome)"); return }
        #expect(new.substring(range) == "who arrived two hours late")
    }
}
