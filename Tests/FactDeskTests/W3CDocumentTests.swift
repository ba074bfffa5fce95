import Foundation
import Testing
@testable import FactDesk
import TestSupport

/// Annotation files as other tools write them (no `total`, several pages in one file) and what
/// FactDesk's export gives a JSON-LD reader: every extension key an IRI, the model's SHOULDs set.
@Suite(.serialized) struct W3CDocumentTests {
    /// A desk with the budget article and two claims, one verified by a second editor with a
    /// deadline and a claimant, exported.
    func exportedDesk() throws -> (DeskFixture, [String: Any], String) {
        let desk = try DeskFixture()
        let slug = try desk.addBudgetArticle()
        try desk.store.setPolicy(.secondReview, to: "on", editor: desk.ana)
        let first = try desk.store.annotate(AnnotationRequest(
            article: slug, selector: .paragraph(1), claim: "Budget", sources: ["https://council.example/b"],
            due: try DeskDate(parsing: "2026-12-01", field: "due", now: Date()),
            attribution: Attribution(claimant: "Zoë Laurent", date: try DeskDate(parsing: "2026-11-02", field: "d", now: Date()),
                                     appearances: ["https://tv.example/1"])), editor: desk.ana)
        try desk.store.verify(first.id.value, editor: desk.ana)
        try desk.store.review(first.id.value, .approve, editor: desk.ben)
        try desk.store.annotate(AnnotationRequest(article: slug, selector: .paragraph(2), claim: "Quote"), editor: desk.ana)
        let text = try desk.store.exportW3C()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return (desk, json, text)
    }

    /// Terms of the W3C anno.jsonld context that FactDesk uses.
    static let modelTerms: Set<String> = [
        "@context", "id", "type", "motivation", "created", "creator", "modified", "generator", "body", "target", "purpose",
        "value", "format", "source", "label", "selector", "exact", "prefix", "suffix", "start", "end", "name", "email",
        "items", "partOf", "startIndex", "next", "first", "last", "total",
    ]

    /// Keys that are neither a term of the model's context nor an absolute or compact IRI it knows.
    static func unknownKeys(_ value: Any, path: String = "$") -> [String] {
        if let array = value as? [Any] { return array.enumerated().flatMap { unknownKeys($1, path: "\(path)[\($0)]") } }
        guard let object = value as? [String: Any] else { return [] }
        return object.flatMap { key, inner -> [String] in
            let known = modelTerms.contains(key) || key.hasPrefix("urn:factdesk:") || key.hasPrefix("schema:")
            return (known ? [] : ["\(path).\(key)"]) + unknownKeys(inner, path: "\(path).\(key)")
        }
    }

    @Test func everyExtensionKeyIsAnIRIAndTheShouldsAreSet() throws {
        let (_, json, _) = try exportedDesk()
        #expect(Self.unknownKeys(json).isEmpty, "\(Self.unknownKeys(json))")
        let page = try #require(json["first"] as? [String: Any])
        #expect(json["last"] as? String == page["id"] as? String)
        #expect(page["partOf"] as? String == json["id"] as? String)
        let items = try #require(page["items"] as? [[String: Any]])
        for item in items {
            #expect((item["generator"] as? [String: Any])?["type"] as? String == "Software")
            let creator = try #require(item["creator"] as? [String: Any])
            #expect(creator["id"] as? String == "mailto:ana@example.org")
        }
        let verified = try #require(items.first { $0["urn:factdesk:review"] != nil })
        let review = try #require(verified["urn:factdesk:review"] as? [String: Any])
        #expect(review["urn:factdesk:verdict"] as? String == "verified")
        #expect((review["urn:factdesk:approvedBy"] as? [String: Any])?["id"] as? String == "mailto:ben@example.org")
        #expect(((verified["urn:factdesk:attribution"] as? [String: Any])?["urn:factdesk:appearance"] as? [String]) == ["https://tv.example/1"])
        #expect(WebAnnotationValidator.problems(inCollection: json).isEmpty)
    }

    @Test func theExportComesBackWholeIntoAnotherDesk() throws {
        let (desk, _, text) = try exportedDesk()
        let other = try DeskFixture()
        try other.addBudgetArticle()
        let summary = try other.store.importW3C(Data(text.utf8), source: "export.json", editor: other.ana)
        #expect(summary.added.count == 2)
        let original = try desk.store.claims(), imported = try other.store.claims()
        #expect(original == imported)
    }

    /// The export's annotations, split over pages in the ways other tools write them.
    @Test func aCollectionWithoutTotalOverSeveralPagesImportsWhole() throws {
        let (_, json, _) = try exportedDesk()
        let items = try #require((json["first"] as? [String: Any])?["items"] as? [[String: Any]])
        let pageOne: [String: Any] = ["id": "urn:x:p1", "type": "AnnotationPage", "items": [items[0]], "next": "urn:x:p2"]
        let pageTwo: [String: Any] = ["id": "urn:x:p2", "type": "AnnotationPage", "items": [items[1]]]
        let collection: [String: Any] = ["@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:x", "type": "AnnotationCollection",
                                         "first": "urn:x:p1", "last": "urn:x:p2"]
        var embedded = pageOne
        embedded["next"] = pageTwo
        let shapes: [(String, Any)] = [
            ("pages named by IRI, in one array", [pageTwo, collection, pageOne]),
            ("the next page embedded, no total", ["type": "AnnotationCollection", "first": embedded] as [String: Any]),
            ("loose pages", [pageOne, pageTwo]),
        ]
        for (shape, document) in shapes {
            let desk = try DeskFixture()
            try desk.addBudgetArticle()
            let data = try JSONSerialization.data(withJSONObject: document)
            let summary = try desk.store.importW3C(data, source: "pages.json", editor: desk.ana)
            #expect(summary.added.count == 2, "\(shape)")
        }
        // A total that the pages do not reach, or a page that is not there, loses nothing silently.
        let desk = try DeskFixture()
        try desk.addBudgetArticle()
        let before = try StoreFingerprint(repository: desk.repository)
        var short = collection
        short["total"] = 3
        for (problem, document) in [("total", [short, pageOne, pageTwo]), ("missing page", [collection, pageOne])] as [(String, Any)] {
            #expect(throws: FactDeskError.self, "\(problem)") {
                try desk.store.importW3C(try JSONSerialization.data(withJSONObject: document), source: "bad.json", editor: desk.ana)
            }
        }
        #expect(try StoreFingerprint(repository: desk.repository) == before)
    }

    @Test func anExportWrittenBeforeInnerKeysWereIRIsStillImports() throws {
        let desk = try DeskFixture()
        try desk.addBudgetArticle()
        let legacy = """
        {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:factdesk:claim:c-7k2q9x4m", "type": "Annotation",
         "body": [{"type": "TextualBody", "purpose": "describing", "value": "Lost claim"}],
         "target": {"source": "https://news.example/budget", "urn:factdesk:article": "council-budget", "urn:factdesk:revision": 1,
                    "selector": [{"type": "TextQuoteSelector", "exact": "a sentence that is gone"}]},
         "urn:factdesk:anchorIssue": {"kind": "orphaned", "revision": 1, "previousQuote": "a sentence that is gone"}}
        """
        let summary = try desk.store.importW3C(Data(legacy.utf8), source: "old.json", editor: desk.ana)
        let claim = try desk.store.claim(try #require(summary.added.first))
        #expect(claim.anchorIssue == AnchorIssue(kind: .orphaned, revision: 1, previousQuote: "a sentence that is gone"))
    }

    @Test func anOversizedFileIsRefusedBeforeItIsRead() throws {
        let desk = try DeskFixture()
        try desk.addBudgetArticle()
        let before = try StoreFingerprint(repository: desk.repository)
        let huge = Data(repeating: UInt8(ascii: " "), count: 50 << 20)
        #expect(throws: FactDeskError.self) { try desk.store.importW3C(huge, source: "huge.json", editor: desk.ana) }
        #expect(try StoreFingerprint(repository: desk.repository) == before)
    }
}
