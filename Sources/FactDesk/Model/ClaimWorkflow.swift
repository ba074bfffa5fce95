import Foundation

/// The rules a claim's status follows, in one place for the CLI, the web desk and imports:
/// a verified claim needs a source (when the policy says so); under the second-editor policy a
/// verdict is only proposed, and a different editor settles it or sends it back.
extension Claim {
    /// What a status change did.
    public enum StatusOutcome: Equatable, Sendable {
        /// The claim now has the status.
        case set
        /// The verdict awaits a second editor's approval; the claim is in review meanwhile.
        case proposed
    }

    /// A verdict awaits a second editor.
    public var awaitingReview: Bool { review?.isPending == true }

    /// Open and past its deadline at `now`.
    public func isOverdue(at now: Date) -> Bool {
        status.isOpen && due?.isPast(at: now) == true
    }

    /// Moves the claim to `newStatus` as `policy` allows: a verdict under the second-editor
    /// policy becomes a proposal; any other change withdraws a pending proposal.
    mutating func decide(_ newStatus: ClaimStatus, by editor: Editor, at date: Date,
                         policy: DeskSettings) throws -> StatusOutcome {
        if newStatus == .verified && policy.verifiedRequiresSource && sources.isEmpty {
            throw FactDeskError.policy("claim \(id) has no source; a verified claim needs evidence: add one with --source URL")
        }
        if newStatus.isVerdict && policy.secondReview {
            if let review, review.isPending, review.verdict == newStatus, review.proposedBy.isSamePerson(as: editor) {
                throw FactDeskError.invalidInput("you already proposed \(newStatus.rawValue) for claim \(id); it awaits a second editor's review")
            }
            review = VerdictReview(verdict: newStatus, proposedBy: editor, proposedAt: date)
            changeStatus(to: .inReview, by: editor, at: date)
            return .proposed
        }
        review = nil
        changeStatus(to: newStatus, by: editor, at: date)
        return .set
    }

    /// Settles the pending verdict; refused to the editor who proposed it.
    mutating func approveVerdict(by editor: Editor, at date: Date, policy: DeskSettings) throws {
        guard var pending = review, pending.isPending else {
            throw FactDeskError.invalidInput("claim \(id) has no verdict awaiting review")
        }
        guard !pending.proposedBy.isSamePerson(as: editor) else {
            throw FactDeskError.policy("\(editor.name) proposed \(pending.verdict.rawValue) for claim \(id); a second editor must approve it")
        }
        if pending.verdict == .verified && policy.verifiedRequiresSource && sources.isEmpty {
            throw FactDeskError.policy("claim \(id) has no source; a verified claim needs evidence: add one with `factdesk source add`")
        }
        pending.approvedBy = editor
        pending.approvedAt = date
        review = pending
        changeStatus(to: pending.verdict, by: editor, at: date)
    }

    /// Sends the pending verdict back: the claim returns to in-review, the proposal is dropped.
    mutating func rejectVerdict(by editor: Editor, at date: Date) throws -> VerdictReview {
        guard let pending = review, pending.isPending else {
            throw FactDeskError.invalidInput("claim \(id) has no verdict awaiting review")
        }
        review = nil
        changeStatus(to: .inReview, by: editor, at: date)
        return pending
    }

    private mutating func changeStatus(to newStatus: ClaimStatus, by editor: Editor, at date: Date) {
        guard newStatus != status else { return }
        status = newStatus
        statusChangedBy = editor
        statusChangedAt = date
    }
}

extension ClaimStatus {
    /// The end of a check: verified, false, misleading or unverifiable.
    public var isVerdict: Bool { !isOpen }
}

extension Editor {
    /// The same person, whatever the spelling of their name: the same email, case aside.
    public func isSamePerson(as other: Editor) -> Bool {
        email.lowercased() == other.email.lowercased()
    }
}
