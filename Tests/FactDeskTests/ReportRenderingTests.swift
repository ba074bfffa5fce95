import Foundation
import Testing
@testable import FactDesk
import TestSupport

/// The report renderers that append bytes to one buffer write, byte for byte, what the renderers
/// they replaced wrote (ReferenceReportRenderers.swift) and what JSONEncoder writes: for a desk
/// of awkward texts, random desks, an empty desk and a desk made through the store.
@Suite struct ReportRenderingTests {
    @Test(arguments: ReportFormat.allCases)
    func aDeskOfAwkwardTextsRendersByteForByteAsBefore(_ format: ReportFormat) throws {
        try expectSameAsReference(ReportSamples.richReport(), format)
    }

    @Test(arguments: ReportFormat.allCases)
    func anEmptyDeskRendersAsBefore(_ format: ReportFormat) throws {
        try expectSameAsReference(VerificationReport(documents: [], now: ReportSamples.now), format)
    }

    @Test(arguments: ReportFormat.allCases)
    func randomDesksRenderAsBefore(_ format: ReportFormat) throws {
        for seed in UInt64(1)...80 {
            try expectSameAsReference(ReportSamples.randomReport(seed: seed), format, "random desk, seed \(seed)")
        }
    }

    @Test(arguments: ReportFormat.allCases)
    func everyASCIICharacterIsEscapedAsBefore(_ format: ReportFormat) throws {
        let ascii = String(decoding: UInt8(0)..<128, as: UTF8.self)
        let author = Editor(unchecked: "Ana Ruiz", email: "ana@example.org")
        let claims = Array(ascii.unicodeScalars).enumerated().map { index, scalar in
            let text = index == 0 ? ascii + "\u{2028}\u{2029}\u{FEFF}\u{85}" : "a\(scalar)b \(scalar)"
            return Claim(id: ClaimID(unchecked: "c-asc\(index)"), article: ArticleSlug(unchecked: "ascii"), claim: text,
                         status: ClaimStatus.allCases[index % 6], anchor: Anchor(revision: 1, start: index, end: index + 1,
                                                                                 exact: text, prefix: "", suffix: ""),
                         paragraph: 1, sources: [Source(unchecked: "https://x.example/\(text)", title: text, note: text,
                                                        addedBy: author, addedAt: ReportSamples.now)],
                         notes: [], assignee: text, createdBy: author, createdAt: ReportSamples.now, updatedBy: author,
                         updatedAt: ReportSamples.now, statusChangedBy: Editor(unchecked: text, email: text),
                         statusChangedAt: ReportSamples.now,
                         anchorIssue: index % 3 == 0 ? AnchorIssue(kind: .changed, revision: 2, previousQuote: text) : nil,
                         conflicts: index % 4 == 0 ? [MergeConflict(field: .claim, value: text, by: author, at: ReportSamples.now, clock: 1)] : nil)
        }
        let article = Article(id: ArticleSlug(unchecked: "ascii"), title: ascii, url: ascii, revision: 1, textID: "0",
                              createdBy: author, createdAt: ReportSamples.now, updatedBy: author, updatedAt: ReportSamples.now)
        try expectSameAsReference(VerificationReport(documents: [ArticleRecord(article: article, claims: claims)],
                                                     now: ReportSamples.now), format)
    }

    @Test func aDeskMadeThroughTheStoreRendersAsBefore() throws {
        let desk = try DeskFixture()
        let slug = try desk.addBudgetArticle()
        func annotate(_ quote: String, _ claim: String, assignee: String? = nil) throws -> Claim {
            try desk.store.annotate(AnnotationRequest(article: slug, selector: .quote(quote, occurrence: nil), claim: claim,
                                                      assignee: assignee), editor: desk.ana)
        }
        let budget = try annotate("€4.2 million", "Budget is €4.2m — the “largest” <in> a *decade*")
        let projects = try annotate("more than a dozen projects were delayed", "Delays & cuts", assignee: "Ben Okafor <ben@example.org>")
        _ = try annotate("Critics said the figure was “misleading”.", "Critics’ claim")
        _ = try annotate("Le maire a répondu", "Le maire répond")
        try desk.store.verify(budget.id.value, sources: ["https://council.example/budget?a=1&b=2"], editor: desk.ben)
        try desk.store.addSource(to: projects.id.value, url: "https://council.example/minutes", title: "Minutes [draft]",
                                 editor: desk.ben)
        desk.clock.now += 3 * 86_400
        let revised = DeskFixture.articleText
            .replacingOccurrences(of: "more than a dozen projects were delayed", with: "more than twenty projects were delayed")
            .replacingOccurrences(of: "Critics said the figure was “misleading”. ", with: "")
        try desk.store.updateArticle(slug, text: try ArticleText(normalizing: revised, source: "t"), editor: desk.ben)

        let report = try desk.store.report()
        #expect(report.totals.flagged == 2)
        for format in ReportFormat.allCases { try expectSameAsReference(report, format) }
    }

    @Test func theAwkwardDeskHasEveryCase() throws {
        let report = ReportSamples.richReport()
        #expect(report.totals.byStatus.values.allSatisfy { $0 > 0 })
        let flagged = report.articles.flatMap(\.flagged)
        #expect(Set(flagged.map(\.anchorIssue)) == [.changed, .orphaned])
        let sources = report.articles.flatMap { $0.unverified.flatMap(\.sources) + $0.settled.flatMap(\.sources) }
        #expect(sources.contains { $0.title == nil } && sources.contains { $0.title != nil })
        #expect(sources.contains { $0.note == nil } && sources.contains { $0.note != nil })
        let open = report.articles.flatMap(\.unverified)
        #expect(open.contains { $0.assignee == nil } && open.contains { $0.assignee != nil })
        #expect(Set(open.map(\.ageDays)).isSuperset(of: [0, 1, 2]))
        func rendered(_ format: ReportFormat, contains text: String) -> Bool {
            format.renderUTF8(report).range(of: Data(text.utf8)) != nil
        }
        #expect(rendered(.markdown, contains: "…") && rendered(.markdown, contains: "\\<") && rendered(.markdown, contains: "\\|"))
        #expect(rendered(.html, contains: " &\u{301} accent") && rendered(.html, contains: "<a href=\"HTTP://UPPER.example\">"))
    }

    @Test func oneLineFoldsAndCutsAsBefore() {
        var generator = SplitMix64(seed: 7)
        let texts = ReportSamples.awkwardTexts + (0..<3_000).map { _ in ReportSamples.randomText(&generator) }
        var differences: [String] = []
        for text in texts {
            for limit in [1, 2, 3, 10, 60, 80, 299, 300, 301] {
                let expected = Array(text.referenceOneLine(limit: limit).utf8)
                if Array(text.oneLine(limit: limit).utf8) != expected
                    || text.isOneLine(limit: limit) != (expected == Array(text.utf8)) {
                    differences.append("\(limit) \(text.debugDescription)")
                }
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(5))")
    }

    @Test func cleanNonASCIITextNeedsNoFolding() {
        #expect("Paragraph 1: the mayor’s office disputed the figure — again.".isOneLine(limit: 300))
        #expect("東京都は２０２６年に予算を承認した。".isOneLine(limit: 300))
        #expect("👨‍👩‍👧‍👦 🇫🇷 e\u{301}".isOneLine(limit: 5))
        #expect(String(repeating: "é", count: 300).isOneLine(limit: 300))
        #expect(!String(repeating: "é", count: 301).isOneLine(limit: 300))
        #expect(!"a\u{A0}b".isOneLine(limit: 300) && !"a  b".isOneLine(limit: 300) && !" a".isOneLine(limit: 300))
    }

    @Test func everyScalarIsWhiteSpaceExactlyWhenFoldedTextSaysSo() {
        var wrong: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var text = "a"
            text.unicodeScalars.append(scalar)
            text += "b"
            if text.isOneLine(limit: 10) != (scalar == " " || !FoldedText.isWhitespace(scalar)) { wrong.append(value) }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }

    @Test func theBufferWritesNumbersAndGrowsPastItsEstimate() {
        var buffer = ReportBuffer(capacity: 1)
        var expected = ""
        for number in [0, 7, -1, 10, 99, 100, -100, 1_000_000, Int.max, Int.min] {
            buffer.append(number)
            buffer.append(ascii: UInt8(ascii: ","))
            expected += "\(number),"
        }
        for _ in 0..<10_000 { buffer.append("0123456789") }
        expected += String(repeating: "0123456789", count: 10_000)
        buffer.appendSpaces(3)
        buffer.append(raw: "x")
        let kept = buffer.count
        buffer.append("dropped")
        buffer.truncate(to: kept)
        expected += "   x"
        #expect(buffer.count == expected.utf8.count)
        let data = buffer.data()
        #expect(data == Data(expected.utf8))
    }

    /// `format` renders `report` to the same bytes as the reference, as a String and as bytes.
    private func expectSameAsReference(_ report: VerificationReport, _ format: ReportFormat, _ what: String = "",
                                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = Array(try Reference.render(report, as: format).utf8)
        // Bytes, not Strings: String equality is canonical equivalence, which would let `e\u{301}` pass for `é`.
        let rendered = Array(try format.render(report).utf8)
        if rendered != expected {
            let first = zip(rendered, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(rendered.count, expected.count)
            func around(_ bytes: [UInt8]) -> String {
                String(decoding: bytes[max(0, first - 80)..<min(bytes.count, first + 80)], as: UTF8.self).debugDescription
            }
            Issue.record("\(format) \(what) differs at byte \(first):\n  new: \(around(rendered))\n  old: \(around(expected))",
                         sourceLocation: sourceLocation)
        }
        #expect(format.renderUTF8(report) == Data(expected), "\(format) \(what) as bytes", sourceLocation: sourceLocation)
    }
}
