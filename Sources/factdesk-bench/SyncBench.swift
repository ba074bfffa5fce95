import FactDesk
import Foundation

/// `factdesk sync` of a clone that is behind its hub (issue 15), against `git pull --no-rebase`
/// and `git push` of the same clone, git's text merge knowing nothing of claims.
///
/// Prepared once from a generated desk: a bare hub cloned from it; clone A changes `changes`
/// claims in `commitsPerClaim` commits each and pushes them to the hub; clone B, cloned before
/// that push, changes `changes` other claims (claim 2 of an article where A changed claim 1, or
/// of another article), one commit each, and is not pushed. Every run starts from fresh copies
/// of the hub and of B, made and brought up to date with the index outside the timed region.
struct SyncBench {
    /// The desk the hub is cloned from.
    let desk: SyntheticDesk
    /// Claims changed on each side.
    let changes: Int
    let factdesk: String
    let log: (String) -> Void

    /// A's commits per claim it changes: 200 claims make 1,000 commits.
    static let commitsPerClaim = 5
    static let editorA = "Desk A <desk-a@example.org>"
    static let editorB = "Desk B <desk-b@example.org>"

    var root: String { desk.root + "/sync-\(changes)" }
    private var hub: String { root + "/hub.git" }
    private var cloneB: String { root + "/b" }
    /// Where each run copies the hub and B: one folder for sync, one for git.
    private var syncRun: String { root + "/run-sync" }
    private var gitRun: String { root + "/run-git" }
    var commitsIn: Int { changes * Self.commitsPerClaim }

    /// Makes the hub and B in the desk's folder (kept for later runs, a `ready` file marking them
    /// complete; generating the desk again removes them).
    func prepare() throws {
        if FileManager.default.fileExists(atPath: root + "/ready") { return }
        guard desk.claimsPerArticle >= 3, desk.articles >= 2 * changes else {
            throw BenchError("the sync measure needs 3 claims per article and \(2 * changes) articles or more")
        }
        try? FileManager.default.removeItem(atPath: root)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let cloneA = root + "/a"
        try ChildProcess.succeed(["git", "clone", "-q", "--bare", desk.checkedOut, hub], in: root)
        try ChildProcess.succeed(["git", "clone", "-q", hub, cloneA], in: root)
        try ChildProcess.succeed(["git", "clone", "-q", hub, cloneB], in: root)
        // No automatic gc: one detached in the background would slow the runs after it.
        try ChildProcess.succeed(["git", "config", "gc.auto", "0"], in: hub)
        for (key, value) in [("gc.auto", "0"), ("user.name", "Desk B"), ("user.email", "desk-b@example.org")] {
            try ChildProcess.succeed(["git", "config", key, value], in: cloneB)
        }
        log("sync: clone A makes \(commitsIn) commits on \(changes) claims and pushes them …")
        let storeA = try DeskStore.open(at: cloneA + "/" + SyntheticDesk.deskFolder)
        let editorA = try Editor(parsing: Self.editorA)
        for step in 0..<Self.commitsPerClaim {
            for change in 0..<changes {
                let claim = desk.claimID(articleA(change), 1)
                switch step {
                case 1: try storeA.addSource(to: claim, url: "https://records.example/desk-a/\(change)", editor: editorA)
                case 2: try storeA.setStatus(claim, to: .misleading, editor: editorA)
                default: try storeA.addNote(to: claim, note: "desk A, step \(step + 1)", editor: editorA)
                }
            }
        }
        try ChildProcess.succeed(["git", "push", "-q", "origin", "main"], in: cloneA)
        try FileManager.default.removeItem(atPath: cloneA)
        log("sync: clone B changes \(changes) other claims …")
        let storeB = try DeskStore.open(at: cloneB + "/" + SyntheticDesk.deskFolder)
        let editorB = try Editor(parsing: Self.editorB)
        for change in 0..<changes {
            try storeB.setStatus(desk.claimID(articleB(change), 2), to: .unverifiable, note: "desk B: no records found", editor: editorB)
        }
        try Data().write(to: URL(fileURLWithPath: root + "/ready"))
    }

    /// The article of A's `change`th claim: spread evenly over the desk.
    private func articleA(_ change: Int) -> Int { change * (desk.articles / changes) }

    /// The article of B's: every other one is A's (another claim of it), the rest lie between A's.
    private func articleB(_ change: Int) -> Int { articleA(change) + (change % 2 == 0 ? 0 : desk.articles / changes / 2) }

    /// Fresh copies of the hub and of B for the sync run (untimed).
    func resetSync() throws { try reset(syncRun) }

    /// Fresh copies for the git run (untimed); git must not have FactDesk's merge driver.
    func resetGit() throws {
        try reset(gitRun)
        guard try ChildProcess.run(["git", "config", "--get", "merge.factdesk.driver"], in: gitRun + "/b").status != 0 else {
            throw BenchError("\(gitRun)/b has merge.factdesk.driver configured: git's text merge would not be the baseline")
        }
    }

    /// One `factdesk sync` in B's copy: fetch, merge, push.
    func sync() throws -> ChildRun {
        try ChildProcess.run([factdesk, "sync", "--store", syncRun + "/b/" + SyntheticDesk.deskFolder], in: syncRun + "/b",
                             environment: ["FACTDESK_EDITOR": Self.editorB])
    }

    /// One `git pull --no-rebase` and `git push` in B's copy.
    func gitPullPush() throws -> ChildRun {
        try ChildProcess.run(["/bin/sh", "-c", "git pull -q --no-rebase --no-edit origin main && git push -q origin main"],
                             in: gitRun + "/b")
    }

    /// After the last runs of both: each pushed a merge commit, and both merged into the same
    /// tree. Returns nil when they did, else what differs; then removes the copies.
    func compareResults() throws -> String? {
        var trees: [String] = []
        for folder in [syncRun, gitRun] {
            let head = try ChildProcess.output(["git", "rev-parse", "HEAD"], in: folder + "/b")
            guard try ChildProcess.output(["git", "rev-parse", "main"], in: folder + "/hub.git") == head else {
                throw BenchError("\(folder)/hub.git is not at B's merge: the push did not happen")
            }
            guard try ChildProcess.run(["git", "rev-parse", "-q", "--verify", "HEAD^2"], in: folder + "/b").status == 0 else {
                throw BenchError("\(folder)/b: HEAD is not a merge commit")
            }
            trees.append(try ChildProcess.output(["git", "rev-parse", "HEAD^{tree}"], in: folder + "/b"))
        }
        var difference: String?
        if trees[0] != trees[1] {
            try ChildProcess.succeed(["git", "fetch", "-q", syncRun + "/b", "HEAD"], in: gitRun + "/b")
            let files = try ChildProcess.output(["git", "diff", "--name-status", "HEAD", "FETCH_HEAD"], in: gitRun + "/b")
                .split(separator: "\n")
            difference = "sync's tree \(trees[0]) is not git's \(trees[1]): \(files.count) files differ, e.g. "
                + files.prefix(5).joined(separator: "; ")
        }
        for folder in [syncRun, gitRun] { try? FileManager.default.removeItem(atPath: folder) }
        return difference
    }

    /// Replaces `folder` with copies of the hub and of B, B's remote pointing at the copy of the
    /// hub and its index brought up to date with the copied files (new inodes), as git would
    /// otherwise re-read every file in the timed run. The copies reach the disk before the run:
    /// else the run's first fsync (sync makes objects durable, git a fetched pack) waits for them.
    private func reset(_ folder: String) throws {
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try ChildProcess.succeed(["cp", "-a", hub, folder + "/hub.git"], in: root)
        try ChildProcess.succeed(["cp", "-a", cloneB, folder + "/b"], in: root)
        try ChildProcess.succeed(["git", "remote", "set-url", "origin", folder + "/hub.git"], in: folder + "/b")
        guard try ChildProcess.output(["git", "status", "--porcelain"], in: folder + "/b").isEmpty else {
            throw BenchError("\(folder)/b has changes that are not committed")
        }
        try ChildProcess.succeed(["sync"], in: root)
    }
}
