import Foundation
import Testing
@testable import FactDesk
import TestSupport

/// The RFC 4180 table reader and writer, and claims exported to CSV and imported back.
@Suite(.serialized) struct CSVInteropTests {
    static let header = "article,claim id,claim,quote,paragraph,status,assignee,due date,claimant,sources,created,updated"

    // MARK: The table

    @Test func theWriterQuotesOnlyWhatNeedsItWithCRLFAfterEveryRecord() {
        let text = CSVTable.render([["plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", ""], ["x"]])
        #expect(text == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",\r\nx\r\n")
        #expect(CSVTable.render([["h"], [""], ["", ""]]) == "h\r\n\"\"\r\n,\r\n", "a lone empty field is not a blank line")
        #expect(!text.hasPrefix("\u{FEFF}"), "no byte-order mark")
    }

    @Test func theReaderTakesCRLFOrLFWithOrWithoutABOM() throws {
        let crlf = "a,b\r\n1,\"x,y\"\r\n2,z\r\n"
        let variants = [crlf, crlf.replacingOccurrences(of: "\r\n", with: "\n"), "\u{FEFF}" + crlf, "a,b\r\n1,\"x,y\"\r\n2,z"]
        for variant in variants {
            let table = try CSVTable(reading: Data(variant.utf8), source: "t.csv")
            #expect(table.header == ["a", "b"], "\(variant.debugDescription)")
            #expect(table.rows.map(\.fields) == [["1", "x,y"], ["2", "z"]], "\(variant.debugDescription)")
            #expect(table.rows.map(\.number) == [2, 3])
        }
    }

    @Test func aLineBreakInAQuotedFieldStaysInItAndRowsCountRecords() throws {
        let table = try CSVTable(reading: Data("h1,h2\r\n\"one\r\ntwo\nthree\",x\r\n\r\nlast,\"\"\"q\"\"\"\r\n".utf8), source: "t.csv")
        #expect(table.rows.map(\.fields) == [["one\r\ntwo\nthree", "x"], ["last", "\"q\""]])
        #expect(table.rows.map(\.number) == [2, 4], "the blank line is row 3, skipped")
        let leading = try CSVTable(reading: Data("\r\n\nh\r\nx\r\n".utf8), source: "t.csv")
        #expect(leading.header == ["h"] && leading.rows.map(\.number) == [2], "blank lines before the header are not counted")
    }

    @Test func everyScriptComesBackExactly() throws {
        let cells = ["Zoe\u{301} (combining) and Zoé", "市长说预算创十年新高", "قال العمدة إن الميزانية", "שלום, \"עולם\"",
                     "👍🏽 🇫🇷 👩‍👩‍👧", "« Non. » — “quoted”, ‘single’", "tab\tinside", " spaces around "]
        let text = CSVTable.render([["h"]] + cells.map { [$0] } + [cells])
        let table = try CSVTable(reading: Data(text.utf8), source: "t.csv")
        #expect(table.rows.count == cells.count + 1)
        for (row, cell) in zip(table.rows, cells) {
            #expect(Array(row.fields[0].unicodeScalars) == Array(cell.unicodeScalars), "\(cell)")
        }
        #expect(table.rows.last?.fields.map { Array($0.unicodeScalars) } == cells.map { Array($0.unicodeScalars) })
    }

    @Test func formulaCellsAreWrittenWithAnApostropheAndReadBackExactly() throws {
        let escaped = ["=HYPERLINK(\"http://evil\",\"x\")", "+1", "-5% in a year", "@SUM(A1)", "\tindented", "\rreturn",
                       "'=already quoted", "''+twice"]
        let kept = ["plain", "it's", "'plain", "a=b", "", "'", "4-3", "''"]
        for cell in escaped {
            #expect(CSVTable.escapingFormula(cell) == "'" + cell, "\(cell.debugDescription)")
        }
        for cell in kept {
            #expect(CSVTable.escapingFormula(cell) == cell, "\(cell.debugDescription)")
        }
        let text = CSVTable.render([["h"]] + (escaped + kept).map { [$0] })
        #expect(text.contains("\r\n\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"\r\n"))
        let table = try CSVTable(reading: Data(text.utf8), source: "t.csv")
        #expect(table.rows.map { $0.fields[0] } == escaped + kept)
    }

    /// `lines` as a CSV file: each ended by CRLF.
    func crlf(_ lines: String...) -> String {
        lines.map { $0 + "\r\n" }.joined()
    }

    /// What `body` is refused with; an issue when it is not.
    func refused(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let error = #expect(throws: FactDeskError.self, sourceLocation: sourceLocation) { try body() }
        return error?.description ?? ""
    }

    @Test func aMalformedFileIsRefusedNamingTheRow() throws {
        let cases: [(bytes: [UInt8], mentioning: [String])] = [
            (Array("a,b\r\n1,2\r\n\"open,3\r\n4,5\r\n".utf8), ["row 3", "never closed"]),
            (Array("a,b\r\n1,say \"hi\"\r\n".utf8), ["row 2", "double quote"]),
            (Array("a,b\r\n\"1\"x,2\r\n".utf8), ["row 2", "closing double quote"]),
            (Array("a,b\r1,2\r\n".utf8), ["row 1", "carriage return"]),
            (Array("a,b\r\n1,\"2\0\"\r\n".utf8), ["row 2", "NUL"]),
            ([0x61, 0x2C, 0x62, 0x0D, 0x0A, 0x43, 0x61, 0x66, 0xE9, 0x2C, 0x31, 0x0D, 0x0A], ["row 2", "UTF-8"]),
            ([0xFF, 0xFE, 0x61, 0x00, 0x2C, 0x00], ["NUL", "UTF-8"]),
            ([], ["empty"]),
            (Array("\u{FEFF}\r\n\n".utf8), ["empty"]),
        ]
        for (bytes, fragments) in cases {
            let refusal = refused { _ = try CSVTable(reading: Data(bytes), source: "bad.csv") }
            for fragment in fragments + ["bad.csv"] {
                #expect(refusal.contains(fragment), "\(refusal) should mention \(fragment)")
            }
        }
    }

    @Test func aFileOverTheLimitIsRefusedBeforeParsing() {
        let data = Data(repeating: UInt8(ascii: "\""), count: CSVTable.maximumBytes + 1)
        let refusal = refused { _ = try CSVTable(reading: data, source: "huge.csv") }
        #expect(refusal.contains("huge.csv") && refusal.contains("32 MiB"), "\(refusal)")
    }

    // MARK: A desk's claims

    /// A desk with claims on a quote, a paragraph and a repeated word; sources, assignee, due date,
    /// claimant, a verdict by another editor, formula-like and many-script claim text.
    func populatedDesk() throws -> (DeskFixture, ArticleSlug) {
        let desk = try DeskFixture()
        let slug = try desk.addBudgetArticle()
        let budget = try desk.store.annotate(AnnotationRequest(
            article: slug, selector: .quote("€4.2 million", occurrence: nil), claim: "Budget is €4.2m",
            sources: ["https://council.example/budget", "https://stats.example/b?x=1&y=2"],
            assignee: "Ben Okafor <ben@example.org>", due: try DeskDate(parsing: "2026-12-04", field: "due", now: desk.clock.now),
            attribution: Attribution(claimant: "Mayor Zoë Laurent")), editor: desk.ana)
        desk.clock.now += 60
        try desk.store.verify(budget.id.value, editor: desk.ben)
        try desk.store.annotate(AnnotationRequest(article: slug, selector: .quote("the largest in a decade", occurrence: nil),
                                                  claim: "=HYPERLINK(\"http://evil\",\"x\")"), editor: desk.ana)
        try desk.store.annotate(AnnotationRequest(article: slug, selector: .paragraph(2), claim: "市长 «Non» — قال العمدة 👍🏽, \"cut\"",
                                                  due: try DeskDate(parsing: "2026-12-01T18:00:00+01:00", field: "due", now: desk.clock.now)),
                                editor: desk.ana)
        let critics = try desk.store.annotate(AnnotationRequest(article: slug, selector: .quote("said", occurrence: 3),
                                                                claim: "-Critics said so"), editor: desk.ben)
        try desk.store.setStatus(critics.id.value, to: .inReview, editor: desk.ana)
        return (desk, slug)
    }

    func rows(_ csv: String) throws -> [[String: String]] {
        let table = try CSVTable(reading: Data(csv.utf8), source: "export.csv")
        return table.rows.map { row in Dictionary(uniqueKeysWithValues: zip(table.header, row.fields)) }
    }

    @Test func theExportHasTheContractedColumnsAndOneRowPerClaim() throws {
        let (desk, _) = try populatedDesk()
        let csv = try desk.store.exportCSV()
        #expect(csv.hasPrefix(Self.header + "\r\n"))
        #expect(!csv.hasPrefix("\u{FEFF}"))
        let claims = try desk.store.claims()
        let exported = try rows(csv)
        #expect(exported.map { $0["claim id"] } == claims.map(\.id.value))
        let budget = try #require(exported.first { $0["claim"] == "Budget is €4.2m" })
        #expect(budget["sources"] == "https://council.example/budget\nhttps://stats.example/b?x=1&y=2")
        #expect(budget["status"] == "verified" && budget["assignee"] == "Ben Okafor <ben@example.org>")
        #expect(budget["due date"] == "2026-12-04" && budget["claimant"] == "Mayor Zoë Laurent")
        #expect(budget["quote"] == "€4.2 million" && budget["paragraph"] == "1" && budget["article"] == "council-budget")
        #expect(budget["created"]?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil)
        #expect(csv.contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\","), "the formula is escaped")
        #expect(csv.contains(",'-Critics said so,"))
        #expect(try rows(try desk.store.exportCSV(articles: [try ArticleSlug("council-budget")])).count == claims.count)
    }

    @Test func importingAnExportIntoTheSameDeskChangesNothing() throws {
        let (desk, _) = try populatedDesk()
        let csv = try desk.store.exportCSV()
        let before = try StoreFingerprint(repository: desk.repository)
        let summary = try desk.store.importCSV(Data(csv.utf8), source: "export.csv", skipBad: false, editor: desk.ben)
        #expect(summary.unchanged.count == 4 && summary.added.isEmpty && summary.updated.isEmpty && summary.skipped.isEmpty)
        #expect(try StoreFingerprint(repository: desk.repository) == before)
    }

    @Test func anExportRecreatesEveryClaimInAFreshDeskWithTheSameArticles() throws {
        let (desk, _) = try populatedDesk()
        let csv = try desk.store.exportCSV()
        let other = try DeskFixture()
        try other.addBudgetArticle()
        let commits = try other.commitCount()
        let summary = try other.store.importCSV(Data(csv.utf8), source: "export.csv", skipBad: false, editor: other.ben)
        #expect(summary.added.count == 4, "\(summary.skipped)")
        #expect(try other.commitCount() == commits + 1)
        let original = try desk.store.claims(), imported = try other.store.claims()
        #expect(imported.map(\.id) == original.map(\.id))
        for (a, b) in zip(original, imported) {
            #expect(a.claim == b.claim && a.anchor.exact == b.anchor.exact && a.anchor.range == b.anchor.range && a.paragraph == b.paragraph)
            #expect(a.status == b.status && a.assignee == b.assignee && a.due == b.due)
            #expect(a.attribution?.claimant == b.attribution?.claimant)
            #expect(a.sources.map(\.url) == b.sources.map(\.url))
            #expect(b.createdBy == other.ben && b.statusChangedBy == other.ben)
        }
        // And that desk's export is the same file but for the times.
        let times = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/
        #expect(try other.store.exportCSV().replacing(times, with: "T") == csv.replacing(times, with: "T"))
    }

    /// `csv` with the cell in `column` of the row whose claim is `id` replaced by `value`.
    func edited(_ csv: String, claim id: String, _ changes: [String: String]) throws -> String {
        let table = try CSVTable(reading: Data(csv.utf8), source: "export.csv")
        let claimColumn = try #require(table.header.firstIndex(of: "claim id"))
        return CSVTable.render([table.header] + table.rows.map { row in
            guard row.fields[claimColumn] == id else { return row.fields }
            return table.header.enumerated().map { changes[$0.element] ?? row.fields[$0.offset] }
        })
    }

    @Test func anEditedRowUpdatesItsClaimAndKeepsWhatTheRowLeavesOut() throws {
        let (desk, _) = try populatedDesk()
        let claim = try #require(try desk.store.claims().first { $0.claim.hasPrefix("=HYPERLINK") })
        let csv = try edited(try desk.store.exportCSV(), claim: claim.id.value, [
            "claim": "The budget is the largest in ten years", "status": "verified", "assignee": "ben okafor",
            "due date": "2026-12-24", "claimant": "City Council", "sources": "https://council.example/history\n",
        ])
        desk.clock.now += 3_600
        let commits = try desk.commitCount()
        let summary = try desk.store.importCSV(Data(csv.utf8), source: "edited.csv", skipBad: false, editor: desk.ana)
        #expect(summary.updated == [claim.id.value] && summary.unchanged.count == 3)
        #expect(try desk.commitCount() == commits + 1)
        #expect(try desk.git("log", "-1", "--format=%an|%s") == "Ana Ruiz|import 4 CSV row(s) from edited.csv: 0 new, 1 updated, 3 unchanged\n")
        let updated = try desk.store.claim(claim.id.value)
        #expect(updated.claim == "The budget is the largest in ten years")
        #expect(updated.status == .verified && updated.statusChangedBy == desk.ana && updated.statusChangedAt == desk.clock.now)
        #expect(updated.assignee == "Ben Okafor <ben@example.org>")
        #expect(updated.due?.text == "2026-12-24" && updated.attribution?.claimant == "City Council")
        #expect(updated.sources.map(\.url) == ["https://council.example/history"] && updated.sources[0].addedBy == desk.ana)
        #expect(updated.anchor == claim.anchor && updated.updatedBy == desk.ana)

        // Empty cells and a shorter sources list delete nothing; a paragraph cell alone never moves a claim.
        let emptied = try edited(try desk.store.exportCSV(), claim: claim.id.value,
                                 ["assignee": "", "due date": "", "claimant": "", "sources": "", "status": "", "quote": "", "paragraph": "3"])
        let again = try desk.store.importCSV(Data(emptied.utf8), source: "emptied.csv", skipBad: false, editor: desk.ana)
        #expect(again.unchanged.count == 4)
        #expect(try desk.store.claim(claim.id.value) == updated)
    }

    @Test func aClaimChangedLaterThanThisComputersClockIsNotOverwritten() throws {
        let (desk, _) = try populatedDesk()
        let claim = try #require(try desk.store.claims().first)
        let csv = try edited(try desk.store.exportCSV(), claim: claim.id.value, ["claim": "Rewritten"])
        desk.clock.now -= 86_400
        let summary = try desk.store.importCSV(Data(csv.utf8), source: "late.csv", skipBad: true, editor: desk.ana)
        #expect(summary.skipped.map(\.row) == [2] && summary.skipped.first?.problem.contains("clock") == true, "\(summary.skipped)")
        #expect(try desk.store.claim(claim.id.value) == claim)
    }

    @Test func aStatusGoesThroughTheDesksWorkflowRules() throws {
        let (desk, _) = try populatedDesk()
        let critics = try #require(try desk.store.claims().first { $0.claim == "-Critics said so" })
        // Verified needs a source: the row is refused, named, and nothing is committed.
        let unsourced = try edited(try desk.store.exportCSV(), claim: critics.id.value, ["status": "verified"])
        let before = try StoreFingerprint(repository: desk.repository)
        let refusal = refused { try desk.store.importCSV(Data(unsourced.utf8), source: "v.csv", skipBad: false, editor: desk.ana) }
        #expect(refusal.contains("v.csv, row 5 (the header is row 1)") && refusal.contains("source"), "\(refusal)")
        #expect(try StoreFingerprint(repository: desk.repository) == before)

        // Under the second-editor policy a verdict is only proposed, by the importing editor.
        try desk.store.setPolicy(.secondReview, to: "on", editor: desk.ana)
        let falsified = try edited(try desk.store.exportCSV(), claim: critics.id.value, ["status": "false"])
        try desk.store.importCSV(Data(falsified.utf8), source: "f.csv", skipBad: false, editor: desk.ben)
        let proposed = try desk.store.claim(critics.id.value)
        #expect(proposed.status == .inReview && proposed.review?.verdict == .false && proposed.review?.proposedBy == desk.ben)
        // The same file again changes nothing: the verdict already awaits a second editor.
        let commits = try desk.commitCount()
        let again = try desk.store.importCSV(Data(falsified.utf8), source: "f.csv", skipBad: false, editor: desk.ben)
        #expect(again.unchanged.count == 4)
        #expect(try desk.commitCount() == commits)
    }

    @Test func newRowsAreAnchoredByQuoteOrParagraphAndASecondImportAddsNothing() throws {
        let desk = try DeskFixture()
        try desk.addBudgetArticle()
        let csv = crlf(
            "Claim,ARTICLE,Quote, paragraph ,occurrence,Status",
            "Zoë spoke,council-budget,Mayor Zoë Laurent,,,in-review",
            "Second said,council-budget,said,,2,",
            "The critics,council-budget,said,3,,",
            "Whole paragraph,council-budget,,3,,",
            "Typed quotes,council-budget,\"\"\"misleading\"\".\",,,",
        )
        let summary = try desk.store.importCSV(Data(csv.utf8), source: "new.csv", skipBad: false, editor: desk.ana)
        #expect(summary.added.count == 5, "\(summary.skipped)")
        let claims = try desk.store.claims()
        let text = DeskFixture.articleText
        func claim(_ name: String) throws -> Claim { try #require(claims.first { $0.claim == name }) }
        #expect(try claim("Zoë spoke").anchor.range == text.scalarRange(of: "Mayor Zoë Laurent"))
        #expect(try claim("Zoë spoke").status == .inReview)
        #expect(try claim("Second said").anchor.range == text.scalarRange(of: "said", occurrence: 2))
        #expect(try claim("The critics").anchor.range == text.scalarRange(of: "said", occurrence: 3))
        let paragraph = try claim("Whole paragraph")
        #expect(paragraph.paragraph == 3 && paragraph.anchor.exact.hasPrefix("Critics said"))
        #expect(try claim("Typed quotes").anchor.exact == "“misleading”.")
        let before = try StoreFingerprint(repository: desk.repository)
        let again = try desk.store.importCSV(Data(csv.utf8), source: "new.csv", skipBad: false, editor: desk.ana)
        #expect(again.unchanged.count == 5 && again.added.isEmpty)
        #expect(try StoreFingerprint(repository: desk.repository) == before)
    }

    @Test func anAmbiguousQuoteIsARowErrorListingItsOccurrences() throws {
        let desk = try DeskFixture()
        try desk.addBudgetArticle()
        let csv = "article,claim,quote\r\ncouncil-budget,Fine,the largest\r\ncouncil-budget,Who said,said\r\n"
        let text = DeskFixture.articleText
        let message = refused { try desk.store.importCSV(Data(csv.utf8), source: "a.csv", skipBad: false, editor: desk.ana) }
        #expect(message.contains("a.csv, row 3") && message.contains("occurs 3 times") && message.contains("occurrence"), "\(message)")
        for occurrence in 1...3 {
            #expect(message.contains("\(try #require(text.scalarRange(of: "said", occurrence: occurrence)).lowerBound)-"))
        }
        #expect(try desk.store.claims().isEmpty)
    }

    @Test func aChangedQuoteReanchorsTheClaimAndClearsItsFlag() throws {
        let (desk, _) = try populatedDesk()
        let claim = try #require(try desk.store.claims().first { $0.claim.hasPrefix("=HYPERLINK") })
        let csv = try edited(try desk.store.exportCSV(), claim: claim.id.value, ["quote": "Officials said more than a dozen projects"])
        try desk.store.importCSV(Data(csv.utf8), source: "q.csv", skipBad: false, editor: desk.ana)
        let moved = try desk.store.claim(claim.id.value)
        #expect(moved.anchor.range == DeskFixture.articleText.scalarRange(of: "Officials said more than a dozen projects"))
        #expect(moved.paragraph == 2 && moved.anchorIssue == nil)
    }

    @Test func badRowsStopTheImportUnlessSkippedThenTheGoodOnesAreOneCommit() throws {
        let desk = try DeskFixture()
        try desk.addBudgetArticle()
        let csv = crlf(
            "article,claim id,claim,quote,status,sources",
            "council-budget,,Good one,the largest in a decade,,",
            "no-such-article,,Lost,anything,,",
            "council-budget,c-!!,Bad id,Tuesday,,",
            "council-budget,,Bad status,Tuesday,done,",
            "council-budget,,Bad source,Tuesday,,not a url",
            "council-budget,,\"Bell\u{7}\",Tuesday,,",
            "council-budget,,Not there,no such words,,",
            "council-budget,,Good two,Tuesday,,https://council.example/minutes",
            "council-budget,,Too many,Tuesday,,,extra",
        )
        let before = try StoreFingerprint(repository: desk.repository)
        let refusal = refused { try desk.store.importCSV(Data(csv.utf8), source: "b.csv", skipBad: false, editor: desk.ana) }
        #expect(refusal.contains("b.csv, row 3 (the header is row 1): no article 'no-such-article'") && refusal.contains("6 more row(s)"),
                "\(refusal)")
        #expect(try StoreFingerprint(repository: desk.repository) == before)

        let commits = try desk.commitCount()
        let summary = try desk.store.importCSV(Data(csv.utf8), source: "b.csv", skipBad: true, editor: desk.ana)
        #expect(summary.added.count == 2)
        #expect(summary.skipped.map(\.row) == [3, 4, 5, 6, 7, 8, 10])
        let problems = summary.skipped.map(\.problem)
        for (index, fragment) in ["no-such-article", "c-!!", "done", "not a url", "U+0007", "no such words", "7 field(s)"].enumerated() {
            #expect(problems[index].contains(fragment), "\(problems[index]) should mention \(fragment)")
        }
        #expect(try desk.commitCount() == commits + 1)
        #expect(try desk.git("log", "-1", "--format=%s") == "import 9 CSV row(s) from b.csv: 2 new, 0 updated, 0 unchanged, "
                + "7 bad row(s) skipped (rows 3, 4, 5, 6, 7, 8, 10)\n")
        #expect(try desk.store.claims().map(\.claim).sorted() == ["Good one", "Good two"])
    }

    @Test func theHeaderIsCheckedBeforeAnyRow() throws {
        let desk = try DeskFixture()
        try desk.addBudgetArticle()
        let cases = [
            ("article,claim,quote,colour,Size\r\n", ["'colour'", "'Size'"]),
            ("article,quote\r\n", ["'claim'"]),
            ("article,claim\r\n", ["'quote' or 'paragraph'"]),
            ("article,claim,quote,Claim\r\n", ["'claim'", "twice"]),
            ("council-budget,Budget,the largest\r\n", ["'council-budget'"]),
        ]
        for (csv, fragments) in cases {
            let refusal = refused { try desk.store.importCSV(Data(csv.utf8), source: "h.csv", skipBad: true, editor: desk.ana) }
            for fragment in fragments { #expect(refusal.contains(fragment), "\(refusal) should mention \(fragment)") }
        }
        let headerOnly = try desk.store.importCSV(Data((Self.header + "\r\n").utf8), source: "h.csv", skipBad: false, editor: desk.ana)
        #expect(headerOnly.added.isEmpty && headerOnly.unchanged.isEmpty && headerOnly.skipped.isEmpty)
    }

    @Test func aClaimTakesOneRowInItsOwnArticle() throws {
        let (desk, slug) = try populatedDesk()
        try desk.store.addArticle(slug: try ArticleSlug("other"), title: "Other", url: nil,
                                  text: try ArticleText(normalizing: "Other text.\n", source: "t"), editor: desk.ana)
        let claim = try #require(try desk.store.claims(in: slug).first)
        let csv = crlf(
            "article,claim id,claim,quote",
            "other,\(claim.id),Moved?,Other text.",
            "council-budget,c-newnewnew,Once,Tuesday",
            "council-budget,c-newnewnew,Twice,Tuesday",
            "council-budget,,Same,Tuesday",
            "council-budget,,Same,Tuesday",
        )
        let summary = try desk.store.importCSV(Data(csv.utf8), source: "o.csv", skipBad: true, editor: desk.ana)
        #expect(summary.skipped.map(\.row) == [2, 4, 6])
        #expect(summary.skipped[0].problem.contains("belongs to council-budget"))
        #expect(summary.skipped[1].problem.contains("as row 3 is") && summary.skipped[2].problem.contains("as row 5 is"))
        #expect(summary.added.count == 2 && summary.added.contains("c-newnewnew"))
    }
}

private extension String {
    /// The scalar offsets of the `occurrence`-th (from 1) exact occurrence of `needle`, found here
    /// independently of FactDesk's own search.
    func scalarRange(of needle: String, occurrence: Int = 1) -> Range<Int>? {
        let haystack = Array(unicodeScalars), pattern = Array(needle.unicodeScalars)
        var seen = 0
        for start in 0...max(0, haystack.count - pattern.count) where haystack[start...].starts(with: pattern) {
            seen += 1
            if seen == occurrence { return start..<(start + pattern.count) }
        }
        return nil
    }
}
