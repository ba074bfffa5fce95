import Foundation
import Testing
@testable import FactDesk

/// The claim-by-claim merge rules, one at a time, on claims built in memory.
struct ClaimMergeTests {
    let ana = Editor(unchecked: "Ana Ruiz", email: "ana@example.org")
    let ben = Editor(unchecked: "Ben Okafor", email: "ben@example.org")
    let start = Date(timeIntervalSince1970: 1_790_000_000)

    private func base() -> Claim {
        Claim(id: ClaimID(unchecked: "c-merge001"), article: ArticleSlug(unchecked: "budget"), claim: "The budget is $412 million",
              status: .unverified, anchor: Anchor(revision: 1, start: 4, end: 16, exact: "$412 million", prefix: "The ", suffix: " was"),
              paragraph: 1, sources: [], notes: [], createdBy: ana, createdAt: start, updatedBy: ana, updatedAt: start,
              statusChangedBy: ana, statusChangedAt: start)
    }

    /// `claim` changed by `editor` `times` times, `change` applied at the first.
    private func edited(_ claim: Claim, by editor: Editor, times: Int = 1, _ change: (inout Claim) -> Void) -> Claim {
        var claim = claim
        change(&claim)
        for tick in 0..<times { claim.touch(by: editor, at: start.addingTimeInterval(Double(60 * (tick + 1)))) }
        return claim
    }

    private func source(_ url: String, by editor: Editor, title: String? = nil) -> Source {
        Source(unchecked: url, title: title, note: nil, addedBy: editor, addedAt: start)
    }

    @Test func aFieldChangedOnOneSideTakesThatSide() throws {
        let ours = edited(base(), by: ana) { $0.assignee = "Cleo Park <cleo@example.org>" }
        let theirs = edited(base(), by: ben) { $0.claim = "The budget is $413 million" }
        let merged = try #require(try ClaimMerge(base: base(), ours: ours, theirs: theirs).claim)
        #expect(merged.assignee == "Cleo Park <cleo@example.org>")
        #expect(merged.claim == "The budget is $413 million")
        #expect(merged.conflicts == nil)
        #expect(merged.clock == 2)
    }

    @Test func theHigherClockWinsAndTheLoserIsKeptThenTheEmailBreaksATie() throws {
        let ours = edited(base(), by: ana, times: 3) { $0.status = .verified }
        let theirs = edited(base(), by: ben, times: 2) { $0.status = .false }
        let merge = try ClaimMerge(base: base(), ours: ours, theirs: theirs)
        #expect(merge.claim?.status == .verified)
        #expect(merge.claim?.conflicts?.map(\.field) == [.status])
        #expect(merge.claim?.conflicts?.first?.value == "false")
        #expect(merge.claim?.conflicts?.first?.clock == 2)
        let tied = try ClaimMerge(base: base(), ours: edited(base(), by: ana) { $0.claim = "A" },
                                  theirs: edited(base(), by: ben) { $0.claim = "B" })
        #expect(tied.claim?.claim == "B")  // ben@ sorts after ana@
        #expect(tied.claim?.conflicts?.first?.value == "A")
    }

    @Test func eitherMergeOrderGivesTheSameClaimSoBothDesksAgree() throws {
        let ours = edited(base(), by: ana, times: 2) { $0.status = .verified; $0.notes = [Note(text: "seen", by: ana, at: start)] }
        let theirs = edited(base(), by: ben, times: 2) { $0.status = .misleading; $0.assignee = "Dev <dev@example.org>" }
        let one = try ClaimMerge(base: base(), ours: ours, theirs: theirs).claim
        let other = try ClaimMerge(base: base(), ours: theirs, theirs: ours).claim
        #expect(one == other)
    }

    @Test func sourcesMergeAsASetKeyedByURL() {
        let kept = source("https://example.org/kept", by: ana), dropped = source("https://example.org/dropped", by: ana)
        let edited = source("https://example.org/dropped", by: ana, title: "Edited on the other side")
        // Ours removed `dropped`; theirs left it alone: removed. Theirs added one: kept.
        var merged = ClaimMerge.mergeSources(base: [kept, dropped], ours: [kept],
                                             theirs: [kept, dropped, source("https://example.org/new", by: ben)], oursWins: true)
        #expect(merged.map(\.url) == ["https://example.org/kept", "https://example.org/new"])
        // Ours removed it; theirs edited it: the edit stands.
        merged = ClaimMerge.mergeSources(base: [kept, dropped], ours: [kept], theirs: [kept, edited], oursWins: true)
        #expect(merged == [kept, edited])
    }

    @Test func notesFromBothSidesAreKeptInTimeOrder() {
        let early = Note(text: "first", by: ben, at: start), late = Note(text: "second", by: ana, at: start.addingTimeInterval(5))
        #expect(ClaimMerge.mergeNotes([late], [early, late]) == [early, late])
    }

    @Test func aConflictSettledOnOneSideStaysSettled() {
        let conflict = MergeConflict(field: .status, value: "false", by: ben, at: start, clock: 2)
        let fresh = MergeConflict(field: .claim, value: "B", by: ben, at: start, clock: 3)
        #expect(ClaimMerge.mergeConflicts(base: [conflict], ours: [], theirs: [conflict], added: [fresh]) == [fresh])
        #expect(ClaimMerge.mergeConflicts(base: [], ours: [], theirs: [], added: []) == nil)
    }

    @Test func deletedOnOneSideAndEditedOnTheOtherIsKeptEdited() throws {
        let theirs = edited(base(), by: ben) { $0.status = .inReview }
        let merge = try ClaimMerge(base: base(), ours: nil, theirs: theirs)
        #expect(merge.claim == theirs)
        #expect(merge.anchorSide == .theirs)
    }

    @Test func theAnchorMovesAsOneUnit() throws {
        let ours = edited(base(), by: ana, times: 2) { $0.anchor = Anchor(revision: 2, start: 10, end: 22, exact: "$412 million", prefix: "", suffix: "") }
        let theirs = edited(base(), by: ben) { $0.anchor.end = 15; $0.anchor.exact = "$412 millio" }
        let merge = try ClaimMerge(base: base(), ours: ours, theirs: theirs)
        #expect(merge.claim?.anchor == ours.anchor)
        #expect(merge.anchorSide == .ours)
    }
}
