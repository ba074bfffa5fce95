import Foundation
import Testing
@testable import FactDesk
import TestSupport

/// Hypothesis's own JSON into claims: each annotation on exactly its quote's words in the stored text
/// (never at Hypothesis's page offsets), statuses through the desk's workflow, the annotator as
/// creator, the rest listed, one commit, and nothing new on a second import.
@Suite(.serialized) struct HypothesisImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let source = "hypothesis-search.json"

    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: fixtures.appendingPathComponent(name))
    }

    /// A desk holding the two stories the fixture annotates; the council story has been revised since.
    func desk() throws -> DeskFixture {
        let desk = try DeskFixture()
        for (slug, title, url, file) in [("harbour-fares", "Ferry fares to rise", "https://news.example/harbour-fares", "hypothesis-harbour.txt"),
                                         ("council-vote", "Council closes library", "https://news.example/council-vote/", "hypothesis-council.txt")] {
            try desk.store.addArticle(slug: try ArticleSlug(slug), title: title, url: url,
                                      text: try ArticleText(normalizing: try Self.fixture(file), source: file), editor: desk.ana)
        }
        return desk
    }

    func claim(_ annotation: String, in desk: DeskFixture) throws -> Claim {
        try desk.store.claim(ClaimID.derived(fromHypothesis: annotation).value)
    }

    func id(_ annotation: String) -> String { ClaimID.derived(fromHypothesis: annotation).value }

    /// The span of `quote` in the stored text of `slug`, found by the desk's own quote search.
    func expectedSpan(_ quote: String, in slug: String, desk: DeskFixture) throws -> Range<Int> {
        try TextSelector.quote(quote, occurrence: nil).resolve(in: try desk.store.document(try ArticleSlug(slug)).text)
    }

    static func date(_ text: String) -> Date { ISODate.date(text)! }

    @Test func eachAnnotationLandsOnItsQuoteWithItsStatusCreatorAndNotes() throws {
        let desk = try desk()
        let before = try desk.commitCount()
        let summary = try desk.store.importHypothesis(try Self.fixture(Self.source), source: Self.source, editor: desk.ben)

        let imported = ["Hv1aW3pQEe-farez12pct", "Hv2bX4qREe-nochoice01", "Hv3cY5rSEe-fuelcosts2", "Hv5eA7tUEe-nightferry",
                        "Cv1aC9wXEe-elmstreet1", "Cv2bD0xYEe-annualrpt1", "Cv3cE1yZEe-painfuldec", "Cv4dF2zAEe-anacosta01"]
        #expect(summary.added == imported.map(id))
        #expect(summary.updated.isEmpty && summary.unchanged.isEmpty && summary.older.isEmpty && summary.changed.isEmpty)
        #expect(summary.orphaned == [id("Cv2bD0xYEe-annualrpt1")])
        #expect(summary.reanchored == imported.filter { $0 != "Cv2bD0xYEe-annualrpt1" }.map(id))
        #expect(summary.notInDesk == [.init(annotation: "Nv1aG3aBEe-otherstory", uri: "https://other.example/port-strike",
                                            title: "Dockers to strike | Other Example",
                                            reason: "its page is no article of this desk; add it with `factdesk article add FILE --url URL`")])
        #expect(summary.skipped.map(\.annotation) == ["Hv4dZ6sTEe-fare480eur", "Hv6fB8uVEe-surplus21m", "Pv1aH4bCEe-pagenote01", "Rv1aJ5cDEe-replyalice"])
        let reasons = summary.skipped.map(\.reason)
        #expect(reasons[0].hasPrefix("tagged verified without a source, which this desk's policy refuses"))
        #expect(reasons[1].hasPrefix("tagged with 2 statuses (verified, false)"))
        #expect(reasons[2].hasPrefix("a page note"))
        #expect(reasons[3].hasPrefix("a reply"))

        // One commit, by the importing editor.
        #expect(try desk.commitCount() == before + 1)
        #expect(try desk.git("log", "-1", "--format=%an|%s") == "Ben Okafor|import 13 Hypothesis annotation(s) from hypothesis-search.json: "
                + "8 new, 0 updated, 0 unchanged, 1 orphaned, 1 not in the desk, 4 skipped\n")
        #expect(try desk.store.check().healthy)

        let alice = try Editor(parsing: "Alice Martin <alice@hypothes.is>")
        let bob = try Editor(parsing: "bob <bob@hypothes.is>")
        let carla = try Editor(parsing: "Carla Díaz <carla.diaz@hypothes.is>")
        // (annotation, article, quote as stored, claim, status, creator, notes)
        let expected: [(String, String, String, String, ClaimStatus, Editor, [String])] = [
            ("Hv1aW3pQEe-farez12pct", "harbour-fares", "rise by 12% in January", "Fares rise by 12% in January", .false, alice, ["Tags: fares"]),
            ("Hv2bX4qREe-nochoice01", "harbour-fares", "“We have no choice,” said director Zoë Laurent",
             "Director says the authority had no choice See the **board minutes**.", .inReview, bob, []),
            ("Hv3cY5rSEe-fuelcosts2", "harbour-fares", "Fuel costs doubled in two years.", "Fuel costs doubled in two years.", .unverified, carla, []),
            ("Hv5eA7tUEe-nightferry", "harbour-fares", "The night ferry 🛳️ will stop running", "Only the 11 pm crossing is cut", .misleading, bob,
             ["Tags: night service"]),
            ("Cv1aC9wXEe-elmstreet1", "council-vote", "to close the Elm Street library", "The council voted to close the library", .unverified, alice,
             ["Tags: library"]),
            ("Cv3cE1yZEe-painfuldec", "council-vote", "“a painful but necessary decision”", "Mayor calls the closure necessary", .unverified, bob,
             ["Tags: library, Elm St"]),
            ("Cv4dF2zAEe-anacosta01", "council-vote", "Ana Costa", "Ana Costa is the deputy mayor", .false, carla, []),
        ]
        for (annotation, slug, quote, text, status, creator, notes) in expected {
            let claim = try claim(annotation, in: desk)
            let span = try expectedSpan(quote, in: slug, desk: desk)
            let stored = try desk.store.document(try ArticleSlug(slug))
            #expect(claim.article.value == slug, "\(annotation)")
            #expect(claim.anchor.range == span, "\(annotation): \(claim.anchor.range) instead of \(span)")
            #expect(claim.anchor.exact == quote && claim.anchor.revision == stored.article.revision && claim.anchorIssue == nil, "\(annotation)")
            #expect(claim.paragraph == stored.text.paragraphNumber(at: span.lowerBound), "\(annotation)")
            #expect(claim.claim == text, "\(annotation)")
            #expect(claim.status == status, "\(annotation)")
            #expect(claim.createdBy == creator && claim.updatedBy == creator, "\(annotation)")
            #expect(claim.notes.map(\.text) == notes && claim.notes.allSatisfy { $0.by == creator && $0.at == claim.createdAt }, "\(annotation)")
            #expect(claim.sources.isEmpty && claim.review == nil, "\(annotation)")
        }

        // Dates to the second, offsets applied; a status tag is set when the annotation was last edited.
        let fares = try claim("Hv1aW3pQEe-farez12pct", in: desk)
        #expect(fares.createdAt == Self.date("2026-11-20T10:01:02Z") && fares.updatedAt == Self.date("2026-11-20T10:05:40Z"))
        #expect(fares.statusChangedBy == alice && fares.statusChangedAt == fares.updatedAt)
        let choice = try claim("Hv2bX4qREe-nochoice01", in: desk)
        #expect(choice.createdAt == Self.date("2026-11-20T10:00:00Z") && choice.updatedAt == Self.date("2026-11-20T10:30:00Z"))
        let night = try claim("Hv5eA7tUEe-nightferry", in: desk)
        #expect(night.updatedAt == Self.date("2026-11-22T19:00:00Z"))
        let fuel = try claim("Hv3cY5rSEe-fuelcosts2", in: desk)
        #expect(fuel.statusChangedBy == carla && fuel.statusChangedAt == fuel.createdAt)

        // The orphan keeps the quote as Hypothesis gave it, flagged, on no revision of the text.
        let orphan = try claim("Cv2bD0xYEe-annualrpt1", in: desk)
        #expect(orphan.anchorIssue == AnchorIssue(kind: .orphaned, revision: 1, previousQuote: "the annual report shows"))
        #expect(orphan.anchor == Anchor(revision: 0, start: 0, end: 23, exact: "the annual report shows",
                                        prefix: "ry lent 40,000 books last year, ", suffix: ".\nComments (3)"))
        #expect(orphan.claim == "40,000 loans according to the annual report" && orphan.status == .unverified)
    }

    @Test func hypothesisPagePositionsAreNotStoredOffsets() throws {
        // The fixture exercises what the importer must not trust: Hypothesis counts UTF-16 units of
        // the browser's page (site chrome, an emoji before the quote), not scalars of the stored text.
        let desk = try desk()
        try desk.store.importHypothesis(try Self.fixture(Self.source), source: Self.source, editor: desk.ben)
        let file = try #require(try JSONSerialization.jsonObject(with: try Self.fixture(Self.source)) as? [String: Any])
        let rows = try #require(file["rows"] as? [[String: Any]])
        let night = try #require(rows.first { $0["id"] as? String == "Hv5eA7tUEe-nightferry" })
        let selectors = try #require(((night["target"] as? [[String: Any]])?.first?["selector"]) as? [[String: Any]])
        let position = try #require(selectors.first { $0["type"] as? String == "TextPositionSelector" })
        let quote = try #require(selectors.first { $0["type"] as? String == "TextQuoteSelector" }?["exact"] as? String)
        let nightClaim = try claim("Hv5eA7tUEe-nightferry", in: desk)
        #expect(position["start"] as? Int != nightClaim.anchor.start)
        #expect(quote.utf16.count != quote.unicodeScalars.count)
        #expect(nightClaim.anchor.range == (try expectedSpan(quote, in: "harbour-fares", desk: desk)))
        // The quote came in NFD; the stored text, and the claim's anchor, are NFC.
        let choice = try #require(rows.first { $0["id"] as? String == "Hv2bX4qREe-nochoice01" })
        let nfd = try #require(((choice["target"] as? [[String: Any]])?.first?["selector"] as? [[String: Any]])?
            .first { $0["type"] as? String == "TextQuoteSelector" }?["exact"] as? String)
        #expect(nfd.unicodeScalars.contains("\u{0308}"))  // ë as e and a combining diaeresis
        #expect(try claim("Hv2bX4qREe-nochoice01", in: desk).anchor.exact == nfd.precomposedStringWithCanonicalMapping)
    }

    @Test func importingTheSameFileAgainChangesNothing() throws {
        let desk = try desk()
        let first = try desk.store.importHypothesis(try Self.fixture(Self.source), source: Self.source, editor: desk.ben)
        let before = try StoreFingerprint(repository: desk.repository)
        let commits = try desk.commitCount()
        desk.clock.now += 3_600
        let again = try desk.store.importHypothesis(try Self.fixture(Self.source), source: Self.source, editor: desk.ana)
        #expect(again.unchanged == first.added && again.added.isEmpty && again.updated.isEmpty && again.older.isEmpty)
        #expect(again.orphaned == first.orphaned && again.notInDesk == first.notInDesk && again.skipped == first.skipped)
        #expect(try desk.commitCount() == commits)
        #expect(try StoreFingerprint(repository: desk.repository) == before)
    }

    @Test func textAsNoteKeepsTheTextAsTheAnnotatorsNoteAndTheQuoteAsTheClaim() throws {
        let desk = try desk()
        try desk.store.importHypothesis(try Self.fixture(Self.source), source: Self.source, textAs: .note, editor: desk.ben)
        let choice = try claim("Hv2bX4qREe-nochoice01", in: desk)
        #expect(choice.claim == "“We have no choice,” said director Zoë Laurent")
        #expect(choice.notes.map(\.text) == ["Director says the authority had no choice\n\nSee the **board minutes**."])
        let fares = try claim("Hv1aW3pQEe-farez12pct", in: desk)
        #expect(fares.claim == "rise by 12% in January")
        #expect(fares.notes.map(\.text) == ["Fares rise by 12% in January", "Tags: fares"])
        #expect(try claim("Hv3cY5rSEe-fuelcosts2", in: desk).notes.isEmpty)
    }

    @Test func statusTagsFollowTheDesksPolicy() throws {
        let desk = try desk()
        try desk.store.setPolicy(.secondReview, to: "on", editor: desk.ana)
        try desk.store.setPolicy(.verifiedRequiresSource, to: "off", editor: desk.ana)
        let summary = try desk.store.importHypothesis(try Self.fixture(Self.source), source: Self.source, editor: desk.ben)
        #expect(summary.added.contains(id("Hv4dZ6sTEe-fare480eur")))
        #expect(summary.skipped.map(\.annotation) == ["Hv6fB8uVEe-surplus21m", "Pv1aH4bCEe-pagenote01", "Rv1aJ5cDEe-replyalice"])
        // Under second review every verdict is a proposal by its annotator, awaiting another editor.
        for (annotation, verdict, proposer) in [("Hv4dZ6sTEe-fare480eur", ClaimStatus.verified, "alice@hypothes.is"),
                                                ("Hv1aW3pQEe-farez12pct", .false, "alice@hypothes.is"),
                                                ("Cv4dF2zAEe-anacosta01", .false, "carla.diaz@hypothes.is")] {
            let claim = try claim(annotation, in: desk)
            #expect(claim.status == .inReview && claim.awaitingReview, "\(annotation)")
            #expect(claim.review?.verdict == verdict && claim.review?.proposedBy.email == proposer, "\(annotation)")
            #expect(claim.review?.proposedAt == claim.updatedAt, "\(annotation)")
        }
        #expect(try claim("Hv2bX4qREe-nochoice01", in: desk).status == .inReview)
        // The proposal is settled like any other, by a second editor.
        try desk.store.review(id("Cv4dF2zAEe-anacosta01"), .approve, editor: desk.ben)
        #expect(try claim("Cv4dF2zAEe-anacosta01", in: desk).status == .false)
    }

    @Test func theDesksNewerWorkOnAnImportedClaimIsKept() throws {
        let desk = try desk()
        desk.clock.now = Self.date("2026-12-01T09:00:00Z")
        try desk.store.importHypothesis(try Self.fixture(Self.source), source: Self.source, editor: desk.ben)
        try desk.store.verify(id("Hv3cY5rSEe-fuelcosts2"), sources: ["https://harbour.example/accounts"], editor: desk.ben)
        let commits = try desk.commitCount()
        let again = try desk.store.importHypothesis(try Self.fixture(Self.source), source: Self.source, editor: desk.ana)
        #expect(again.older == [id("Hv3cY5rSEe-fuelcosts2")] && again.unchanged.count == 7)
        #expect(try claim("Hv3cY5rSEe-fuelcosts2", in: desk).status == .verified)
        #expect(try desk.commitCount() == commits)

        // Edited in Hypothesis after the desk's work: the desk's claim still stands, sources and verdict.
        var file = try #require(try JSONSerialization.jsonObject(with: try Self.fixture(Self.source)) as? [String: Any])
        var rows = try #require(file["rows"] as? [[String: Any]])
        let edited = try #require(rows.firstIndex { $0["id"] as? String == "Hv3cY5rSEe-fuelcosts2" })
        rows[edited]["updated"] = "2031-01-01T00:00:00.000000+00:00"
        rows[edited]["text"] = "Edited later in Hypothesis"
        file["rows"] = rows
        let later = try desk.store.importHypothesis(try JSONSerialization.data(withJSONObject: file), source: "later.json", editor: desk.ana)
        #expect(later.older == [id("Hv3cY5rSEe-fuelcosts2")])
        let kept = try claim("Hv3cY5rSEe-fuelcosts2", in: desk)
        #expect(kept.status == .verified && kept.sources.count == 1 && kept.claim != "Edited later in Hypothesis")
        #expect(try desk.commitCount() == commits)
    }

    @Test func aClaimIdTakenByAnotherClaimIsNeverOverwritten() throws {
        let desk = try desk()
        let slug = try ArticleSlug("harbour-fares")
        let taken = ClaimID.derived(fromHypothesis: "Hv3cY5rSEe-fuelcosts2")
        let other = Claim(id: taken, article: slug, claim: "Someone else's claim", status: .unverified,
                          anchor: Anchor(range: 0..<5, in: try desk.store.document(slug).text, revision: 1), paragraph: 1,
                          sources: [], notes: [], createdBy: desk.ana, createdAt: desk.clock.now, updatedBy: desk.ana,
                          updatedAt: Self.date("2030-01-01T00:00:00Z"), statusChangedBy: desk.ana, statusChangedAt: desk.clock.now)
        let path = desk.store.layout.claimFile(slug, taken)
        try desk.store.commit(as: desk.ana) { _ in
            StagedChange(files: [path: try DeskJSON.encode(other)], message: "plant a claim\n", result: ())
        }
        let summary = try desk.store.importHypothesis(try Self.fixture(Self.source), source: Self.source, editor: desk.ben)
        #expect(summary.skipped.first { $0.annotation == "Hv3cY5rSEe-fuelcosts2" }?.reason
                == "its claim id \(taken) is already another claim of harbour-fares in this desk")
        #expect(try desk.store.claim(taken.value).claim == "Someone else's claim")
    }

    @Test func badFilesAreRefusedWithOneErrorNamingTheAnnotation() throws {
        let desk = try desk()
        let before = try StoreFingerprint(repository: desk.repository)
        func annotation(_ id: String? = "A1", created: String = "2026-11-20T10:01:02.123456+00:00", target: String? = nil,
                        uri: String = "https://news.example/harbour-fares") -> String {
            let target = target ?? #"[{"source": "\#(uri)", "selector": [{"type": "TextQuoteSelector", "exact": "Fuel costs"}]}]"#
            return "{" + (id.map { #""id": "\#($0)", "# } ?? "")
                + #""created": "\#(created)", "updated": "2026-11-20T10:01:02+00:00", "user": "acct:ana@hypothes.is", "uri": "\#(uri)", "text": "x", "tags": [], "target": \#(target)}"#
        }
        let cases: [(String, Data, String)] = [
            ("not JSON", Data("not json".utf8), "bad.json is not JSON"),
            ("rows not a list", Data(#"{"rows": 3}"#.utf8), "bad.json is not Hypothesis JSON FactDesk can read (wrong type at rows)"),
            ("neither shape", Data(#"{"total": 3}"#.utf8), "bad.json is not Hypothesis JSON; give a search result"),
            ("a number", Data("3".utf8), "bad.json is not Hypothesis JSON"),
            ("no id", Data("[\(annotation(nil))]".utf8), "bad.json: annotation 1 (no id) is not a Hypothesis annotation FactDesk can read: missing id"),
            ("no target", Data(#"{"rows": [\#(annotation()), \#(annotation("B2").replacingOccurrences(of: #", "target": [{"source": "https://news.example/harbour-fares", "selector": [{"type": "TextQuoteSelector", "exact": "Fuel costs"}]}]"#, with: ""))]}"#.utf8),
             "bad.json: annotation 2 (id B2) is not a Hypothesis annotation FactDesk can read: missing target"),
            ("empty target", Data("[\(annotation(target: "[]"))]".utf8), "annotation 1 (id A1) is not a Hypothesis annotation FactDesk can read: its target is empty"),
            ("invalid date", Data("[\(annotation()), \(annotation("C3", created: "2026-13-45T10:00:00+00:00"))]".utf8),
             "annotation 2 (id C3) is not a Hypothesis annotation FactDesk can read: bad value at created (not an ISO 8601 date: 2026-13-45T10:00:00+00:00)"),
            ("a row that is not an object", Data(#"{"rows": [3]}"#.utf8), "annotation 1 (no id) is not a Hypothesis annotation FactDesk can read: it is not an object"),
            ("invalid UTF-8", Data(#"{"rows": [{"id": ""#.utf8) + Data([0xC3, 0x28]) + Data(#""}]}"#.utf8), "bad.json is not valid UTF-8"),
            ("over 64 MiB", Data(repeating: 0x20, count: 64 * 1024 * 1024 + 1), "bad.json is larger than 64 MiB, the most FactDesk imports from Hypothesis at once"),
            ("no annotations", Data(#"{"total": 0, "rows": []}"#.utf8), "bad.json holds no annotations"),
            ("no page in the desk", Data("[\(annotation(uri: "https://elsewhere.example/a"))]".utf8),
             "none of the 1 annotation(s) in bad.json is on an article of this desk (pages: https://elsewhere.example/a)"),
        ]
        for (name, data, message) in cases {
            do {
                try desk.store.importHypothesis(data, source: "bad.json", editor: desk.ana)
                Issue.record("\(name): imported")
            } catch let FactDeskError.invalidInput(text) {
                #expect(text.hasPrefix(message) || text.contains(message), "\(name): \(text)")
                #expect(!text.contains("\n"), "\(name): \(text)")
            }
        }
        #expect(try StoreFingerprint(repository: desk.repository) == before)
    }

    @Test func anAnnotationTwiceInTheFileIsImportedOnce() throws {
        let desk = try desk()
        let file = try #require(try JSONSerialization.jsonObject(with: try Self.fixture(Self.source)) as? [String: Any])
        let rows = try #require(file["rows"] as? [[String: Any]])
        let export = try JSONSerialization.data(withJSONObject: [rows[2], rows[2]])
        let summary = try desk.store.importHypothesis(export, source: "twice.json", editor: desk.ben)
        #expect(summary.added == [id("Hv3cY5rSEe-fuelcosts2")] && summary.updated.isEmpty)
        #expect(summary.skipped.map(\.reason) == ["it is in the file twice; the first one is imported"])
    }

    @Test func derivedClaimIDsAreWellFormedAndStable() {
        let id = ClaimID.derived(fromHypothesis: "Hv1aW3pQEe-farez12pct")
        #expect(ClaimID.isWellFormed(id.value) && id.value.count == 10)
        #expect(id == ClaimID.derived(fromHypothesis: "Hv1aW3pQEe-farez12pct"))
        #expect(id != ClaimID.derived(fromHypothesis: "Hv1aW3pQEe-farez12pcu"))
    }
}
