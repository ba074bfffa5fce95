import Foundation

/// How an editor settles a merge conflict on a claim.
public enum ConflictChoice: String, Sendable, CaseIterable {
    /// Keep the claim's current value; the other is dropped.
    case keep
    /// Put the value the merge set aside in place of the current one.
    case take
}

extension DeskStore {
    /// Settles a merge conflict on a claim, in one commit: `keep` the current value or `take` the
    /// one the merge set aside (a status taken goes through the desk's policy like any other).
    /// `field` may be left out when the claim has one conflict.
    @discardableResult
    public func resolveConflict(_ reference: String, field: MergeConflict.Field? = nil, choice: ConflictChoice,
                                editor: Editor) throws -> Claim {
        try changeClaim(reference, editor: editor) { claim, now, settings, _ in
            let conflicts = claim.conflicts ?? []
            guard !conflicts.isEmpty else { throw FactDeskError.invalidInput("claim \(claim.id) has no merge conflict to settle") }
            let matching = conflicts.enumerated().filter { field == nil || $0.element.field == field }
            guard let (index, conflict) = matching.first else {
                throw FactDeskError.invalidInput("claim \(claim.id) has no merge conflict on \(field!.rawValue); it has one on "
                                                 + conflicts.map(\.field.rawValue).joined(separator: ", "))
            }
            guard matching.count == 1 else {
                throw FactDeskError.invalidInput("claim \(claim.id) has \(matching.count) merge conflicts (\(conflicts.map(\.field.rawValue).joined(separator: ", "))); choose one with --field")
            }
            let current = claim.value(of: conflict.field)
            claim.conflicts?.remove(at: index)
            if claim.conflicts?.isEmpty == true { claim.conflicts = nil }
            let shown = { (value: String?) in value.map { "“\($0.oneLine(limit: 40))”" } ?? "none" }
            guard choice == .take else {
                return (message: "resolve \(claim.id): \(conflict.field.rawValue) keeps \(shown(current)), drops \(shown(conflict.value))", note: nil)
            }
            switch conflict.field {
            case .claim:
                guard let text = conflict.value?.nonEmptyText else { throw FactDeskError.invalidInput("the set-aside claim text is empty") }
                try TextPolicy.checkLine(text, field: "the claim")
                claim.claim = text
            case .status:
                guard let status = conflict.value.flatMap(ClaimStatus.init(rawValue:)) else {
                    throw FactDeskError.invalidInput("the set-aside status \(conflict.value ?? "none") is not a status")
                }
                _ = try claim.decide(status, by: editor, at: now, policy: settings)
            case .assignee:
                claim.assignee = conflict.value
            }
            return (message: "resolve \(claim.id): \(conflict.field.rawValue) takes \(shown(conflict.value)) over \(shown(current))", note: nil)
        }
    }
}
