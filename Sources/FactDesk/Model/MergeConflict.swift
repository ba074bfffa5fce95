import Foundation

/// A value a merge set aside: two desks changed the same field of a claim differently, the
/// change with the higher logical clock won, and this is the other one, kept until an editor
/// chooses. A claim holding any needs review.
public struct MergeConflict: Codable, Equatable, Hashable, Sendable {
    /// The fields whose concurrent changes are kept for an editor to settle.
    public enum Field: String, Codable, CaseIterable, Sendable {
        case claim, status, assignee
    }

    public var field: Field
    /// The value that lost: the claim text, a status, or an assignee; nil when that side had none.
    public var value: String?
    /// Who made the change that lost, when, and at which point of the claim's logical clock.
    public var by: Editor
    public var at: Date
    public var clock: Int
}

extension Claim {
    /// The value of `field` as a conflict records it.
    public func value(of field: MergeConflict.Field) -> String? {
        switch field {
        case .claim: claim
        case .status: status.rawValue
        case .assignee: assignee
        }
    }

    /// Whether a merge left values for an editor to choose between.
    public var hasMergeConflicts: Bool { !(conflicts ?? []).isEmpty }

    /// Whether a person must look before the claim is settled: a verdict awaiting a second
    /// editor, or a merge conflict.
    public var needsReview: Bool { awaitingReview || hasMergeConflicts }

    /// Records a change by `editor` at `date`: who and when, and one more tick of the logical clock.
    mutating func touch(by editor: Editor, at date: Date) {
        updatedBy = editor
        updatedAt = date
        clock = (clock ?? 0) + 1
    }
}
