import ArgumentParser
import FactDesk
import Foundation

/// `factdesk show CLAIM`: everything about one claim.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one claim in full.")

    @Argument(help: "The claim id, or a unique prefix of it.")
    var claim: String

    @OptionGroup var desk: DeskOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let claim = try desk.openStore().claim(self.claim)
        let now = Date()
        if output.json { return try Output.printJSON(ClaimView(claim, at: now)) }
        print("\(claim.id) · \(claim.status.rawValue) · \(claim.article) ¶\(claim.paragraph) [\(claim.anchor.start)-\(claim.anchor.end)]")
        print("Claim:    \(claim.claim)")
        print("Quote:    “\(claim.anchor.exact)”")
        if let issue = claim.anchorIssue {
            let what = issue.kind == .orphaned ? "ORPHANED: its text was not found" : "CHANGED: its text differs from what was checked"
            print("Anchor:   \(what) in revision \(issue.revision); it was “\(issue.previousQuote)”")
            print("          re-attach with `factdesk reanchor \(claim.id) --quote TEXT`")
        }
        if let assignee = claim.assignee { print("Assignee: \(assignee)") }
        if let due = claim.due { print("Due:      \(due)" + (claim.isOverdue(at: now) ? " (OVERDUE)" : "")) }
        if let review = claim.review {
            if let approver = review.approvedBy, let at = review.approvedAt {
                print("Review:   \(review.verdict.rawValue) proposed by \(review.proposedBy), approved by \(approver) on \(at.readableUTC)")
            } else {
                print("Review:   AWAITING A SECOND EDITOR: \(review.verdict.rawValue) proposed by \(review.proposedBy) on \(review.proposedAt.readableUTC)")
                print("          settle with `factdesk review \(claim.id) --approve` or `--reject --note WHY` (another editor)")
            }
        }
        for conflict in claim.conflicts ?? [] {
            let value = conflict.value.map { "“\($0)”" } ?? "none"
            print("Conflict: NEEDS REVIEW: sync kept \(conflict.field.rawValue) “\(claim.value(of: conflict.field) ?? "none")”; "
                  + "the other side had \(value) (\(conflict.by), \(conflict.at.readableUTC))")
            print("          settle with `factdesk resolve \(claim.id) --field \(conflict.field.rawValue) --keep` or `--take`")
        }
        if let attribution = claim.attribution {
            if let claimant = attribution.claimant {
                print("Claimant: \(claimant)" + (attribution.claimantKind == .organization ? " (organization)" : ""))
            }
            if let date = attribution.date { print("Claimed:  \(date)") }
            for (index, url) in attribution.appearances.enumerated() { print((index == 0 ? "Appeared: " : "          ") + url) }
        }
        print("Filed:    \(claim.createdAt.readableUTC) by \(claim.createdBy)")
        print("Status:   \(claim.status.rawValue) since \(claim.statusChangedAt.readableUTC) by \(claim.statusChangedBy)")
        print("Sources:" + (claim.sources.isEmpty ? "  none" : ""))
        for source in claim.sources {
            print("  - \(source.url)" + (source.title.map { " — \($0)" } ?? "") + (source.note.map { " (\($0))" } ?? ""))
        }
        if !claim.notes.isEmpty { print("Notes:") }
        for note in claim.notes {
            print("  - \(note.at.readableUTC) \(note.by.name): \(note.text)")
        }
    }
}
