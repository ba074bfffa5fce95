import Foundation

/// Which of the two histories being merged a value comes from: ours is the local branch.
public enum MergeSide: String, Codable, Sendable {
    case ours, theirs
}

/// The three-way merge of one claim against the version both sides started from, field by field.
/// A field changed on one side takes that side's value. The claim text, the status and the
/// assignee changed differently on both sides take the value of the side whose logical clock is
/// higher (ties: the larger editor email) and keep the other as a `MergeConflict`. Sources merge
/// as a set keyed by URL, notes as the union of both in time order, the anchor as one unit. A
/// claim deleted on one side and edited on the other is kept, edited. The same inputs always give
/// the same bytes, whoever merges: `factdesk sync` and the git merge driver agree.
struct ClaimMerge {
    /// The merged claim, nil when both sides deleted it.
    let claim: Claim?
    /// Whose anchor the merged claim has: its offsets refer to that side's text of the article.
    let anchorSide: MergeSide
    /// Whether the result takes fields from both sides (not simply one side's version).
    let fieldByField: Bool
    /// The conflicts this merge added.
    let newConflicts: [MergeConflict]

    init(base: Claim?, ours: Claim?, theirs: Claim?) throws {
        guard let ours, let theirs else {
            // Deleted on one side: the other side's version stands, edited or not.
            claim = ours ?? theirs
            anchorSide = ours == nil ? .theirs : .ours
            fieldByField = false
            newConflicts = []
            return
        }
        let oursWins = try Self.oursWins(ours, theirs)
        let winner = oursWins ? ours : theirs, loser = oursWins ? theirs : ours
        var conflicts: [MergeConflict] = []
        func pick<Value: Equatable>(_ value: (Claim) -> Value, conflict field: MergeConflict.Field? = nil) -> Value {
            if let merged = ThreeWay.merge(base: base.map(value), ours: value(ours), theirs: value(theirs)) { return merged }
            if let field {
                conflicts.append(MergeConflict(field: field, value: loser.value(of: field),
                                               by: field == .status ? loser.statusChangedBy : loser.updatedBy,
                                               at: field == .status ? loser.statusChangedAt : loser.updatedAt,
                                               clock: loser.clock ?? 0))
            }
            return value(winner)
        }
        var merged = winner
        merged.claim = pick({ $0.claim }, conflict: .claim)
        let status = pick({ StatusPart($0) }, conflict: (ours.status != theirs.status) ? .status : nil)
        (merged.status, merged.statusChangedBy, merged.statusChangedAt, merged.review)
            = (status.status, status.changedBy, status.changedAt, status.review)
        merged.assignee = pick({ $0.assignee }, conflict: .assignee)
        merged.due = pick { $0.due }
        merged.attribution = pick { $0.attribution }
        let anchor = pick { AnchorPart($0) }
        (merged.anchor, merged.paragraph, merged.anchorIssue) = (anchor.anchor, anchor.paragraph, anchor.issue)
        anchorSide = anchor == AnchorPart(ours) ? .ours : .theirs
        merged.createdBy = pick { $0.createdBy }
        merged.createdAt = pick { $0.createdAt }
        let touched = pick { TouchPart($0) }
        (merged.updatedBy, merged.updatedAt) = (touched.by, touched.at)
        merged.sources = Self.mergeSources(base: base?.sources ?? [], ours: ours.sources, theirs: theirs.sources, oursWins: oursWins)
        merged.notes = Self.mergeNotes(ours.notes, theirs.notes)
        merged.conflicts = Self.mergeConflicts(base: base?.conflicts ?? [], ours: ours.conflicts ?? [],
                                               theirs: theirs.conflicts ?? [], added: conflicts)
        merged.clock = max(ours.clock ?? 0, theirs.clock ?? 0)
        if merged.clock == 0 { merged.clock = nil }
        fieldByField = merged != ours && merged != theirs
        if fieldByField { merged.clock = (merged.clock ?? 0) + 1 }
        claim = merged
        newConflicts = conflicts
    }

    /// Whether our change outranks theirs: the higher logical clock, then the larger editor
    /// email, then (the same editor at the same count, on two machines) the larger encoding.
    private static func oursWins(_ ours: Claim, _ theirs: Claim) throws -> Bool {
        let (mine, other) = (ours.clock ?? 0, theirs.clock ?? 0)
        if mine != other { return mine > other }
        if ours.updatedBy.email != theirs.updatedBy.email { return ours.updatedBy.email > theirs.updatedBy.email }
        return try DeskJSON.encode(ours).lexicographicallyPrecedes(DeskJSON.encode(theirs)) == false
    }

    /// Sources as a set keyed by URL: what either side added is kept; a removal stands only if
    /// the other side left that source as it was; a source edited on both sides takes the winner's.
    static func mergeSources(base: [Source], ours: [Source], theirs: [Source], oursWins: Bool) -> [Source] {
        let baseByURL = Dictionary(base.map { ($0.url, $0) }, uniquingKeysWith: { first, _ in first })
        let oursByURL = Dictionary(ours.map { ($0.url, $0) }, uniquingKeysWith: { first, _ in first })
        let theirsByURL = Dictionary(theirs.map { ($0.url, $0) }, uniquingKeysWith: { first, _ in first })
        var merged: [Source] = []
        for source in ours {
            let original = baseByURL[source.url]
            if let other = theirsByURL[source.url] {
                merged.append(ThreeWay.merge(base: original, ours: source, theirs: other) ?? (oursWins ? source : other))
            } else if original == nil || original != source {
                merged.append(source)  // ours added it, or theirs removed it while ours edited it
            }
        }
        for source in theirs where oursByURL[source.url] == nil {
            if let original = baseByURL[source.url], original == source { continue }  // ours removed it, theirs left it
            merged.append(source)
        }
        return merged
    }

    /// Every note of both sides, once, in time order.
    static func mergeNotes(_ ours: [Note], _ theirs: [Note]) -> [Note] {
        var merged = ours
        for note in theirs where !merged.contains(note) { merged.append(note) }
        return merged.sorted { ($0.at, $0.by.email, $0.text) < ($1.at, $1.by.email, $1.text) }
    }

    /// Conflicts as a set: those an editor settled on either side stay settled, new ones join.
    static func mergeConflicts(base: [MergeConflict], ours: [MergeConflict], theirs: [MergeConflict],
                               added: [MergeConflict]) -> [MergeConflict]? {
        let settled = Set(base).subtracting(Set(ours).intersection(Set(theirs)))
        var merged: [MergeConflict] = []
        for conflict in ours + theirs + added where !settled.contains(conflict) && !merged.contains(conflict) {
            merged.append(conflict)
        }
        return merged.isEmpty ? nil : merged
    }
}

/// The fields that change together with a verdict.
private struct StatusPart: Equatable {
    let status: ClaimStatus
    let changedBy: Editor
    let changedAt: Date
    let review: VerdictReview?

    init(_ claim: Claim) {
        (status, changedBy, changedAt, review) = (claim.status, claim.statusChangedBy, claim.statusChangedAt, claim.review)
    }
}

/// Where a claim sits: offsets, quote and revision are one unit, never one side's start with the other's end.
private struct AnchorPart: Equatable {
    let anchor: Anchor
    let paragraph: Int
    let issue: AnchorIssue?

    init(_ claim: Claim) {
        (anchor, paragraph, issue) = (claim.anchor, claim.paragraph, claim.anchorIssue)
    }
}

/// Who changed the claim last, and when.
private struct TouchPart: Equatable {
    let by: Editor
    let at: Date

    init(_ claim: Claim) {
        (by, at) = (claim.updatedBy, claim.updatedAt)
    }
}
