import Foundation
import Testing
@testable import FactDesk
import TestSupport

/// Export to the W3C Web Annotation Data Model and back, checked against the model's MUST rules.
@Suite(.serialized) struct W3CInteropTests {
    /// A desk with claims in every state: sources with titles and notes, notes, an assignee,
    /// a verdict by another editor, a changed and an orphaned anchor.
    func populatedDesk() throws -> (DeskFixture, ArticleSlug) {
        let desk = try DeskFixture()
        let slug = try desk.addBudgetArticle()
        let first = try desk.store.annotate(AnnotationRequest(
            article: slug, selector: .quote("€4.2 million", occurrence: nil), claim: "Budget is €4.2m",
            sources: ["https://council.example/budget"], note: "Check the annex", assignee: "Ben Okafor <ben@example.org>"), editor: desk.ana)
        try desk.store.addSource(to: first.id.value, url: "https://stats.example/b?x=1&y=2", title: "Stats <table>",
                                 note: "Row 12 — “total”", editor: desk.ben)
        desk.clock.now += 3_600
        try desk.store.verify(first.id.value, note: "Matches the annex", editor: desk.ben)
        try desk.store.annotate(AnnotationRequest(article: slug, selector: .paragraph(2), claim: "Quote is accurate"), editor: desk.ana)
        let changing = try desk.store.annotate(AnnotationRequest(article: slug, selector: .quote("more than a dozen projects", occurrence: nil),
                                                                 claim: "Dozen"), editor: desk.ana)
        let orphan = try desk.store.annotate(AnnotationRequest(article: slug, selector: .quote("🇫🇷 Le maire a répondu", occurrence: nil),
                                                               claim: "Reply"), editor: desk.ana)
        try desk.store.setStatus(orphan.id.value, to: .misleading, note: "Out of context", editor: desk.ben)
        let revised = DeskFixture.articleText
            .replacingOccurrences(of: "more than a dozen projects", with: "more than twenty projects")
            .replacingOccurrences(of: " 🇫🇷 Le maire a répondu: « Non. »", with: "")
        try desk.store.updateArticle(slug, text: try ArticleText(normalizing: revised, source: "t"), editor: desk.ana)
        #expect(try desk.store.claim(changing.id.value).anchorIssue?.kind == .changed)
        #expect(try desk.store.claim(orphan.id.value).anchorIssue?.kind == .orphaned)
        return (desk, slug)
    }

    @Test func exportFollowsTheModelsMustRules() throws {
        let (desk, _) = try populatedDesk()
        let json = try desk.store.exportW3C()
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let problems = WebAnnotationValidator.problems(inCollection: document)
        #expect(problems.isEmpty, "\(problems)")
        let items = try #require((document["first"] as? [String: Any])?["items"] as? [[String: Any]])
        #expect(items.count == 4)
        #expect(document["total"] as? Int == 4)
    }

    @Test func aRoundTripIntoAnotherDeskLosesNothing() throws {
        let (desk, slug) = try populatedDesk()
        let exported = try desk.store.exportW3C()
        let original = try desk.store.claims()

        let other = try DeskFixture()
        let text = try desk.store.document(slug).text
        try other.store.addArticle(slug: slug, title: "Council passes record budget", url: "https://news.example/budget",
                                   text: text, editor: other.ana)
        let before = try other.commitCount()
        let summary = try other.store.importW3C(Data(exported.utf8), source: "export.json", editor: other.ben)
        #expect(summary.added.count == 4)
        #expect(try other.commitCount() == before + 1)
        #expect(try other.git("log", "-1", "--format=%an|%s") == "Ben Okafor|import 4 annotation(s) from export.json: 4 new, 0 updated, 0 unchanged\n")
        let imported = try other.store.claims()
        #expect(imported.map(\.id) == original.map(\.id))
        for (a, b) in zip(original, imported) {
            #expect(a.claim == b.claim && a.status == b.status && a.sources == b.sources && a.notes == b.notes)
            #expect(a.assignee == b.assignee && a.createdBy == b.createdBy && a.createdAt == b.createdAt)
            #expect(a.statusChangedBy == b.statusChangedBy && a.statusChangedAt == b.statusChangedAt)
            #expect(a.updatedBy == b.updatedBy && a.updatedAt == b.updatedAt)
            #expect(a.anchorIssue == b.anchorIssue)
            if a.anchorIssue?.kind != .orphaned {
                #expect(a.anchor.exact == b.anchor.exact && a.anchor.start == b.anchor.start && a.anchor.end == b.anchor.end)
            } else {
                #expect(a.anchor == b.anchor)
            }
        }
    }

    @Test func importingTheSameExportAgainChangesNothing() throws {
        let (desk, _) = try populatedDesk()
        let exported = try desk.store.exportW3C()
        let before = try StoreFingerprint(repository: desk.repository)
        let summary = try desk.store.importW3C(Data(exported.utf8), source: "export.json", editor: desk.ana)
        #expect(summary.unchanged.count == 4)
        #expect(try StoreFingerprint(repository: desk.repository) == before)
    }

    @Test func anOlderExportNeverRevertsNewerWork() throws {
        let desk = try DeskFixture()
        let slug = try desk.addBudgetArticle()
        let claim = try desk.store.annotate(AnnotationRequest(article: slug, selector: .paragraph(1), claim: "Budget"), editor: desk.ana)
        let old = try desk.store.exportW3C()
        desk.clock.now += 60
        try desk.store.verify(claim.id.value, sources: ["https://council.example/b"], note: "checked", editor: desk.ben)
        let summary = try desk.store.importW3C(Data(old.utf8), source: "old.json", editor: desk.ana)
        #expect(summary.older == [claim.id.value])
        #expect(try desk.store.claim(claim.id.value).status == .verified)
    }

    @Test func aForeignAnnotationIsAnchoredByItsQuote() throws {
        let desk = try DeskFixture()
        let slug = try desk.addBudgetArticle()
        let foreign = """
        {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "https://hypothes.is/a/123", "type": "Annotation",
         "body": {"type": "TextualBody", "value": "Is this the largest?", "purpose": "describing"},
         "target": {"source": "https://news.example/budget",
                    "selector": {"type": "TextQuoteSelector", "exact": "the largest in a decade"}}}
        """
        let summary = try desk.store.importW3C(Data(foreign.utf8), source: "h.json", editor: desk.ana)
        let claim = try desk.store.claim(try #require(summary.added.first))
        #expect(claim.article == slug)
        #expect(claim.anchor.exact == "the largest in a decade")
        #expect(claim.status == .unverified)
        #expect(claim.createdBy == desk.ana)
    }

    @Test func badDocumentsAreRefusedWithoutAnyCommit() throws {
        let desk = try DeskFixture()
        try desk.addBudgetArticle()
        let before = try StoreFingerprint(repository: desk.repository)
        let bad = [
            "not json",
            "{\"type\": \"Something\"}",
            "{\"type\": \"Annotation\", \"id\": \"x\", \"body\": [], \"target\": {\"source\": \"https://elsewhere.example\", \"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": \"x\"}}}",
            "{\"type\": \"Annotation\", \"id\": \"x\", \"body\": {\"type\": \"TextualBody\", \"value\": \"c\"}, \"target\": {\"source\": \"https://news.example/budget\", \"selector\": []}}",
            "{\"type\": \"Annotation\", \"id\": \"x\", \"body\": [{\"type\": \"TextualBody\", \"value\": \"c\", \"purpose\": \"describing\"}, {\"type\": \"TextualBody\", \"value\": \"verified\", \"purpose\": \"assessing\"}], \"target\": {\"source\": \"https://news.example/budget\", \"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": \"Tuesday\"}}}",
            "{\"type\": \"Annotation\", \"id\": \"urn:factdesk:claim:../../x\", \"body\": {\"type\": \"TextualBody\", \"value\": \"c\"}, \"target\": {\"source\": \"https://news.example/budget\", \"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": \"Tuesday\"}}}",
        ]
        for document in bad {
            #expect(throws: FactDeskError.self, "\(document)") {
                try desk.store.importW3C(Data(document.utf8), source: "bad.json", editor: desk.ana)
            }
        }
        #expect(try StoreFingerprint(repository: desk.repository) == before)
    }
}

/// The MUST rules of the W3C Web Annotation Data Model that apply to what FactDesk writes.
enum WebAnnotationValidator {
    static func problems(inCollection document: [String: Any]) -> [String] {
        var problems: [String] = []
        if document["@context"] as? String != "http://www.w3.org/ns/anno.jsonld" { problems.append("collection @context") }
        if !isIRI(document["id"]) { problems.append("collection id is not an IRI") }
        if document["type"] as? String != "AnnotationCollection" { problems.append("collection type") }
        guard let page = document["first"] as? [String: Any] else { return problems + ["no first page"] }
        if !isIRI(page["id"]) { problems.append("page id is not an IRI") }
        if page["type"] as? String != "AnnotationPage" { problems.append("page type") }
        guard let items = page["items"] as? [[String: Any]] else { return problems + ["page without items"] }
        if let total = document["total"] as? Int, total != items.count { problems.append("total \(total) ≠ \(items.count) items") }
        for item in items { problems += annotationProblems(item) }
        return problems
    }

    static func annotationProblems(_ annotation: [String: Any]) -> [String] {
        let name = annotation["id"] as? String ?? "?"
        var problems: [String] = []
        if !isIRI(annotation["id"]) { problems.append("\(name): id is not an IRI") }
        if annotation["type"] as? String != "Annotation" { problems.append("\(name): type is not Annotation") }
        let motivations = ["assessing", "bookmarking", "classifying", "commenting", "describing", "editing", "highlighting",
                           "identifying", "linking", "moderating", "questioning", "replying", "tagging"]
        if let motivation = annotation["motivation"] as? String, !motivations.contains(motivation) { problems.append("\(name): motivation") }
        for key in ["created", "modified"] {
            if let value = annotation[key] as? String, ISO8601DateFormatter().date(from: value) == nil { problems.append("\(name): \(key) not xsd:dateTime") }
        }
        for body in annotation["body"] as? [[String: Any]] ?? [] {
            if let purpose = body["purpose"] as? String, !motivations.contains(purpose) { problems.append("\(name): body purpose \(purpose)") }
            switch body["type"] as? String {
            case "TextualBody":
                if !(body["value"] is String) { problems.append("\(name): TextualBody without value") }
            case "SpecificResource":
                if !isIRI(body["source"]) { problems.append("\(name): SpecificResource without source IRI") }
            default:
                if !isIRI(body["id"]) { problems.append("\(name): external body without IRI") }
            }
            if let creator = body["creator"] as? [String: Any] { problems += agentProblems(creator, name) }
        }
        guard let target = annotation["target"] as? [String: Any] else { return problems + ["\(name): no target"] }
        if !isIRI(target["source"]) { problems.append("\(name): target source is not an IRI") }
        for selector in target["selector"] as? [[String: Any]] ?? [] {
            switch selector["type"] as? String {
            case "TextQuoteSelector":
                if !(selector["exact"] is String) { problems.append("\(name): TextQuoteSelector without exact") }
            case "TextPositionSelector":
                guard let start = selector["start"] as? Int, let end = selector["end"] as? Int, start >= 0, end >= start else {
                    problems.append("\(name): TextPositionSelector start/end"); continue
                }
            default:
                problems.append("\(name): unknown selector")
            }
        }
        if let creator = annotation["creator"] as? [String: Any] { problems += agentProblems(creator, name) }
        return problems
    }

    static func agentProblems(_ agent: [String: Any], _ name: String) -> [String] {
        var problems: [String] = []
        if let type = agent["type"] as? String, !["Person", "Organization", "Software"].contains(type) { problems.append("\(name): agent type") }
        if let email = agent["email"] as? String, !email.hasPrefix("mailto:") { problems.append("\(name): email is not a mailto: IRI") }
        return problems
    }

    static func isIRI(_ value: Any?) -> Bool {
        guard let text = value as? String, let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return false }
        return text[..<colon].allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) } && !text.contains(" ")
    }
}
