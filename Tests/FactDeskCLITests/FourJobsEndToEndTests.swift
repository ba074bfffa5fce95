import Foundation
import TestSupport
import Testing

/// The article a reporter files, as typed: curly quotes, em dash, a non-breaking space, the accent of
/// "café" typed decomposed (e + U+0301), a flag and a skin-toned emoji, Chinese, Hebrew and Arabic.
enum HarbourStory {
    static let typedParagraphs = [
        "The cafe\u{301}’s owner said: “Prices rose 40% — the most since 1990,” adding that rent was\u{A0}€2,000 a month.",
        "Fans waved 🇺🇦 flags and posted 👍🏽 replies; the hashtag trended for 12 hours.",
        "在北京，官员说：“增长了百分之五。” The Hebrew headline read שלום עולם and the Arabic one مرحبا بالعالم.",
        "The minister repeated the figure twice.",
    ]

    /// The same paragraphs in NFC, written out by hand (not computed): "é" is the one scalar U+00E9.
    static let storedParagraphs = [
        "The caf\u{E9}’s owner said: “Prices rose 40% — the most since 1990,” adding that rent was\u{A0}€2,000 a month.",
        typedParagraphs[1], typedParagraphs[2], typedParagraphs[3],
    ]

    /// The file a reporter saves (LF line endings).
    static var typed: String { typedParagraphs.joined(separator: "\n\n") + "\n" }
    /// The same text piped from a Windows clipboard (CRLF line endings).
    static var typedCRLF: String { typedParagraphs.joined(separator: "\r\n\r\n") + "\r\n" }
    /// What the desk must store: NFC, LF.
    static var stored: String { storedParagraphs.joined(separator: "\n\n") + "\n" }

    /// Paragraph `number` (from 1) as a scalar range of the stored text, computed here.
    static func paragraphRange(_ number: Int) -> Range<Int> {
        stored.scalarRange(of: storedParagraphs[number - 1])!
    }

    /// The quote about prices as a fact-checker types it: curly quotes, em dash, and "é" decomposed.
    static let typedPriceQuote = "cafe\u{301}’s owner said: “Prices rose 40% — the most since 1990,”"
    static let storedPriceQuote = "caf\u{E9}’s owner said: “Prices rose 40% — the most since 1990,”"
}

/// Compares two strings scalar by scalar: Swift's `==` would call "e\u{301}" and "é" equal.
func sameScalars(_ lhs: Any?, _ rhs: String) -> Bool {
    guard let lhs = lhs as? String else { return false }
    return Array(lhs.unicodeScalars) == Array(rhs.unicodeScalars)
}

/// The four jobs of the desk, end to end through the built `factdesk` binary: add articles,
/// annotate claims, verify them, and report what is still unverified before publication.
@Suite("The four jobs, end to end")
struct FourJobsEndToEndTests {
    static let contractShowKeys: Set<String> = [
        "id", "article", "claim", "status", "quote", "paragraph", "start", "end", "sources",
        "createdBy", "createdAt", "updatedBy", "updatedAt",
    ]

    // MARK: Job 1: add an article

    @Test("A reporter adds the same article from a file and from stdin; both are stored as NFC text with LF")
    func addArticleFromFileAndStdin() throws {
        let desk = try CLIDesk()
        #expect(HarbourStory.typed.unicodeScalars.contains("\u{301}"), "the fixture must really be typed decomposed")

        let file = try desk.writeInput(HarbourStory.typed, to: "harbour.txt")
        let added = try desk.succeed(["article", "add", file, "--id", "harbour-prices", "--title", "Harbour café prices soar",
                                      "--url", "https://news.example/harbour"])
        #expect(added.contains("harbour-prices"))
        _ = try desk.succeed(["article", "add", "-", "--id", "harbour-prices-copy", "--title", "Copy via stdin"],
                             input: Data(HarbourStory.typedCRLF.utf8))

        // The text is stored byte for byte as NFC with LF line endings, from either input.
        let expected = Data(HarbourStory.stored.utf8)
        for slug in ["harbour-prices", "harbour-prices-copy"] {
            let paths = try desk.git("ls-files").split(separator: "\n").filter { $0.hasSuffix("/\(slug)/text.txt") }
            let path = try #require(paths.first.map(String.init))
            let onDisk = try Data(contentsOf: desk.deskURL.appendingPathComponent(path))
            #expect(onDisk == expected, "\(slug): text.txt is not the NFC/LF text")
            #expect(!onDisk.contains(0x0D), "\(slug): a CR survived")
            #expect(onDisk.range(of: Data([0x65, 0xCC, 0x81])) == nil, "\(slug): the decomposed é was stored as typed")
        }

        // `article show --json` numbers the paragraphs with offsets computed here from the NFC scalars.
        let shown = try desk.jsonObject(["article", "show", "harbour-prices"])
        #expect(shown["id"] as? String == "harbour-prices")
        #expect(shown["title"] as? String == "Harbour café prices soar")
        #expect(shown["url"] as? String == "https://news.example/harbour")
        let paragraphs = try #require(shown["paragraphs"] as? [[String: Any]])
        #expect(paragraphs.count == 4)
        for (index, paragraph) in paragraphs.enumerated() {
            let range = HarbourStory.paragraphRange(index + 1)
            #expect(paragraph["number"] as? Int == index + 1)
            #expect(paragraph["start"] as? Int == range.lowerBound, "¶\(index + 1) start")
            #expect(paragraph["end"] as? Int == range.upperBound, "¶\(index + 1) end")
            #expect(sameScalars(paragraph["text"], HarbourStory.storedParagraphs[index]), "¶\(index + 1) text")
        }
        // The decomposed accent counts as one scalar: ¶2 starts one scalar earlier than in the typed text.
        let typedStart = try #require(HarbourStory.typed.scalarRange(of: HarbourStory.typedParagraphs[1])).lowerBound
        #expect(paragraphs[1]["start"] as? Int == typedStart - 1)

        // The plain view numbers paragraphs as an editor counts them.
        let plain = try desk.succeed(["article", "show", "harbour-prices"])
        for number in 1...4 { #expect(plain.contains("¶\(number)")) }
        #expect(plain.contains("Harbour café prices soar"))
        #expect(plain.contains("שלום עולם") && plain.contains("مرحبا بالعالم") && plain.contains("🇺🇦"))

        let list = try desk.jsonArray(["article", "list"])
        #expect(list.compactMap { $0["id"] as? String } == ["harbour-prices", "harbour-prices-copy"])
        let listed = try desk.succeed(["article", "list"])
        #expect(listed.contains("harbour-prices") && listed.contains("Copy via stdin"))
    }

    // MARK: Job 2: annotate

    @Test("A fact-checker files claims by paragraph, by quote and by span; offsets are NFC scalar offsets")
    func annotateByParagraphQuoteAndSpan() throws {
        let desk = try CLIDesk()
        try desk.addArticle("harbour", title: "Harbour", text: HarbourStory.typed)
        let stored = HarbourStory.stored

        // By paragraph.
        let byParagraph = try desk.annotate("harbour", ["--paragraph", "2"], claim: "The hashtag trended for 12 hours")
        var shown = try desk.jsonObject(["show", byParagraph])
        #expect(Self.contractShowKeys.isSubset(of: Set(shown.keys)), "show --json lacks \(Self.contractShowKeys.subtracting(shown.keys))")
        let paragraph2 = HarbourStory.paragraphRange(2)
        #expect(shown["id"] as? String == byParagraph)
        #expect(shown["article"] as? String == "harbour")
        #expect(shown["claim"] as? String == "The hashtag trended for 12 hours")
        #expect(shown["status"] as? String == "unverified")
        #expect(shown["paragraph"] as? Int == 2)
        #expect(shown["start"] as? Int == paragraph2.lowerBound)
        #expect(shown["end"] as? Int == paragraph2.upperBound)
        #expect(sameScalars(shown["quote"], HarbourStory.storedParagraphs[1]))
        #expect((shown["sources"] as? [Any])?.isEmpty == true)
        #expect(shown["createdBy"] as? String == desk.editor)
        #expect(shown["updatedBy"] as? String == desk.editor)
        #expect(isISO8601UTC(shown["createdAt"]) && isISO8601UTC(shown["updatedAt"]))

        // By quote: typed decomposed, with curly quotes and an em dash; it matches the NFC text.
        let byQuote = try desk.annotate("harbour", ["--quote", HarbourStory.typedPriceQuote],
                                        claim: "Prices rose 40%, the most since 1990",
                                        extra: ["--source", "https://stats.example/cpi", "--note", "Ask the owner for receipts",
                                                "--assignee", "Bo Chen <bo@example.org>"])
        shown = try desk.jsonObject(["show", byQuote])
        let priceRange = try #require(stored.scalarRange(of: HarbourStory.storedPriceQuote))
        #expect(priceRange == 4..<(4 + 59), "the test's own count: 'The ' then 59 scalars, é as one")
        #expect(shown["start"] as? Int == priceRange.lowerBound)
        #expect(shown["end"] as? Int == priceRange.upperBound)
        #expect(shown["paragraph"] as? Int == 1)
        #expect(sameScalars(shown["quote"], HarbourStory.storedPriceQuote), "the quote must be stored NFC: \(shown["quote"] ?? "nil")")
        let sources = try #require(shown["sources"] as? [[String: Any]])
        #expect(sources.count == 1)
        #expect(sources.first?["url"] as? String == "https://stats.example/cpi")
        let sourceKeys = Set(sources.first.map { Array($0.keys) } ?? [])
        #expect(sourceKeys.isSuperset(of: ["url", "title", "note"]))
        #expect(sources.first?["title"] is NSNull && sources.first?["note"] is NSNull)

        // By quote after the accent: the offset is one less than in the typed (decomposed) text.
        let rent = "rent was\u{A0}€2,000"
        let byRent = try desk.annotate("harbour", ["--quote", rent], claim: "Rent is €2,000 a month")
        shown = try desk.jsonObject(["show", byRent])
        let rentTyped = try #require(HarbourStory.typed.scalarRange(of: rent))
        #expect(shown["start"] as? Int == rentTyped.lowerBound - 1)
        #expect(shown["end"] as? Int == rentTyped.upperBound - 1)

        // By span: Hebrew, the flag (two scalars), Arabic; offsets computed here.
        let spans: [(text: String, paragraph: Int, claim: String)] = [
            ("שלום עולם", 3, "The Hebrew headline"),
            ("🇺🇦", 2, "Fans waved Ukrainian flags"),
            ("مرحبا بالعالم", 3, "The Arabic headline"),
        ]
        for span in spans {
            let range = try #require(stored.scalarRange(of: span.text))
            let id = try desk.annotate("harbour", ["--span", "\(range.lowerBound)-\(range.upperBound)"], claim: span.claim)
            let view = try desk.jsonObject(["show", id])
            #expect(view["start"] as? Int == range.lowerBound && view["end"] as? Int == range.upperBound, "\(span.claim)")
            #expect(sameScalars(view["quote"], span.text), "\(span.claim): quote \(view["quote"] ?? "nil")")
            #expect(view["paragraph"] as? Int == span.paragraph, "\(span.claim)")
        }
        #expect(try #require(stored.scalarRange(of: "🇺🇦")).count == 2)

        // By quote: an emoji with a skin tone and Chinese text.
        for quote in ["👍🏽", "增长了百分之五"] {
            let id = try desk.annotate("harbour", ["--quote", quote], claim: "About \(quote)")
            let view = try desk.jsonObject(["show", id])
            let range = try #require(stored.scalarRange(of: quote))
            #expect(view["start"] as? Int == range.lowerBound && view["end"] as? Int == range.upperBound, "\(quote)")
            #expect(sameScalars(view["quote"], quote))
        }

        // A unique prefix of the id is enough.
        let prefix = String(byQuote.prefix(6))
        let claims = try desk.jsonArray(["claims", "harbour"])
        if claims.filter({ ($0["id"] as? String)?.hasPrefix(prefix) == true }).count == 1 {
            #expect(try desk.jsonObject(["show", prefix])["id"] as? String == byQuote)
        }
        #expect(claims.count == 8)
        #expect(Set(claims.compactMap { $0["id"] as? String }).count == 8)
    }

    // MARK: Job 3: verify

    @Test("A claim gets sources, goes in review, is verified; its history reads newest first with statuses")
    func verifyAndHistory() throws {
        let desk = try CLIDesk()
        try desk.addArticle("harbour", title: "Harbour", text: HarbourStory.typed)
        try desk.addArticle("port-strike", title: "Port strike", text: "Dockers walked out on Monday.\n")
        let id = try desk.annotate("harbour", ["--quote", HarbourStory.typedPriceQuote], claim: "Prices rose 40%",
                                   extra: ["--source", "https://stats.example/cpi"])
        let elsewhere = try desk.annotate("port-strike", ["--paragraph", "1"], claim: "They walked out on Monday")

        _ = try desk.succeed(["source", "add", id, "https://owner.example/interview", "--title", "Interview with the owner",
                              "--note", "Recorded 3 March"])
        _ = try desk.succeed(["status", id, "in-review", "--note", "Waiting for the CPI table"])
        let ben = "Ben Okafor <ben@example.org>"
        let verified = try desk.succeed(["verify", id, "--source", "https://stats.example/cpi-table-4",
                                         "--note", "CPI table 4 confirms 40%", "--editor", ben])
        #expect(verified.contains(id))
        _ = try desk.succeed(["status", elsewhere, "false", "--note", "They walked out on Tuesday"])

        let shown = try desk.jsonObject(["show", id])
        #expect(shown["status"] as? String == "verified")
        #expect(shown["createdBy"] as? String == desk.editor)
        #expect(shown["updatedBy"] as? String == ben)
        let sources = try #require(shown["sources"] as? [[String: Any]])
        #expect(sources.compactMap { $0["url"] as? String }
            == ["https://stats.example/cpi", "https://owner.example/interview", "https://stats.example/cpi-table-4"])
        #expect(sources[1]["title"] as? String == "Interview with the owner")
        #expect(sources[1]["note"] as? String == "Recorded 3 March")
        let plain = try desk.succeed(["show", id])
        #expect(plain.contains("CPI table 4 confirms 40%"), "the verification note should be shown")

        // History: newest first, one entry per change, with the status after each.
        let history = try desk.jsonArray(["history", id])
        #expect(history.count == 4)
        for entry in history {
            #expect(Set(entry.keys).isSuperset(of: ["commit", "date", "editor", "message", "status"]), "history keys: \(entry.keys.sorted())")
            #expect(isISO8601UTC(entry["date"]))
        }
        #expect(history.compactMap { $0["status"] as? String } == ["verified", "in-review", "unverified", "unverified"])
        #expect(history.compactMap { $0["editor"] as? String } == [ben, desk.editor, desk.editor, desk.editor])
        let messages = history.compactMap { $0["message"] as? String }
        #expect(messages.count == 4)
        for (message, verb) in zip(messages, ["verify", "status", "source", "annotate"]) {
            #expect(message.hasPrefix(verb + " ") && message.contains(id), "message \(message.debugDescription)")
        }
        let path = try desk.claimPath(id)
        let gitLog = try desk.git("log", "--format=%H", "--", path).split(separator: "\n").map(String.init)
        #expect(history.compactMap { $0["commit"] as? String } == gitLog)
        let dates = history.compactMap { $0["date"] as? String }
        #expect(dates == dates.sorted(by: >), "newest first")

        // The text view says the same.
        let text = try desk.succeed(["history", id])
        #expect(text.split(separator: "\n").count == 4)
        #expect(text.split(separator: "\n").first?.contains("Ben Okafor") == true)

        // The article's history: every change to its text or claims, and none of the other article's.
        let articleHistory = try desk.jsonArray(["history", "--article", "harbour"])
        let articleMessages = articleHistory.compactMap { $0["message"] as? String }
        #expect(articleMessages.count == 5)
        #expect(articleMessages.last?.hasPrefix("article add harbour") == true)
        #expect(articleMessages.first?.hasPrefix("verify \(id)") == true)
        #expect(!articleMessages.contains { $0.contains(elsewhere) || $0.contains("port-strike") })
        let articleCommits = articleHistory.compactMap { $0["commit"] as? String }
        let articleFolder = (path as NSString).deletingLastPathComponent.replacingOccurrences(of: "/claims", with: "")
        #expect(articleCommits == (try desk.git("log", "--format=%H", "--", articleFolder)).split(separator: "\n").map(String.init))

        // claims filters by article and status.
        #expect(try desk.jsonArray(["claims", "--status", "verified"]).compactMap { $0["id"] as? String } == [id])
        #expect(try desk.jsonArray(["claims", "port-strike"]).compactMap { $0["id"] as? String } == [elsewhere])
        #expect(try desk.jsonArray(["claims", "harbour", "--status", "false"]).isEmpty)
    }

    // MARK: Job 4: report

    /// A desk with open, in-review and settled claims on two articles.
    struct ReportDesk {
        let desk: CLIDesk
        let open: String, inReview: String, verified: String, refuted: String, assigned: String

        init() throws {
            desk = try CLIDesk()
            try desk.addArticle("harbour", title: "Harbour café prices soar", text: HarbourStory.typed)
            try desk.addArticle("port-strike", title: "Port strike ends", text: "Dockers walked out on Monday.\n\nTalks resume Friday.\n")
            verified = try desk.annotate("harbour", ["--quote", "the most since 1990"], claim: "Most since 1990",
                                         extra: ["--source", "https://stats.example/cpi"])
            open = try desk.annotate("harbour", ["--paragraph", "2"], claim: "Trended for 12 hours")
            refuted = try desk.annotate("harbour", ["--quote", "repeated the figure"], claim: "The minister repeated it")
            inReview = try desk.annotate("harbour", ["--quote", "שלום עולם"], claim: "The Hebrew headline")
            assigned = try desk.annotate("port-strike", ["--paragraph", "1"], claim: "Walked out on Monday",
                                         extra: ["--assignee", "Bo Chen <bo@example.org>", "--source", "https://union.example/statement"])
            _ = try desk.succeed(["verify", verified, "--note", "Table 4"])
            _ = try desk.succeed(["status", refuted, "false", "--note", "He said it once"])
            _ = try desk.succeed(["status", inReview, "in-review"])
        }
    }

    @Test("The JSON report counts claims by status and lists each article's unverified claims with the contract's keys")
    func reportAsJSON() throws {
        let story = try ReportDesk()
        let desk = story.desk
        let output = try desk.succeed(["report", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let totals = try #require(report["totals"] as? [String: Any])
        #expect(totals["claims"] as? Int == 5)
        let byStatus = try #require(totals["byStatus"] as? [String: Int])
        #expect(byStatus == ["unverified": 2, "in-review": 1, "verified": 1, "false": 1, "misleading": 0, "unverifiable": 0])

        let articles = try #require(report["articles"] as? [[String: Any]])
        #expect(Set(articles.compactMap { $0["id"] as? String }) == ["harbour", "port-strike"])
        let harbour = try #require(articles.first { $0["id"] as? String == "harbour" })
        #expect(harbour["title"] as? String == "Harbour café prices soar")
        #expect(harbour["byStatus"] as? [String: Int]
            == ["unverified": 1, "in-review": 1, "verified": 1, "false": 1, "misleading": 0, "unverifiable": 0])
        let unverified = try #require(harbour["unverified"] as? [[String: Any]])
        let openIDs = unverified.compactMap { $0["id"] as? String }
        #expect(Set(openIDs) == [story.open, story.inReview], "still-open claims are the unverified and in-review ones")
        for claim in unverified {
            #expect(Set(claim.keys).isSuperset(of: ["id", "claim", "quote", "paragraph", "ageDays", "assignee", "sources"]),
                    "unverified entry keys: \(claim.keys.sorted())")
            #expect(claim["ageDays"] as? Int == 0)
            #expect(claim["assignee"] is NSNull)
            #expect(claim["sources"] as? [Any] != nil)
        }
        let hebrew = try #require(unverified.first { $0["id"] as? String == story.inReview })
        #expect(sameScalars(hebrew["quote"], "שלום עולם"))
        #expect(hebrew["paragraph"] as? Int == 3)
        #expect(hebrew["claim"] as? String == "The Hebrew headline")

        let strike = try #require(articles.first { $0["id"] as? String == "port-strike" })
        let strikeOpen = try #require(strike["unverified"] as? [[String: Any]])
        #expect(strikeOpen.count == 1)
        #expect(strikeOpen.first?["assignee"] as? String == "Bo Chen <bo@example.org>")
        #expect((strikeOpen.first?["sources"] as? [[String: Any]])?.first?["url"] as? String == "https://union.example/statement")
        #expect(strikeOpen.first?["quote"] as? String == "Dockers walked out on Monday.")

        // A claim filed ten days ago (its file edited and committed by hand) is ten days old in the report.
        let path = try desk.claimPath(story.open)
        var claimFile = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: desk.deskURL.appendingPathComponent(path))) as? [String: Any])
        let tenDaysAgo = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-10 * 86_400 - 3_600))
        claimFile["createdAt"] = tenDaysAgo
        try JSONSerialization.data(withJSONObject: claimFile, options: [.prettyPrinted, .sortedKeys])
            .write(to: desk.deskURL.appendingPathComponent(path))
        try desk.git("-c", "user.name=Hand", "-c", "user.email=hand@example.org", "commit", "-qam", "backdate")
        let aged = try desk.jsonReport(["report", "harbour", "--format", "json"])
        let agedOpen = (aged["articles"] as? [[String: Any]])?.first?["unverified"] as? [[String: Any]]
        #expect(agedOpen?.first { $0["id"] as? String == story.open }?["ageDays"] as? Int == 10)
        #expect(agedOpen?.first?["id"] as? String == story.open, "the oldest open claim comes first")
        #expect(try desk.succeed(["report", "harbour"]).contains("10 days"))

        // Only the articles asked for.
        let one = try desk.jsonReport(["report", "port-strike", "--format", "json"])
        #expect((one["totals"] as? [String: Any])?["claims"] as? Int == 1)
        #expect((one["articles"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["port-strike"])
    }

    @Test("Naming an article twice reports it once")
    func reportNamesEachArticleOnce() throws {
        let story = try ReportDesk()
        let report = try story.desk.jsonReport(["report", "harbour", "harbour", "--format", "json"])
        #expect((report["totals"] as? [String: Any])?["claims"] as? Int == 4)
        #expect((report["articles"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["harbour"])
    }

    @Test("The Markdown report puts every unverified claim before the settled ones")
    func markdownReportListsUnverifiedFirst() throws {
        let story = try ReportDesk()
        let markdown = try story.desk.succeed(["report"])
        #expect(markdown.hasPrefix("# "))
        func position(_ needle: String) throws -> String.Index {
            try #require(markdown.range(of: needle)?.lowerBound, "\(needle) is not in the report")
        }
        for open in [story.open, story.inReview, story.assigned] {
            for settled in [story.verified, story.refuted] {
                #expect(try position(open) < position(settled), "\(open) should come before \(settled)")
            }
        }
        #expect(markdown.contains("Bo Chen"), "the owner of an assigned claim is named")
        #expect(markdown.contains("Harbour café prices soar") && markdown.contains("Port strike ends"))
        #expect(markdown.contains("שלום עולם"))
    }

    @Test("The HTML report escapes a claim's <script> and --output writes the report to a file")
    func htmlReportEscapesAndOutputWritesFile() throws {
        let desk = try CLIDesk()
        try desk.addArticle("harbour", title: "Harbour <b>café</b>", text: HarbourStory.typed)
        let hostile = try desk.annotate("harbour", ["--paragraph", "4"],
                                        claim: "He said <script>alert(\"owned\")</script> & left")
        let html = try desk.succeed(["report", "--format", "html"])
        #expect(html.contains("&lt;script&gt;alert("), "the claim should be escaped")
        #expect(!html.contains("<script>"), "no live script in the report")
        #expect(!html.contains("<b>café</b>"), "the title should be escaped")
        #expect(html.contains("&amp; left"))
        #expect(html.contains(hostile))
        let openHeading = try #require(html.range(of: "Still unverified")).lowerBound
        #expect(html.range(of: "Settled").map { openHeading < $0.lowerBound } ?? true, "unverified first in HTML")

        let before = try desk.fingerprint()
        for (format, name) in [("html", "report.html"), ("json", "report.json"), ("markdown", "report.md")] {
            let result = try desk.run(["report", "--format", format, "--output", name])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.isEmpty, "with --output nothing goes to stdout")
            let written = try #require(FileManager.default.contents(atPath: desk.directory.path(name)), "\(name) not written")
            let text = String(decoding: written, as: UTF8.self)
            #expect(text.contains(hostile), "\(name)")
            switch format {
            case "json":
                let object = try #require(try JSONSerialization.jsonObject(with: written) as? [String: Any])
                #expect((object["totals"] as? [String: Any])?["claims"] as? Int == 1)
            case "html": #expect(text.contains("&lt;script&gt;") && !text.contains("<script>"))
            default: #expect(text.hasPrefix("# "))
            }
        }
        #expect(try desk.fingerprint() == before, "writing a report outside the desk leaves the desk as it was")
    }

    @Test("A javascript: URL given as a source is not a live link in the HTML report")
    func htmlReportDoesNotLinkJavaScriptSources() throws {
        let desk = try CLIDesk()
        try desk.addArticle("harbour", title: "Harbour", text: HarbourStory.typed)
        let id = try desk.annotate("harbour", ["--paragraph", "1"], claim: "Prices rose")
        let added = try desk.run(["source", "add", id, "javascript:alert(document.cookie)", "--title", "Official statistics"])
        let html = try desk.succeed(["report", "--format", "html"])
        #expect(added.status != 0, "javascript: URL accepted as a source")
        #expect(!html.contains("href=\"javascript:"),
                "HTML report has a live javascript: link: \(html.split(separator: "\n").filter { $0.contains("href") })")
    }
}

extension CLIDesk {
    func jsonReport(_ arguments: [String]) throws -> [String: Any] {
        let output = try succeed(arguments)
        guard let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any] else {
            throw TestFailure("report is not a JSON object")
        }
        return object
    }
}
