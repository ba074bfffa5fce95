import Foundation
import GitKit

/// How to sync: with which remote, whether only to look, and which side to keep where the two
/// histories changed the same passage.
public struct SyncOptions: Sendable {
    /// The remote's name; nil: `origin`, else the only remote.
    public var remote: String?
    /// Fetch and say what would happen, changing nothing (no branch, no remote-tracking ref, no push).
    public var dryRun: Bool
    /// Which side to keep for an article (by slug), `desk.json` or another file that both sides
    /// changed in the same place.
    public var take: [String: MergeSide]

    public init(remote: String? = nil, dryRun: Bool = false, take: [String: MergeSide] = [:]) {
        self.remote = remote
        self.dryRun = dryRun
        self.take = take
    }
}

extension DeskStore {
    /// How many times a push refused because the remote moved starts another fetch and merge.
    static let maximumSyncAttempts = 5

    /// Brings this desk and a remote to the same history: fetch, then fast-forward or merge claim
    /// by claim into one merge commit authored by `editor`, then push. A push refused because the
    /// remote moved meanwhile is fetched and merged again, a bounded number of times. Where the
    /// histories changed the same text (or policy) in ways no rule can merge, nothing is committed
    /// or pushed: the error names what differs and how to settle it.
    public func sync(_ options: SyncOptions = SyncOptions(), editor: Editor) throws -> SyncReport {
        let remote = try remote(named: options.remote)
        // libgit2 calls a local path that is not there an "unsupported URL protocol".
        if let path = Repository.localPath(ofRemoteURL: remote.url), !FileManager.default.fileExists(atPath: path) {
            throw FactDeskError.invalidInput("\(remote.name) points at \(remote.url), which does not exist; fix it with `factdesk remote remove \(remote.name)` and `factdesk remote add \(remote.name) URL`")
        }
        let branchName = String(branch.dropFirst("refs/heads/".count))
        let tracking = "refs/remotes/\(remote.name)/\(branchName)"
        let transport = TransportOptions(credentialHelperDirectory: repository.workingDirectory ?? repository.gitDirectory)
        var report = SyncReport(remote: remote.name, url: remote.url, action: .upToDate, incoming: 0, outgoing: 0, mergedClaims: [],
                                conflictedClaims: [], reanchoredClaims: [], mergedArticles: [], unresolved: [], attempts: 0, dryRun: options.dryRun)
        for attempt in 1...Self.maximumSyncAttempts {
            report.attempts = attempt
            // A dry run downloads objects only: no ref of this clone moves.
            let heads = try transfer(.fetch, with: remote) {
                try repository.fetch(remote: remote.name, refspecs: [options.dryRun ? branch : "+\(branch):\(tracking)"], options: transport)
            }
            let theirs = heads.first { $0.name == branch }?.target
            let merged = try integrate(theirs, from: remote, options: options, editor: editor, into: &report)
            if options.dryRun { return report }
            guard let tip = merged, tip != theirs else { return report }
            do {
                try transfer(.push, with: remote) {
                    try repository.push(remote: remote.name, refspecs: ["\(branch):\(branch)"], options: transport)
                }
                if report.action == .upToDate { report.action = .pushed }
                return report
            } catch is RemoteMoved {
                continue
            }
        }
        throw FactDeskError.storage("\(remote.name) kept moving: \(Self.maximumSyncAttempts) pushes were refused because other desks pushed first; sync again")
    }

    /// Joins the remote's commit `theirs` into the branch (fast-forward or merge), or with a dry
    /// run only counts what would happen; returns the branch's tip afterwards (nil: no commits).
    private func integrate(_ theirs: ObjectID?, from remote: DeskRemote, options: SyncOptions, editor: Editor,
                           into report: inout SyncReport) throws -> ObjectID? {
        let start = report
        let build = { (snapshot: DeskSnapshot) throws -> StagedChange<SyncReport> in
            var outcome = start
            guard let theirs else {
                outcome.outgoing = try snapshot.commitID.map { try self.repository.walk(from: $0).all().count } ?? 0
                outcome.action = .pushed
                return StagedChange(files: [:], message: "", result: outcome)
            }
            guard let ours = snapshot.commitID else {
                let tree = try self.repository.commit(theirs).tree()
                outcome.incoming = try self.repository.walk(from: theirs).all().count
                outcome.action = .fastForward
                return StagedChange(files: try self.contents(of: TreeDifference.files(from: nil, to: tree)),
                                    message: "sync: fast-forward to \(remote.name)", result: outcome, fastForward: theirs)
            }
            (outcome.outgoing, outcome.incoming) = try self.repository.aheadBehind(local: ours, upstream: theirs)
            guard outcome.incoming > 0 else {
                outcome.action = outcome.outgoing > 0 ? .pushed : .upToDate
                return StagedChange(files: [:], message: "", result: outcome)
            }
            guard let base = try self.repository.mergeBase(ours, theirs) else {
                throw FactDeskError.invalidInput("\(remote.name) (\(remote.url)) holds a history unrelated to this desk's; sync needs a clone of the same desk")
            }
            if base == ours {
                outcome.action = .fastForward
                let files = try TreeDifference.files(from: try self.repository.commit(ours).tree(), to: try self.repository.commit(theirs).tree())
                return StagedChange(files: try self.contents(of: files), message: "sync: fast-forward to \(remote.name)",
                                    result: outcome, fastForward: theirs)
            }
            let merge = try DeskMerge(repository: self.repository, layout: self.layout, base: base, ours: ours, theirs: theirs,
                                      take: options.take, editor: editor, now: self.clock())
            outcome.action = .merged
            outcome.outgoing += 1
            outcome.mergedClaims = merge.mergedClaims.map(\.value)
            outcome.conflictedClaims = merge.conflictedClaims.map(\.value)
            outcome.reanchoredClaims = merge.reanchoredClaims.map(\.value)
            outcome.mergedArticles = merge.mergedTexts.map(\.value)
            outcome.unresolved = merge.unresolved.map(\.detail)
            if !merge.unresolved.isEmpty && !options.dryRun {
                throw FactDeskError.mergeConflict(Self.describe(merge.unresolved, remote: remote, branch: self.branch))
            }
            return StagedChange(files: merge.files, message: Self.mergeMessage(outcome, remote: remote, branch: self.branch),
                                result: outcome, mergeParent: theirs)
        }
        if options.dryRun {
            report = try read { try build($0).result }
            return try snapshot().commitID
        }
        report = try commit(as: editor, build)
        return try snapshot().commitID
    }

    /// The bytes of each changed path (nil where it was removed).
    private func contents(of files: [String: ObjectID?]) throws -> [String: Data?] {
        try files.mapValues { id in try id.map { try repository.blobData($0) } }
    }

    private static func mergeMessage(_ report: SyncReport, remote: DeskRemote, branch: String) -> String {
        let name = branch.dropFirst("refs/heads/".count)
        var body = ["\(report.incoming) commit\(report.incoming == 1 ? "" : "s") in from \(remote.url)"]
        if !report.mergedClaims.isEmpty { body.append("merged field by field: " + report.mergedClaims.joined(separator: ", ")) }
        if !report.conflictedClaims.isEmpty { body.append("merge conflicts to review: " + report.conflictedClaims.joined(separator: ", ")) }
        if !report.mergedArticles.isEmpty { body.append("article texts merged: " + report.mergedArticles.joined(separator: ", ")) }
        if !report.reanchoredClaims.isEmpty { body.append("re-anchored: " + report.reanchoredClaims.joined(separator: ", ")) }
        return "sync: merge \(remote.name)/\(name) into \(name)\n\n" + body.joined(separator: "\n") + "\n"
    }

    private static func describe(_ unresolved: [DeskMerge.Unresolved], remote: DeskRemote, branch: String) -> String {
        let name = branch.dropFirst("refs/heads/".count)
        let targets = unresolved.map(\.target)
        return "sync stopped before committing or pushing anything: " + unresolved.map(\.detail).joined(separator: "; ")
            + ". Keep one side with `factdesk sync --take ours \(targets[0])` or `factdesk sync --take theirs \(targets[0])`"
            + (targets.count > 1 ? " (likewise for \(targets.dropFirst().joined(separator: ", ")))" : "")
            + ", or merge by hand: `git merge \(remote.name)/\(name)`, edit, commit, and sync again"
    }

    /// A fetch or a push.
    private enum Transfer {
        case fetch, push
    }

    /// A push refused because the remote moved since the fetch, or was being moved by another
    /// push at that moment (its ref's lock file was there): the next round fetches and merges again.
    private struct RemoteMoved: Error {}

    /// Runs a fetch or push, saying which remote failed and what became of this desk.
    @discardableResult
    private func transfer<T>(_ kind: Transfer, with remote: DeskRemote, _ body: () throws -> T) throws -> T {
        do {
            return try serialized { try body() }
        } catch let error as GitError where kind == .push && (error.isNonFastForward || error.isLocked) {
            throw RemoteMoved()
        } catch let error as GitError {
            // GitKit's message already names the remote and its URL.
            let outcome = kind == .push ? "nothing reached \(remote.name); this desk keeps its commits and pushes them on the next sync"
                                        : "this desk is unchanged"
            throw FactDeskError.storage("\(error.message); \(outcome)")
        }
    }
}
