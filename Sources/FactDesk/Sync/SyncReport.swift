/// What `sync` did, or with `--dry-run` would do: commits in and out, and what merged.
public struct SyncReport: Encodable, Equatable, Sendable {
    /// How the two histories were brought together.
    public enum Action: String, Encodable, Sendable {
        /// Both sides already held the same commit.
        case upToDate = "up-to-date"
        /// Only the remote was behind: our commits were pushed.
        case pushed
        /// Only we were behind: the branch moved to the remote's commit.
        case fastForward = "fast-forward"
        /// Both had new commits: a merge commit joined them, then it was pushed.
        case merged
    }

    public let remote: String
    public let url: String
    public var action: Action
    /// Commits that came in from the remote.
    public var incoming: Int
    /// Commits that went (or would go) out to the remote.
    public var outgoing: Int
    /// Claims changed on both sides and merged field by field.
    public var mergedClaims: [String]
    /// Claims that gained a merge conflict for an editor to settle (`factdesk resolve`).
    public var conflictedClaims: [String]
    /// Claims re-anchored on an article text that merged.
    public var reanchoredClaims: [String]
    /// Articles whose text merged line by line.
    public var mergedArticles: [String]
    /// What no rule could merge (a dry run lists them; a real sync stops on them).
    public var unresolved: [String]
    /// How many fetch-merge-push rounds it took (a push refused because the remote moved starts another).
    public var attempts: Int
    public let dryRun: Bool

    /// One line: `3 in, 2 out, 1 claim merged field by field`.
    public var summary: String {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        var parts = ["\(incoming) in", "\(outgoing) out"]
        if !mergedClaims.isEmpty { parts.append(count(mergedClaims.count, "claim") + " merged field by field") }
        if !conflictedClaims.isEmpty {
            parts.append(count(conflictedClaims.count, "claim") + " to review (merge conflict: see `factdesk claims --conflicted`)")
        }
        if !reanchoredClaims.isEmpty { parts.append(count(reanchoredClaims.count, "claim") + " re-anchored") }
        if !mergedArticles.isEmpty { parts.append(count(mergedArticles.count, "article text") + " merged") }
        if !unresolved.isEmpty { parts.append(count(unresolved.count, "conflict") + " to settle first: " + unresolved.joined(separator: "; ")) }
        let line = parts.joined(separator: ", ")
        return dryRun ? "would sync with \(remote): " + line + " (dry run: nothing changed)" : line
    }
}
