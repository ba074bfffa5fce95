import Foundation
import GitKit

/// One thing wrong with a desk, where it is, and whether `--repair` fixed it.
public struct CheckProblem: Encodable, Equatable, Sendable {
    public let path: String
    public let problem: String
    public var repaired: Bool
}

/// The result of `factdesk check`: what was looked at and every problem found.
public struct CheckReport: Encodable, Sendable {
    public let articles: Int
    public let claims: Int
    public let commits: Int
    public let problems: [CheckProblem]
    /// True when nothing is left to fix.
    public var healthy: Bool { problems.allSatisfy(\.repaired) }
}

extension DeskStore {
    /// Validates the whole desk at the branch's tip: every file parses and is where the layout
    /// says, claims point at existing articles, anchors agree with the stored text, no stray
    /// files, every commit and tree reachable; for a checked-out desk, the working tree and the
    /// index agree with the branch. `repair` brings the working tree and the index back in step
    /// with the branch (never touching a commit) and removes FactDesk's own leftovers.
    public func check(repair: Bool = false) throws -> CheckReport {
        try serialized {
            let lock = repair ? try acquireLock() : nil
            defer { withExtendedLifetime(lock) {} }
            let snapshot = try snapshot()
            var checker = DeskChecker(store: self, snapshot: snapshot)
            try gitCall { try checker.checkCommittedDesk() }
            let commits = try gitCall { try checker.checkHistory() }
            checker.checkLockFiles()
            if kind == .checkedOut { try checker.checkWorkingTree() }
            if repair && kind == .checkedOut { try checker.repair() }
            return CheckReport(articles: checker.articleCount, claims: checker.claimCount, commits: commits,
                               problems: checker.problems)
        }
    }
}

/// The walk behind `DeskStore.check`, collecting problems as it goes.
private struct DeskChecker {
    let store: DeskStore
    let snapshot: DeskSnapshot
    var problems: [CheckProblem] = []
    var articleCount = 0
    var claimCount = 0
    /// Working-tree paths (relative to the repository) that differ from the branch.
    var outOfStep: [String] = []
    var leftovers: [String] = []

    init(store: DeskStore, snapshot: DeskSnapshot) {
        self.store = store
        self.snapshot = snapshot
    }

    var layout: StoreLayout { store.layout }

    mutating func report(_ path: String, _ problem: String) {
        problems.append(CheckProblem(path: path, problem: problem, repaired: false))
    }

    // MARK: What the branch holds

    mutating func checkCommittedDesk() throws {
        do { _ = try snapshot.settings() } catch let error as FactDeskError { report(layout.settingsFile, error.description) }
        guard let root = try deskTree() else { return }
        for entry in root.entries where !["desk.json", "articles", ".gitattributes"].contains(entry.name) {
            report(join(layout.deskPath, entry.name), "stray file: not part of a FactDesk store")
        }
        guard let articles = try root.entry(named: "articles").map({ try snapshot.repository.tree($0.id) }) else { return }
        for shard in articles.entries {
            let shardPath = layout.articlesDirectory + "/" + shard.name
            guard shard.kind == .tree, shard.name.count == 2, shard.name.allSatisfy(\.isHexDigit) else {
                report(shardPath, "stray entry: article folders are sharded by two hex digits"); continue
            }
            for folder in try snapshot.repository.tree(shard.id).entries {
                let path = shardPath + "/" + folder.name
                guard folder.kind == .tree, let slug = try? ArticleSlug(folder.name) else {
                    report(path, "stray entry: not an article folder"); continue
                }
                guard slug.shard == shard.name else {
                    report(path, "article in the wrong shard: it belongs in \(layout.articleDirectory(slug))"); continue
                }
                try checkArticle(slug, tree: try snapshot.repository.tree(folder.id))
            }
        }
    }

    private mutating func checkArticle(_ slug: ArticleSlug, tree: Tree) throws {
        articleCount += 1
        let directory = layout.articleDirectory(slug)
        for entry in tree.entries where !["article.json", "text.txt", "claims"].contains(entry.name) {
            report(directory + "/" + entry.name, "stray file in an article folder")
        }
        let article: Article
        let text: ArticleText
        do {
            article = try snapshot.article(slug)
            text = try snapshot.text(slug)
        } catch let error as FactDeskError {
            return report(layout.articleFile(slug), error.description)
        }
        let textPath = layout.textFile(slug)
        if let id = try snapshot.blobID(at: textPath), id.hex != article.textID {
            report(layout.articleFile(slug), "textID \(article.textID.prefix(12)) is not the blob id of text.txt (\(id.hex.prefix(12)))")
        }
        if (try? ArticleText(normalizing: text.string, source: textPath))?.string != text.string {
            report(textPath, "text is not normalized (UTF-8, NFC, LF, no control characters, not empty)")
        }
        for id in try snapshot.claimIDs(in: slug) {
            try checkClaim(id, of: article, text: text)
        }
        if let claims = try tree.entry(named: "claims").map({ try snapshot.repository.tree($0.id) }) {
            for entry in claims.entries where !(entry.name.hasSuffix(".json") && ClaimID.isWellFormed(String(entry.name.dropLast(5)))) {
                report(layout.claimsDirectory(slug) + "/" + entry.name, "stray file: claim files are named <claim id>.json")
            }
        }
    }

    private mutating func checkClaim(_ id: ClaimID, of article: Article, text: ArticleText) throws {
        claimCount += 1
        let path = layout.claimFile(article.id, id)
        let claim: Claim
        do {
            claim = try snapshot.claim(id, in: article.id)
        } catch let error as FactDeskError {
            return report(path, error.description)
        }
        let anchor = claim.anchor
        if claim.anchorIssue?.kind == .orphaned {
            if anchor.revision >= article.revision { report(path, "orphaned claim whose anchor is on the current revision") }
            return
        }
        guard anchor.revision == article.revision else {
            return report(path, "anchor is on revision \(anchor.revision) but the article is at \(article.revision) and the claim is not flagged")
        }
        guard anchor.start >= 0, anchor.start < anchor.end, anchor.end <= text.count else {
            return report(path, "anchor \(anchor.start)-\(anchor.end) is outside the text (0-\(text.count))")
        }
        if text.substring(anchor.range) != anchor.exact {
            report(path, "anchor \(anchor.start)-\(anchor.end) does not hold its quote in text.txt")
        }
        if text.paragraphNumber(at: anchor.start) != claim.paragraph {
            report(path, "paragraph \(claim.paragraph) does not match the anchor (¶\(text.paragraphNumber(at: anchor.start) ?? 0))")
        }
    }

    /// Every commit of the branch, and its tree, is in the object database.
    mutating func checkHistory() throws -> Int {
        guard let tip = snapshot.commitID else { return 0 }
        var count = 0
        let walk = try snapshot.repository.walk(from: tip)
        while let id = try nextCommit(walk) {
            count += 1
            guard let commit = try? snapshot.repository.commit(id), try snapshot.repository.contains(commit.treeID) else {
                report(store.branch, "commit \(id.hex) or its tree is missing from the object database; run `git fsck`")
                continue
            }
        }
        return count
    }

    /// The walk's next commit; a commit missing from the object database is reported and ends the walk.
    private mutating func nextCommit(_ walk: RevisionWalk) throws -> ObjectID? {
        do {
            return try walk.next()
        } catch let error as GitError {
            report(store.branch, "history is broken: \(error.message); run `git fsck`")
            return nil
        }
    }

    // MARK: The working tree and the index

    /// Git lock files a crashed writer may have left; `--repair` has already removed those of a
    /// dead FactDesk writer when it took the desk lock.
    mutating func checkLockFiles() {
        for path in DeskLock.gitLockFiles(gitDirectory: store.repository.gitDirectory, branch: store.branch)
        where FileManager.default.fileExists(atPath: path) {
            report(path, "lock file present: a git process is writing, or one crashed; remove it if no git process runs")
        }
    }

    mutating func checkWorkingTree() throws {
        guard let root = store.repository.workingDirectory else { return }
        let journal = WriteJournal(gitDirectory: store.repository.gitDirectory)
        if journal.pending() != nil { report(journal.path, "a write was interrupted before the working tree was updated") }
        let committed = try committedFiles()
        let index = try gitCall { try store.repository.index() }
        let staged = Dictionary(index.entries.filter { isInDesk($0.path) }.map { ($0.path, $0.id) }, uniquingKeysWith: { a, _ in a })
        var onDisk = Set<String>()
        let deskFolder = root + layout.deskPath
        if let walker = FileManager.default.enumerator(atPath: deskFolder) {
            for case let relative as String in walker {
                if relative == ".git" || relative.hasPrefix(".git/") { walker.skipDescendants(); continue }
                let path = join(layout.deskPath, relative)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: root + path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                if FileWriter.isTemporary(URL(fileURLWithPath: relative).lastPathComponent) {
                    leftovers.append(path)
                    report(path, "temporary file left by an interrupted write")
                } else if committed[path] == nil {
                    onDisk.insert(path)
                    report(path, "file in the desk folder that is not committed")
                } else {
                    onDisk.insert(path)
                }
            }
        }
        for (path, id) in committed.sorted(by: { $0.key < $1.key }) {
            let bytes = FileManager.default.contents(atPath: root + path)
            if bytes == nil {
                report(path, "committed file missing from the working tree"); outOfStep.append(path)
            } else if ObjectID.hashing(blob: Array(bytes!)) != id {
                report(path, "working-tree file differs from the branch"); outOfStep.append(path)
            } else if staged[path] != id {
                report(path, "index entry differs from the branch"); outOfStep.append(path)
            }
        }
        for path in staged.keys.sorted() where committed[path] == nil && !onDisk.contains(path) {
            report(path, "index entry for a file the branch does not have"); outOfStep.append(path)
        }
    }

    /// Blob ids of every file of the desk at the tip, by repository path.
    private func committedFiles() throws -> [String: ObjectID] {
        guard let tree = try deskTree() else { return [:] }
        var files: [String: ObjectID] = [:]
        func walk(_ tree: Tree, _ prefix: String) throws {
            for entry in tree.entries {
                let path = join(prefix, entry.name)
                switch entry.kind {
                case .blob: files[path] = entry.id
                case .tree: try walk(try snapshot.repository.tree(entry.id), path)
                case .other: continue
                }
            }
        }
        try gitCall { try walk(tree, layout.deskPath) }
        return files
    }

    mutating func repair() throws {
        try store.finishInterruptedWrite()
        try store.syncWithBranch(outOfStep)
        for path in leftovers { try? FileManager.default.removeItem(atPath: (store.repository.workingDirectory ?? "") + path) }
        let fixable = Set(outOfStep + leftovers + [WriteJournal(gitDirectory: store.repository.gitDirectory).path])
        for index in problems.indices where fixable.contains(problems[index].path) {
            problems[index].repaired = true
        }
    }

    private func deskTree() throws -> Tree? {
        layout.deskPath.isEmpty ? snapshot.rootTree : try snapshot.rootTree?.subtree(atPath: layout.deskPath)
    }

    private func isInDesk(_ path: String) -> Bool {
        layout.deskPath.isEmpty || path.hasPrefix(layout.deskPath + "/")
    }

    private func join(_ prefix: String, _ name: String) -> String {
        prefix.isEmpty ? name : prefix + "/" + name
    }
}
