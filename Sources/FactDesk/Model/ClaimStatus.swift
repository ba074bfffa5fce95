/// Where a claim stands in the fact-checking workflow.
public enum ClaimStatus: String, Codable, CaseIterable, Sendable, Comparable {
    case unverified
    case inReview = "in-review"
    case verified
    case `false`
    case misleading
    case unverifiable

    /// Still needs work before publication: nobody has reached a verdict yet.
    public var isOpen: Bool { self == .unverified || self == .inReview }

    /// Report order: open claims first, then the verdicts an editor must act on, then the settled ones.
    var reportRank: Int {
        switch self {
        case .unverified: 0
        case .inReview: 1
        case .false: 2
        case .misleading: 3
        case .unverifiable: 4
        case .verified: 5
        }
    }

    public static func < (lhs: ClaimStatus, rhs: ClaimStatus) -> Bool { lhs.reportRank < rhs.reportRank }

    /// Parses a status name as typed by a user, with a clear error listing the valid ones.
    public static func parse(_ text: String) throws -> ClaimStatus {
        guard let status = ClaimStatus(rawValue: text.lowercased()) else {
            let names = allCases.map(\.rawValue).joined(separator: ", ")
            throw FactDeskError.invalidInput("unknown status '\(text)'; use one of: \(names)")
        }
        return status
    }
}
