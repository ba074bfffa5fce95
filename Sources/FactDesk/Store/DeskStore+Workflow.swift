import Foundation

/// A second editor's decision on a proposed verdict.
public enum ReviewDecision: Sendable {
    case approve
    case reject
}

extension DeskStore {
    /// Assigns a claim to an editor (`Name <email>`, or a name the desk knows), with an optional
    /// deadline, in one commit.
    @discardableResult
    public func assign(_ reference: String, to person: String, due: DeskDate? = nil, editor: Editor) throws -> Claim {
        guard person.nonEmptyText != nil else { throw FactDeskError.invalidInput("assign needs the editor to assign, as \"Name <email>\"") }
        return try changeClaim(reference, editor: editor) { claim, _, _, snapshot in
            let assignee = try snapshot.assignee(named: person, editor: editor, cache: summaryCache())
            guard assignee != claim.assignee || (due != nil && due != claim.due) else {
                throw FactDeskError.invalidInput("claim \(claim.id) is already assigned to \(assignee)")
            }
            claim.assignee = assignee
            if let due { claim.due = due }
            let deadline = claim.due.map { ", due \($0)" } ?? ""
            return (message: "assign \(claim.id): \(assignee)\(deadline)", note: nil)
        }
    }

    /// Takes a claim's assignee away (its deadline stays), in one commit.
    @discardableResult
    public func unassign(_ reference: String, editor: Editor) throws -> Claim {
        try changeClaim(reference, editor: editor) { claim, _, _, _ in
            guard let previous = claim.assignee else { throw FactDeskError.invalidInput("claim \(claim.id) is not assigned") }
            claim.assignee = nil
            return (message: "unassign \(claim.id): was \(previous)", note: nil)
        }
    }

    /// A second editor approves or rejects the verdict proposed on a claim, in one commit. A
    /// rejection needs a note saying why; the proposer can never approve their own verdict.
    @discardableResult
    public func review(_ reference: String, _ decision: ReviewDecision, note: String? = nil, editor: Editor) throws -> Claim {
        if decision == .reject && note.nonEmpty == nil {
            throw FactDeskError.invalidInput("a rejection needs --note saying what is wrong with the verdict")
        }
        return try changeClaim(reference, editor: editor) { claim, now, settings, _ in
            switch decision {
            case .approve:
                try claim.approveVerdict(by: editor, at: now, policy: settings)
                try claim.addNote(note, by: editor, at: now)
                let proposer = claim.review?.proposedBy.name ?? "?"
                return (message: "review \(claim.id): approve \(claim.status.rawValue) (proposed by \(proposer))", note: note)
            case .reject:
                let rejected = try claim.rejectVerdict(by: editor, at: now)
                try claim.addNote(note, by: editor, at: now)
                return (message: "review \(claim.id): reject \(rejected.verdict.rawValue) (proposed by \(rejected.proposedBy.name)), back to in-review", note: note)
            }
        }
    }

    /// Records who made the statement, when and where (`attribution` fields that are set replace
    /// the claim's; `appearances` are added), in one commit.
    @discardableResult
    public func attribute(_ reference: String, _ attribution: Attribution, editor: Editor) throws -> Claim {
        let given = try attribution.validated()
        guard !given.isEmpty || given.claimantKind != nil else {
            throw FactDeskError.invalidInput("give --claimant, --claim-date or --appearance to record")
        }
        return try changeClaim(reference, editor: editor) { claim, _, _, _ in
            var merged = claim.attribution ?? Attribution()
            if let name = given.claimant { merged.claimant = name }
            if let kind = given.claimantKind { merged.claimantKind = kind }
            if let date = given.date { merged.date = date }
            for url in given.appearances where !merged.appearances.contains(url) { merged.appearances.append(url) }
            guard merged != claim.attribution else { throw FactDeskError.invalidInput("claim \(claim.id) already records that") }
            claim.attribution = merged
            let who = merged.claimant.map { "\($0)" } ?? "unknown claimant"
            return (message: "attribute \(claim.id): \(who)\(merged.date.map { " on \($0)" } ?? ""), \(merged.appearances.count) appearance(s)", note: nil)
        }
    }
}
