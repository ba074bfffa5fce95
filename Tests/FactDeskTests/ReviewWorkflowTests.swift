import Foundation
import Testing
@testable import FactDesk

/// The rules behind assignments, deadlines and the second editor's check, through the store.
@Suite(.serialized) struct ReviewWorkflowTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21T...Z

    @Test func datesAreDaysOrInstantsAndNothingElse() throws {
        let day = try DeskDate(parsing: "2026-12-01", field: "--due", now: now)
        #expect(day.text == "2026-12-01" && day.isDay)
        #expect(!day.isPast(at: try #require(ISODate.date("2026-12-01T23:59:59Z"))))
        #expect(day.isPast(at: try #require(ISODate.date("2026-12-02T00:00:00Z"))))
        let instant = try DeskDate(parsing: "2026-12-01T18:30:00+02:00", field: "--due", now: now)
        #expect(instant.text == "2026-12-01T16:30:00Z" && !instant.isDay)
        #expect(!instant.isPast(at: try #require(ISODate.date("2026-12-01T16:30:00Z"))))
        #expect(instant.isPast(at: try #require(ISODate.date("2026-12-01T16:30:01Z"))))
        #expect(try DeskDate(parsing: "tomorrow", field: "--due", now: now).text == "2026-09-22")
        #expect(try DeskDate(parsing: "2028-02-29", field: "--due", now: now).text == "2028-02-29")
        for bad in ["2026-02-30", "2027-02-29", "30/11/2026", "2026-13-01", "", "soon", "2026-1-1", "2026-12-01T18:00",
                    "0005-01-01T00:00:00Z", "-0001-12-30T00:00:00Z", "9999-12-31T23:59:60Z"] {
            #expect(throws: FactDeskError.self, "\(bad)") { try DeskDate(parsing: bad, field: "--due", now: now) }
        }
    }

    @Test func anAssigneeIsMatchedByEmailOrByName() throws {
        let desk = try DeskFixture()
        let slug = try desk.addBudgetArticle()
        let claim = try desk.store.annotate(AnnotationRequest(article: slug, selector: .paragraph(1), claim: "Budget",
                                                              assignee: "Ben Okafor <BEN@example.org>"), editor: desk.ana)
        #expect(claim.isAssigned(to: "ben@example.org") && claim.isAssigned(to: "ben okafor"))
        #expect(claim.isAssigned(to: "Benjamin <ben@example.org>"), "the same email is the same person")
        #expect(!claim.isAssigned(to: "Ben") && !claim.isAssigned(to: "Ben Okafor <other@example.org>"))
        // A name the desk knows resolves to that editor, written in full.
        let other = try desk.store.annotate(AnnotationRequest(article: slug, selector: .paragraph(2), claim: "Quote",
                                                              assignee: "ben okafor"), editor: desk.ana)
        #expect(other.assignee == "Ben Okafor <BEN@example.org>")
        #expect(throws: FactDeskError.self) {
            try desk.store.assign(other.id.value, to: "Ben", editor: desk.ana)
        }
    }

    @Test func theSecondEditorPolicyGovernsEveryVerdict() throws {
        let desk = try DeskFixture()
        let slug = try desk.addBudgetArticle()
        try desk.store.setPolicy(.secondReview, to: "on", editor: desk.ana)
        let claim = try desk.store.annotate(AnnotationRequest(article: slug, selector: .paragraph(1), claim: "Budget"), editor: desk.ana)
        // The source rule holds for a proposal too.
        #expect(throws: FactDeskError.self) { try desk.store.verify(claim.id.value, editor: desk.ana) }
        for verdict in [ClaimStatus.false, .misleading, .unverifiable] {
            let proposed = try desk.store.setStatus(claim.id.value, to: verdict, editor: desk.ana)
            #expect(proposed.status == .inReview && proposed.review?.verdict == verdict && proposed.awaitingReview)
        }
        // Proposing the same verdict again is refused; an open status withdraws the proposal.
        #expect(throws: FactDeskError.self) { try desk.store.setStatus(claim.id.value, to: .unverifiable, editor: desk.ana) }
        let withdrawn = try desk.store.setStatus(claim.id.value, to: .unverified, editor: desk.ben)
        #expect(withdrawn.review == nil && withdrawn.status == .unverified)
        // Ben proposes, Ana approves: the approver is who settled it; the proposer stays on record.
        try desk.store.setStatus(claim.id.value, to: .misleading, note: "Cherry-picked years", editor: desk.ben)
        let settled = try desk.store.review(claim.id.value, .approve, editor: desk.ana)
        #expect(settled.status == .misleading && settled.statusChangedBy == desk.ana)
        #expect(settled.review?.proposedBy == desk.ben && settled.review?.approvedBy == desk.ana)
        #expect(settled.verdictNote == "Cherry-picked years")
        #expect(throws: FactDeskError.self) { try desk.store.review(claim.id.value, .approve, editor: desk.ben) }
        // Turning the policy off: verdicts are set directly again.
        try desk.store.setPolicy(.secondReview, to: "off", editor: desk.ana)
        let direct = try desk.store.setStatus(claim.id.value, to: .false, editor: desk.ana)
        #expect(direct.status == .false && direct.review == nil)
    }

    @Test func everyNewFieldSurvivesTheSummaryCache() throws {
        let desk = try DeskFixture()
        let slug = try desk.addBudgetArticle()
        try desk.store.setPolicy(.secondReview, to: "on", editor: desk.ana)
        let claim = try desk.store.annotate(AnnotationRequest(
            article: slug, selector: .paragraph(1), claim: "Budget", sources: ["https://council.example/b"],
            assignee: "Ben Okafor <ben@example.org>", due: try DeskDate(parsing: "2026-12-01T18:00:00Z", field: "due", now: now),
            attribution: Attribution(claimant: "Council of Zürich", claimantKind: .organization,
                                     date: try DeskDate(parsing: "2026-11-02", field: "d", now: now),
                                     appearances: ["https://a.example/1", "https://b.example/2"])), editor: desk.ana)
        try desk.store.verify(claim.id.value, editor: desk.ana)
        try desk.store.review(claim.id.value, .approve, editor: desk.ben)
        let fromGit = try desk.store.claim(claim.id.value)
        let listed = try #require(try desk.store.claims(in: slug).first)   // through the summary cache
        let again = try #require(try desk.store.claims(in: slug).first)    // read back from it
        #expect(listed == fromGit && again == fromGit)
        #expect(fromGit.attribution?.claimantKind == .organization && fromGit.review?.approvedBy == desk.ben)
    }
}
