import Foundation

/// Which claims a listing keeps (`factdesk claims`, the web desk's filters): every condition set must hold.
public struct ClaimFilter: Sendable {
    public var status: ClaimStatus?
    /// Claims assigned to this person: `Name <email>`, a name or an email.
    public var assignee: String?
    /// Open claims past their deadline.
    public var overdue = false
    /// Claims that need a person's review: a verdict awaiting a second editor, or a merge conflict.
    public var needsReview = false
    /// Claims holding a merge conflict to settle.
    public var conflicted = false

    public init(status: ClaimStatus? = nil, assignee: String? = nil, overdue: Bool = false, needsReview: Bool = false,
                conflicted: Bool = false) {
        self.status = status
        self.assignee = assignee
        self.overdue = overdue
        self.needsReview = needsReview
        self.conflicted = conflicted
    }

    func keeps(_ claim: Claim, at now: Date) -> Bool {
        if let status, claim.status != status { return false }
        if overdue && !claim.isOverdue(at: now) { return false }
        if needsReview && !claim.needsReview { return false }
        if conflicted && !claim.hasMergeConflicts { return false }
        if let assignee, !claim.isAssigned(to: assignee) { return false }
        return true
    }
}

extension Claim {
    /// Whether the claim's assignee is `person`: the same email when both have one, else the same name.
    public func isAssigned(to person: String) -> Bool {
        guard let assignee else { return false }
        return Self.assignee(assignee, matches: person)
    }

    /// Whether assignee text `assignee` names `person` (`Name <email>`, a name or an email).
    public static func assignee(_ assignee: String, matches person: String) -> Bool {
        let wanted = AssigneeName(person), current = AssigneeName(assignee)
        if let email = wanted.email, let theirs = current.email { return email == theirs }
        if let email = wanted.email, wanted.name.isEmpty { return current.email == email }
        return !wanted.name.isEmpty && wanted.name == current.name
    }
}

/// An assignee as stored or typed, split into a case-folded name and email for comparison.
struct AssigneeName {
    let name: String
    let email: String?

    init(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") {
            name = trimmed[..<open].trimmingCharacters(in: .whitespaces).lowercased()
            email = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)].lowercased()
        } else if trimmed.contains("@") && !trimmed.contains(" ") {
            name = ""
            email = trimmed.lowercased()
        } else {
            name = trimmed.lowercased()
            email = nil
        }
    }
}
