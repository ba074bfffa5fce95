import Foundation
import Testing
@testable import FactDesk
import TestSupport

/// The four jobs through the library, with the git CLI checking what libgit2 wrote.
@Suite(.serialized) struct DeskStoreTests {
    @Test func annotateAParagraphVerifyItAndTheReportNoLongerListsIt() throws {
        let desk = try DeskFixture()
        let slug = try desk.addBudgetArticle()
        let claim = try desk.store.annotate(AnnotationRequest(
            article: slug, selector: .paragraph(2), claim: "More than a dozen projects were delayed",
            assignee: "Ben Okafor <ben@example.org>"), editor: desk.ana)
        #expect(claim.status == .unverified)
        #expect(claim.paragraph == 2)
        #expect(claim.anchor.exact.hasPrefix("“We have cut waste,”"))

        let before = try desk.store.report()
        #expect(before.articles.first?.unverified.map(\.id) == [claim.id.value])

        #expect(throws: FactDeskError.self) { try desk.store.verify(claim.id.value, editor: desk.ben) }
        let verified = try desk.store.verify(String(claim.id.value.prefix(5)), sources: ["https://council.example/minutes.pdf"],
                                             note: "Minutes list 14 delayed projects", editor: desk.ben)
        #expect(verified.status == .verified)
        #expect(verified.statusChangedBy == desk.ben)
        #expect(verified.createdBy == desk.ana)

        let after = try desk.store.report()
        #expect(after.totals.open == 0)
        #expect(after.articles.first?.settled.map(\.id) == [claim.id.value])
        #expect(try desk.git("log", "-1", "--format=%an <%ae>|%s") == "Ben Okafor <ben@example.org>|verify \(claim.id): verified (1 source)\n")
    }

    @Test func everyOperationIsExactlyOneCleanCommit() throws {
        let desk = try DeskFixture()
        #expect(try desk.commitCount() == 1)
        let slug = try desk.addBudgetArticle()
        let claim = try desk.store.annotate(AnnotationRequest(article: slug, selector: .quote("€4.2 million", occurrence: nil),
                                                              claim: "Budget is €4.2m"), editor: desk.ana)
        try desk.store.addSource(to: claim.id.value, url: "https://council.example/budget", title: "Budget", editor: desk.ben)
        try desk.store.setStatus(claim.id.value, to: .inReview, editor: desk.ben)
        try desk.store.verify(claim.id.value, editor: desk.ben)
        #expect(try desk.commitCount() == 6)
        #expect(try desk.git("status", "--porcelain") == "")
        _ = try desk.git("fsck", "--strict", "--no-dangling")
        let subjects = try desk.git("log", "--format=%s").split(separator: "\n")
        #expect(subjects == [
            "verify \(claim.id): verified (1 source)",
            "status \(claim.id): unverified → in-review",
            "source \(claim.id): add https://council.example/budget",
            "annotate \(claim.id) on council-budget ¶1: \"Budget is €4.2m\"",
            "article add council-budget: Council passes record budget",
            "init desk",
        ])
        let path = desk.store.layout.claimFile(slug, claim.id)
        let committed = try desk.git("show", "HEAD:\(path)")
        let onDisk = try String(contentsOfFile: desk.directory.path(path), encoding: .utf8)
        #expect(committed == onDisk)
        #expect(onDisk.hasSuffix("}\n"))
        #expect(path.hasPrefix("annotations/articles/\(slug.shard)/council-budget/claims/"))
    }

    @Test func anOperationOnlyRewritesTheTreesOnItsPaths() throws {
        let desk = try DeskFixture()
        let slug = try desk.addBudgetArticle()
        try desk.store.addArticle(slug: ArticleSlug("other-story"), title: "Other", url: nil,
                                  text: ArticleText(normalizing: "Just text.", source: "t"), editor: desk.ana)
        let otherTree = try desk.git("rev-parse", "HEAD:annotations/articles/\(try ArticleSlug("other-story").shard)/other-story")
        try desk.store.annotate(AnnotationRequest(article: slug, selector: .paragraph(3), claim: "Critics said"), editor: desk.ana)
        #expect(try desk.git("rev-parse", "HEAD:annotations/articles/\(try ArticleSlug("other-story").shard)/other-story") == otherTree)
        #expect(try desk.git("diff", "--name-only", "HEAD~1", "HEAD").split(separator: "\n").count == 1)
    }

    @Test func historyOfAClaimIsNewestFirstWithItsStatuses() throws {
        let desk = try DeskFixture()
        let slug = try desk.addBudgetArticle()
        let claim = try desk.store.annotate(AnnotationRequest(article: slug, selector: .paragraph(1), claim: "Largest in a decade"),
                                            editor: desk.ana)
        try desk.store.annotate(AnnotationRequest(article: slug, selector: .paragraph(3), claim: "Unrelated"), editor: desk.ana)
        try desk.store.setStatus(claim.id.value, to: .false, note: "2015 budget was larger", editor: desk.ben)
        let history = try desk.store.history(ofClaim: claim.id.value)
        #expect(history.map(\.status) == [.false, .unverified])
        #expect(history.map(\.editor) == [desk.ben.description, desk.ana.description])
        #expect(history.first?.commit == (try desk.git("rev-parse", "HEAD").trimmingCharacters(in: .newlines)))
        let articleHistory = try desk.store.history(ofArticle: slug)
        #expect(articleHistory.count == 4)
        #expect(articleHistory.last?.message == "article add council-budget: Council passes record budget")
    }

    @Test func reportPutsOpenClaimsFirstWithAgeAndOwner() throws {
        let desk = try DeskFixture()
        let slug = try desk.addBudgetArticle()
        let old = try desk.store.annotate(AnnotationRequest(article: slug, selector: .paragraph(1), claim: "Old claim"), editor: desk.ana)
        desk.clock.now += 3 * 86_400
        let fresh = try desk.store.annotate(AnnotationRequest(article: slug, selector: .paragraph(2), claim: "Fresh claim",
                                                              assignee: "Ben Okafor <ben@example.org>"), editor: desk.ana)
        let settled = try desk.store.annotate(AnnotationRequest(article: slug, selector: .paragraph(3), claim: "Settled"), editor: desk.ana)
        try desk.store.setStatus(settled.id.value, to: .misleading, editor: desk.ben)
        let report = try desk.store.report()
        let article = try #require(report.articles.first)
        #expect(article.unverified.map(\.id) == [old.id.value, fresh.id.value])
        #expect(article.unverified.map(\.ageDays) == [3, 0])
        #expect(article.unverified.map(\.owner) == ["Ana Ruiz", "Ben Okafor"])
        #expect(report.totals.byStatus["misleading"] == 1)
        #expect(report.totals.byStatus["verified"] == 0)

        let markdown = try ReportFormat.markdown.render(report)
        let unverifiedAt = try #require(markdown.range(of: "Still unverified"))
        let settledAt = try #require(markdown.range(of: "## Settled"))
        #expect(unverifiedAt.lowerBound < settledAt.lowerBound)
        #expect(markdown.contains("open 3 days"))
    }

    @Test func aCorruptClaimFileIsNamedAndNothingIsWritten() throws {
        let desk = try DeskFixture()
        let slug = try desk.addBudgetArticle()
        let claim = try desk.store.annotate(AnnotationRequest(article: slug, selector: .paragraph(1), claim: "x"), editor: desk.ana)
        let path = desk.store.layout.claimFile(slug, claim.id)
        try "{ \"id\": ".write(toFile: desk.directory.path(path), atomically: true, encoding: .utf8)
        _ = try desk.git("commit", "-qam", "hand edit", "--author", "Hand <hand@example.org>")
        let before = try StoreFingerprint(repository: desk.repository)
        #expect(throws: FactDeskError.corruptFile(path: path, detail: "not valid JSON")) {
            try desk.store.verify(claim.id.value, sources: ["https://example.org"], editor: desk.ana)
        }
        #expect(try StoreFingerprint(repository: desk.repository) == before)
    }

    @Test func theDeskCanBeTheRepositoryRootOrAnyFolderInIt() throws {
        let directory = try TemporaryDirectory("factdesk-root")
        let editor = try Editor(parsing: "Ana Ruiz <ana@example.org>")
        let store = try DeskStore.create(at: directory.path("fresh"), editor: editor)
        #expect(store.layout.deskPath == "")
        #expect(try ProcessRunner.git(["ls-files"], in: directory.url.appendingPathComponent("fresh")) == ".gitattributes\ndesk.json\n")
        #expect(throws: FactDeskError.self) { try DeskStore.create(at: directory.path("fresh"), editor: editor) }
        #expect(throws: FactDeskError.self) { try DeskStore.open(at: directory.path("missing")) }
        try FileManager.default.createDirectory(atPath: directory.path("fresh/elsewhere"), withIntermediateDirectories: true)
        #expect(throws: FactDeskError.self) { try DeskStore.open(at: directory.path("fresh/elsewhere")) }
    }

    @Test func anUncommittedHandEditIsNeverOverwritten() throws {
        let desk = try DeskFixture()
        let slug = try desk.addBudgetArticle()
        let claim = try desk.store.annotate(AnnotationRequest(article: slug, selector: .paragraph(1), claim: "x"), editor: desk.ana)
        let path = desk.directory.path(desk.store.layout.claimFile(slug, claim.id))
        let edited = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"x\"", with: "\"x, by hand\"")
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        let before = try StoreFingerprint(repository: desk.repository)
        #expect(throws: FactDeskError.self) { try desk.store.setStatus(claim.id.value, to: .inReview, editor: desk.ben) }
        #expect(try StoreFingerprint(repository: desk.repository) == before)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == edited)
    }

    @Test func aDetachedHeadIsRefusedBeforeAnythingIsWritten() throws {
        let desk = try DeskFixture()
        _ = try desk.git("checkout", "-q", "--detach")
        #expect(throws: FactDeskError.self) { try DeskStore.open(at: desk.directory.path("annotations")) }
    }
}
