import Foundation
import Testing
@testable import FactDesk
import TestSupport

/// `article update` through the store: one commit, every claim re-anchored, flags that stay
/// until an editor re-attaches the claim.
@Suite(.serialized) struct ArticleRevisionTests {
    @Test func anUpdateIsOneCommitThatReanchorsAndFlagsClaims() throws {
        let desk = try DeskFixture()
        let slug = try desk.addBudgetArticle()
        func annotate(_ quote: String, _ claim: String) throws -> Claim {
            try desk.store.annotate(AnnotationRequest(article: slug, selector: .quote(quote, occurrence: nil), claim: claim),
                                    editor: desk.ana)
        }
        let budget = try annotate("€4.2 million", "Budget figure")
        let projects = try annotate("more than a dozen projects were delayed", "Delays")
        let critics = try annotate("Critics said the figure was “misleading”.", "Critics")
        let verified = try desk.store.verify(budget.id.value, sources: ["https://council.example/budget"], editor: desk.ben)
        #expect(verified.status == .verified)
        let commitsBefore = try desk.commitCount()

        let revised = DeskFixture.articleText
            .replacingOccurrences(of: "The council approved", with: "UPDATED 14:00.\n\nThe city council approved")
            .replacingOccurrences(of: "more than a dozen projects were delayed", with: "more than twenty projects were delayed")
            .replacingOccurrences(of: "Critics said the figure was “misleading”. ", with: "")
        let update = try desk.store.updateArticle(slug, text: try ArticleText(normalizing: revised, source: "t"), editor: desk.ben)
        #expect(update.revision == 2)
        #expect((update.exact, update.moved, update.changed, update.orphaned) == (0, 1, 1, 1))
        #expect(try desk.commitCount() == commitsBefore + 1)
        #expect(try desk.git("status", "--porcelain") == "")
        _ = try desk.git("fsck", "--strict", "--no-dangling")
        #expect(try desk.git("show", "--stat", "--format=", "HEAD").contains("5 files changed"))

        let movedBudget = try desk.store.claim(budget.id.value)
        #expect(movedBudget.anchor.exact == "€4.2 million")
        #expect(movedBudget.anchor.revision == 2)
        #expect(movedBudget.paragraph == 2)
        #expect(movedBudget.anchorIssue == nil)
        #expect(movedBudget.status == .verified)

        let changed = try desk.store.claim(projects.id.value)
        #expect(changed.anchor.exact == "more than twenty projects were delayed")
        #expect(changed.anchorIssue == AnchorIssue(kind: .changed, revision: 2, previousQuote: "more than a dozen projects were delayed"))

        let orphan = try desk.store.claim(critics.id.value)
        #expect(orphan.anchorIssue?.kind == .orphaned)
        #expect(orphan.anchor == critics.anchor)

        let report = try desk.store.report()
        #expect(report.totals.flagged == 2)
        #expect(Set(report.articles[0].flagged.map(\.id)) == [projects.id.value, critics.id.value])
        let markdown = try ReportFormat.markdown.render(report)
        #expect(markdown.range(of: "Lost their place")!.lowerBound < markdown.range(of: "Still unverified")!.lowerBound)

        let history = try desk.store.history(ofClaim: projects.id.value)
        #expect(history.first?.message.hasPrefix("article update council-budget: revision 2") == true)
        #expect(history.first?.detail?.contains("changed") == true)
        #expect(history.first?.detail?.contains("more than a dozen projects were delayed") == true)

        let reattached = try desk.store.reanchor(critics.id.value, to: .paragraph(4), editor: desk.ana)
        #expect(reattached.anchorIssue == nil)
        #expect(reattached.anchor.revision == 2)
        #expect(try desk.store.report().totals.flagged == 1)
        #expect(try desk.git("log", "-1", "--format=%s") == "reanchor \(critics.id): ¶4 \(reattached.anchor.start)-\(reattached.anchor.end) (was orphaned)\n")
    }

    @Test func anOrphanComesBackWhenItsTextReturns() throws {
        let desk = try DeskFixture()
        let slug = try desk.addBudgetArticle()
        let claim = try desk.store.annotate(AnnotationRequest(article: slug, selector: .quote("the largest in a decade", occurrence: nil),
                                                              claim: "Largest"), editor: desk.ana)
        let without = DeskFixture.articleText.replacingOccurrences(of: " — the largest in a decade", with: "")
        try desk.store.updateArticle(slug, text: try ArticleText(normalizing: without, source: "t"), editor: desk.ana)
        #expect(try desk.store.claim(claim.id.value).anchorIssue?.kind == .orphaned)
        try desk.store.updateArticle(slug, text: try ArticleText(normalizing: DeskFixture.articleText, source: "t"), editor: desk.ana)
        let back = try desk.store.claim(claim.id.value)
        #expect(back.anchorIssue == nil)
        #expect(back.anchor.exact == "the largest in a decade")
        #expect(back.anchor.revision == 3)
    }

    @Test func theSameTextIsRefusedAndChangesNothing() throws {
        let desk = try DeskFixture()
        let slug = try desk.addBudgetArticle()
        let before = try StoreFingerprint(repository: desk.repository)
        #expect(throws: FactDeskError.self) {
            try desk.store.updateArticle(slug, text: try ArticleText(normalizing: DeskFixture.articleText, source: "t"), editor: desk.ana)
        }
        #expect(try StoreFingerprint(repository: desk.repository) == before)
    }

    @Test func annotateToleratesWhatEditorsTypeButStoresTheArticlesOwnText() throws {
        let desk = try DeskFixture()
        let slug = try desk.addBudgetArticle()
        let claim = try desk.store.annotate(AnnotationRequest(
            article: slug, selector: .quote("\"We have cut waste,\" said Mayor Zoe\u{308}   Laurent", occurrence: nil), claim: "Quote"),
            editor: desk.ana)
        #expect(claim.anchor.exact == "“We have cut waste,” said Mayor Zoë Laurent")
        let dashed = try desk.store.annotate(AnnotationRequest(
            article: slug, selector: .quote("Tuesday - the largest", occurrence: nil), claim: "Dash"), editor: desk.ana)
        #expect(dashed.anchor.exact == "Tuesday — the largest")
    }
}
