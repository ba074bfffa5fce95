import Foundation
import GitKit
import TestSupport
import Testing

/// How git wrote the index before `IndexFile` rewrites it.
struct IndexShape: Sendable, CustomTestStringConvertible {
    let version: Int
    /// With a skip-worktree entry and an intent-to-add (`git add -N`) entry, which need extended flags.
    let extendedFlags: Bool

    var testDescription: String { "version \(version)\(extendedFlags ? ", skip-worktree and intent-to-add entries" : "")" }
}

@Suite("IndexFile: staging by rewriting .git/index, checked with git against git add")
struct IndexFileTests {
    static let longName = "long/" + String(repeating: "y", count: 200) + ".json"

    /// A committed repository (so the index has a cache tree) whose index git then rewrote in
    /// `shape`. Paths sort around each other (`a-b`, `a.b`, `a/…`, `a0`), are nested, long (~200
    /// bytes) or not ASCII.
    func seeded(_ label: String, shape: IndexShape = IndexShape(version: 4, extendedFlags: false)) throws -> GitFixture {
        let fixture = try GitFixture(label: label)
        try fixture.git("config", "core.quotePath", "false")
        try fixture.commit([
            "a-b": "alpha-beta\n", "a0": "a zero\n", "a.b": "alpha.beta\n", "a/b": "a slash b\n",
            "a/c/d.json": "{\"d\": 1}\n", "articles/2024/steel.json": "{\"steel\": 1}\n",
            "articles/2024/wheat.json": "{\"wheat\": 1}\n", "articles/2025/rice.json": "{\"rice\": 1}\n",
            "long/" + String(repeating: "x", count: 200) + ".json": "long\n", "notes/é/üñí.txt": "unicode\n",
            "zz/keep.txt": "keep\n",
        ], message: "seed")
        try fixture.git("update-index", "--index-version", String(shape.version))
        if shape.extendedFlags {
            try fixture.git("update-index", "--skip-worktree", "zz/keep.txt")
            try fixture.write("intent\n", to: "ita.txt")
            try fixture.git("add", "-N", "ita.txt")
        }
        let written = try IndexDump(fixture)
        // Git writes version 3 instead of 2 when an entry has extended flags.
        #expect(written.version == (shape.version == 2 && shape.extendedFlags ? 3 : shape.version))
        #expect(written.extensions["TREE"] != nil, "git commit leaves a cache tree")
        return fixture
    }

    @Test("staged paths, cache tree and stat data match git add and git rm --cached, over three updates and a commit",
          arguments: [IndexShape(version: 2, extendedFlags: false), IndexShape(version: 3, extendedFlags: true),
                      IndexShape(version: 4, extendedFlags: true), IndexShape(version: 4, extendedFlags: false)])
    func matchesGitAdd(shape: IndexShape) throws {
        let twins = try StagingTwins(try seeded("gitkit-indexfile-v\(shape.version)", shape: shape))

        try twins.change([
            "a/b": "a slash b, revised\n", "a-b": "alpha-beta, revised\n", "a.b": nil, "a/c/e.json": "{\"e\": 1}\n",
            "articles/2025/rice.json": nil, Self.longName: "longer\n", "new/deep/folder/file.json": "{\"new\": true}\n",
            "notes/é/ñew.txt": "nuevo\n",
        ])
        var staged = ["M\ta-b", "D\ta.b", "M\ta/b", "A\ta/c/e.json", "D\tarticles/2025/rice.json", "A\t\(Self.longName)",
                      "A\tnew/deep/folder/file.json", "A\tnotes/é/ñew.txt"]
        try twins.expectSameIndex(staged: staged)

        var second: [String: String?] = ["a0": "a zero, revised\n", "a.b": "alpha.beta is back\n", "notes/é/üñí.txt": nil,
                                         "new/deep/folder/file.json": "{\"new\": false}\n"]
        if shape.extendedFlags { second["ita.txt"] = "intent, staged for real\n" }
        try twins.change(second)
        staged = ["M\ta-b", "M\ta.b", "M\ta/b", "A\ta/c/e.json", "M\ta0", "D\tarticles/2025/rice.json",
                  "A\t\(Self.longName)", "A\tnew/deep/folder/file.json", "A\tnotes/é/ñew.txt", "D\tnotes/é/üñí.txt"]
        if shape.extendedFlags { staged.insert("A\tita.txt", at: 6) }
        try twins.expectSameIndex(staged: staged)

        let commits = try [twins.desk, twins.twin].map { fixture in
            try fixture.gitWith(environment: ["GIT_AUTHOR_DATE": "1700000100 +0000", "GIT_COMMITTER_DATE": "1700000100 +0000"],
                                "commit", "-q", "-m", "Second round")
            return try fixture.line("rev-parse", "HEAD")
        }
        #expect(commits[0] == commits[1], "git commit records the same tree and metadata in both")
        #expect(try twins.desk.git("status", "--porcelain") == (try twins.twin.git("status", "--porcelain")))

        try twins.change(["articles/2024/steel.json": "{\"steel\": 2}\n", "b/c.txt": "a folder after a commit\n",
                          "a/c/e.json": nil])
        try twins.expectSameIndex(staged: ["D\ta/c/e.json", "M\tarticles/2024/steel.json", "A\tb/c.txt"])
    }

    @Test("a file replacing a folder, and a folder replacing a file, drop the entries they replace, as git add does")
    func fileAndFolderSwapPlaces() throws {
        let twins = try StagingTwins(try seeded("gitkit-indexfile-swap"))
        for fixture in [twins.desk, twins.twin] {
            try FileManager.default.removeItem(at: fixture.url.appendingPathComponent("a"))
            try FileManager.default.removeItem(at: fixture.url.appendingPathComponent("a.b"))
        }

        try twins.change(["a": "a file where a folder was\n", "a.b/x.txt": "a.b is a folder now\n"])

        try twins.expectSameIndex(staged: ["A\ta", "D\ta.b", "A\ta.b/x.txt", "D\ta/b", "D\ta/c/d.json"])
        try twins.desk.write("one\n", to: "c")
        let id = try objectID(twins.desk.line("hash-object", "-w", "c"))
        let error = #expect(throws: IndexFileError.self) {
            try twins.indexFile.update([.upsert(path: "c", id: id), .upsert(path: "c/d", id: id)])
        }
        guard case .unsupported(let message)? = error else { throw TestFailure("expected unsupported, got \(String(describing: error))") }
        #expect(message.contains("both a file and a folder"))
    }

    @Test("the untracked cache and the end-of-entries offsets are dropped, the untracked files still listed right")
    func dropsExtensionsThatWouldBeWrong() throws {
        let fixture = try seeded("gitkit-indexfile-untracked")
        try fixture.git("config", "index.recordEndOfIndexEntries", "true")
        try fixture.write("not tracked\n", to: "drafts/scratch.txt")
        try fixture.git("update-index", "--untracked-cache")
        try fixture.git("status", "--porcelain")
        let before = try IndexDump(fixture)
        #expect(before.extensions["UNTR"] != nil)
        #expect(before.extensions["EOIE"] != nil)
        let twins = try StagingTwins(fixture)

        try twins.change(["drafts/kept.txt": "now tracked\n", "a/b": nil])

        try twins.expectSameIndex(staged: ["D\ta/b", "A\tdrafts/kept.txt"])
        #expect(try twins.desk.git("status", "--porcelain", "--untracked-files=all")
                == "D  a/b\nA  drafts/kept.txt\n?? drafts/scratch.txt\n")
    }

    @Test("resolve-undo data and the stages of an unmerged path are kept; staging the unmerged path is refused")
    func keepsConflictsAndResolveUndo() throws {
        let fixture = try seeded("gitkit-indexfile-conflict")
        try fixture.git("checkout", "-q", "-b", "side")
        try fixture.commit(["a/b": "side\n", "a-b": "side\n"], message: "side")
        try fixture.git("checkout", "-q", "main")
        try fixture.commit(["a/b": "main\n", "a-b": "main\n"], message: "main")
        #expect(try fixture.attempt("merge", "-q", "side").status != 0, "the merge conflicts")
        try fixture.write("resolved\n", to: "a-b")
        try fixture.git("add", "a-b")
        #expect(try fixture.git("ls-files", "--resolve-undo").contains("\ta-b\n"))
        let twins = try StagingTwins(fixture)
        let indexBefore = try Data(contentsOf: twins.desk.url.appendingPathComponent(".git/index"))

        let refusal = #expect(throws: IndexFileError.self) {
            try twins.indexFile.update([.upsert(path: "a/b", id: try objectID(twins.desk.line("hash-object", "-w", "a/b")))])
        }
        guard case .unsupported(let message)? = refusal else { throw TestFailure("expected unsupported, got \(String(describing: refusal))") }
        #expect(message.contains("unmerged"))
        #expect(try Data(contentsOf: twins.desk.url.appendingPathComponent(".git/index")) == indexBefore)

        try twins.change(["notes/merge.txt": "written during the merge\n"])

        try twins.expectSameIndex(staged: ["M\ta-b", "A\tnotes/merge.txt"], unmerged: true)
        #expect(try twins.desk.git("ls-files", "--resolve-undo") == (try twins.twin.git("ls-files", "--resolve-undo")))
        #expect(try twins.desk.line("ls-files", "--stage", "a/b").split(separator: "\n").count == 3, "stages 1, 2 and 3")
        try twins.desk.git("update-index", "--unresolve", "a-b")
        #expect(try twins.desk.line("ls-files", "--stage", "a-b").split(separator: "\n").count == 3,
                "git brings the conflict back from the resolve-undo data")
    }

    @Test("a racily clean entry, changed in the second the index was written, is smudged so git still sees the change")
    func smudgesRacilyCleanEntries() throws {
        let fixture = try seeded("gitkit-indexfile-racy")
        // Only mtime and size then tell git that a file changed: the case racy git is about.
        try fixture.git("config", "core.trustctime", "false")
        let repository = try fixture.open()
        let indexFile = IndexFile(gitDirectory: repository.gitDirectory, workingDirectory: repository.workingDirectory!)
        let past = Int(Date().timeIntervalSince1970) - 100
        var changes: [IndexChange] = []
        for (name, text) in ["racy.txt": "one\n", "calm.txt": "calm\n"] {
            try fixture.write(text, to: name)
            try setModified(fixture, name, seconds: past)
            changes.append(.upsert(path: name, id: try repository.writeBlob(Data(text.utf8))))
        }
        try indexFile.update(changes)
        // The index was written in the same second as both files: their entries are racily clean.
        try setModified(fixture, ".git/index", seconds: past)
        // Rewritten in place (same inode, same size, same mtime): stat data cannot tell.
        let handle = try FileHandle(forWritingTo: fixture.url.appendingPathComponent("racy.txt"))
        try handle.write(contentsOf: Data("two\n".utf8))
        try handle.close()
        try setModified(fixture, "racy.txt", seconds: past)
        #expect(try recordedSize(fixture, "racy.txt") == 4)

        try fixture.write("later\n", to: "other.txt")
        try indexFile.update([.upsert(path: "other.txt", id: try repository.writeBlob(Data("later\n".utf8)))])

        #expect(try recordedSize(fixture, "racy.txt") == 0, "smudged: its content differs from the entry")
        #expect(try recordedSize(fixture, "calm.txt") == 5, "unchanged content: kept as it was")
        #expect(try fixture.git("status", "--porcelain") == "A  calm.txt\nA  other.txt\nAM racy.txt\n")
    }

    @Test("an index whose checksum does not match is refused as corrupt and left as it was")
    func refusesBadChecksum() throws {
        let fixture = try seeded("gitkit-indexfile-checksum")
        let indexURL = fixture.url.appendingPathComponent(".git/index")
        var bytes = try Data(contentsOf: indexURL)
        bytes[12 + 39] ^= 0x01  // the first entry's size
        try bytes.write(to: indexURL)
        try fixture.write("x\n", to: "x.txt")

        let error = #expect(throws: IndexFileError.self) {
            try IndexFile(gitDirectory: fixture.path + "/.git", workingDirectory: fixture.path)
                .update([.upsert(path: "x.txt", id: try objectID(fixture.line("hash-object", "-w", "x.txt")))])
        }

        guard case .corrupt(let message)? = error else { throw TestFailure("expected corrupt, got \(String(describing: error))") }
        #expect(message.contains("checksum"))
        #expect(try Data(contentsOf: indexURL) == bytes)
        #expect(!FileManager.default.fileExists(atPath: indexURL.path + ".lock"))
        #expect(try fixture.attempt("fsck").stderr.contains("bad index file sha1 signature"), "git fsck finds it too")
    }

    @Test("a held index.lock is reported as locked, and neither the lock nor the index is touched")
    func reportsHeldLock() throws {
        let fixture = try seeded("gitkit-indexfile-lock")
        let indexURL = fixture.url.appendingPathComponent(".git/index")
        let before = try Data(contentsOf: indexURL)
        try fixture.folder.write("held by another git\n", to: ".git/index.lock")
        try fixture.write("x\n", to: "x.txt")

        let error = #expect(throws: IndexFileError.self) {
            try IndexFile(gitDirectory: fixture.path + "/.git", workingDirectory: fixture.path)
                .update([.upsert(path: "x.txt", id: try objectID(fixture.line("hash-object", "-w", "x.txt")))])
        }

        guard case .locked(let message)? = error else { throw TestFailure("expected locked, got \(String(describing: error))") }
        #expect(message.contains("index.lock"))
        #expect(try String(contentsOf: indexURL.appendingPathExtension("lock"), encoding: .utf8) == "held by another git\n")
        #expect(try Data(contentsOf: indexURL) == before)
    }

    @Test("a split index, an unknown version and a missing index are refused as unsupported, for libgit2 to handle")
    func refusesWhatItDoesNotHandle() throws {
        let split = try seeded("gitkit-indexfile-split")
        try split.git("update-index", "--split-index")
        try expectUnsupported(in: split, mentioning: "split index")

        let version5 = try seeded("gitkit-indexfile-v5")
        try rewriteVersion(of: version5, to: 5)
        try expectUnsupported(in: version5, mentioning: "version 5")

        let fresh = try GitFixture(label: "gitkit-indexfile-fresh")
        try expectUnsupported(in: fresh, mentioning: "no index file")
        #expect(!FileManager.default.fileExists(atPath: fresh.path + "/.git/index"))
    }

    @Test("SHA1 streams: pieces hash as the whole, known digests, and restarts after finalize")
    func sha1() throws {
        let hasher = try SHA1()
        try Array("ab".utf8).withUnsafeBytes { try hasher.update($0) }
        try Array("c".utf8).withUnsafeBytes { try hasher.update($0) }
        #expect(try hex(hasher.finalize()) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(try hex(hasher.finalize()) == "da39a3ee5e6b4b0d3255bfef95601890afd80709", "the empty input")
    }

    // MARK: Helpers

    /// Checks that `update` refuses with `unsupported` naming `detail`, leaving no lock and the index as it was.
    func expectUnsupported(in fixture: GitFixture, mentioning detail: String) throws {
        let indexURL = fixture.url.appendingPathComponent(".git/index")
        let before = try? Data(contentsOf: indexURL)
        try fixture.write("x\n", to: "x.txt")
        let error = #expect(throws: IndexFileError.self) {
            try IndexFile(gitDirectory: fixture.path + "/.git", workingDirectory: fixture.path)
                .update([.upsert(path: "x.txt", id: try objectID(fixture.line("hash-object", "-w", "x.txt")))])
        }
        guard case .unsupported(let message)? = error else { throw TestFailure("expected unsupported, got \(String(describing: error))") }
        #expect(message.contains(detail), "\(message)")
        #expect((try? Data(contentsOf: indexURL)) == before)
        #expect(!FileManager.default.fileExists(atPath: indexURL.path + ".lock"))
    }

    /// Sets the version field of the fixture's index and its checksum to match.
    func rewriteVersion(of fixture: GitFixture, to version: UInt8) throws {
        let indexURL = fixture.url.appendingPathComponent(".git/index")
        var bytes = [UInt8](try Data(contentsOf: indexURL).dropLast(20))
        bytes[7] = version
        let hasher = try SHA1()
        try bytes.withUnsafeBytes { try hasher.update($0) }
        try Data(bytes + hasher.finalize()).write(to: indexURL)
    }

    func setModified(_ fixture: GitFixture, _ path: String, seconds: Int) throws {
        try ProcessRunner.run("/usr/bin/touch", ["-m", "-d", "@\(seconds)", path], in: fixture.url)
    }

    /// The size git's index records for `path` (`git ls-files --debug`, which does not refresh the index).
    func recordedSize(_ fixture: GitFixture, _ path: String) throws -> Int? {
        let debug = try fixture.git("ls-files", "--debug", "--", path)
        return debug.split(separator: "\n").first { $0.contains("size: ") }
            .flatMap { Int($0.split(separator: "size: ")[1].split(separator: "\t")[0]) }
    }

    func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}

/// A repository and a copy of it: each change is staged with `IndexFile` in `desk` and with
/// `git add` / `git rm --cached` in `twin`; git must then see the same index in both.
final class StagingTwins {
    let desk: GitFixture
    let twin: GitFixture
    let indexFile: IndexFile

    init(_ desk: GitFixture) throws {
        self.desk = desk
        let folder = try TemporaryDirectory("gitkit-indexfile-twin")
        let copy = try ProcessRunner.run("/bin/cp", ["-a", desk.path + "/.", folder.path])
        guard copy.status == 0 else { throw TestFailure("cp failed: \(copy.stderr)") }
        twin = try GitFixture(existing: folder, at: folder.url)
        let repository = try desk.open()
        indexFile = IndexFile(gitDirectory: repository.gitDirectory, workingDirectory: repository.workingDirectory!)
    }

    /// Writes (text) or deletes (nil) `files` in both working trees, then stages exactly those paths.
    func change(_ files: [String: String?]) throws {
        let repository = try desk.open()
        var changes: [IndexChange] = []
        var added: [String] = [], removed: [String] = []
        for (path, text) in files {
            for fixture in [desk, twin] {
                let url = fixture.url.appendingPathComponent(path)
                if let text { try fixture.write(text, to: path) } else { try FileManager.default.removeItem(at: url) }
            }
            if let text {
                changes.append(.upsert(path: path, id: try repository.writeBlob(Data(text.utf8))))
                added.append(path)
            } else {
                changes.append(.remove(path: path))
                removed.append(path)
            }
        }
        try indexFile.update(changes)
        if !added.isEmpty { try ProcessRunner.git(["add", "--"] + added, in: twin.url) }
        if !removed.isEmpty { try ProcessRunner.git(["rm", "-q", "--cached", "--"] + removed, in: twin.url) }
    }

    /// Checks that git sees the same index in both, that `desk`'s is version 4 with git's cache
    /// tree, and that `staged` ("M\tpath", ...) is exactly what it stages against HEAD.
    func expectSameIndex(staged: [String], unmerged: Bool = false,
                         sourceLocation: SourceLocation = #_sourceLocation) throws {
        // First, before any git command rewrites either index.
        try twin.git("update-index", "--index-version", "4")
        let deskIndex = try IndexDump(desk), twinIndex = try IndexDump(twin)
        #expect(deskIndex.version == 4, sourceLocation: sourceLocation)
        #expect(Set(deskIndex.extensions.keys).isSubset(of: ["TREE", "REUC"]), sourceLocation: sourceLocation)
        #expect(deskIndex.extensions["TREE"] != nil, sourceLocation: sourceLocation)
        #expect(deskIndex.extensions["TREE"] == twinIndex.extensions["TREE"], "the cache tree git add leaves",
                sourceLocation: sourceLocation)
        #expect(deskIndex.extensions["REUC"] == twinIndex.extensions["REUC"], sourceLocation: sourceLocation)
        // The stat data recorded makes the files clean without a refresh, as git's own does.
        _ = try twin.attempt("update-index", "-q", "--refresh", "--unmerged")
        #expect(try desk.git("diff-files", "--name-status") == (try twin.git("diff-files", "--name-status")),
                sourceLocation: sourceLocation)

        #expect(try desk.git("ls-files", "--stage", "-t") == (try twin.git("ls-files", "--stage", "-t")),
                sourceLocation: sourceLocation)
        let stagedLines = try desk.git("diff", "--cached", "--no-renames", "--name-status")
            .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("U\t") }
        #expect(stagedLines == staged, sourceLocation: sourceLocation)
        #expect(try twin.git("diff", "--cached", "--no-renames", "--name-status")
                .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("U\t") } == staged,
                sourceLocation: sourceLocation)
        #expect(try desk.git("status", "--porcelain", "--untracked-files=all")
                == (try twin.git("status", "--porcelain", "--untracked-files=all")), sourceLocation: sourceLocation)
        #expect(try desk.attempt("fsck", "--strict").status == 0, sourceLocation: sourceLocation)
        if !unmerged {
            #expect(try desk.line("write-tree") == (try twin.line("write-tree")), sourceLocation: sourceLocation)
            // libgit2, which the rest of GitKit reads the index with, sees the same entries.
            let libgit2 = try desk.open().index().entries.map { "\($0.id) \($0.path)\n" }.joined()
            #expect(libgit2 == (try desk.git("ls-files", "--format=%(objectname) %(path)")), sourceLocation: sourceLocation)
        }
    }
}

/// An index file's version and extensions, found by walking its entries (versions 2 to 4) here,
/// independently of GitKit.
struct IndexDump {
    let version: Int
    let extensions: [String: [UInt8]]

    init(_ fixture: GitFixture) throws {
        let bytes = [UInt8](try Data(contentsOf: fixture.url.appendingPathComponent(".git/index")))
        func number(_ offset: Int, _ width: Int) -> Int {
            bytes[offset..<offset + width].reduce(0) { $0 << 8 | Int($1) }
        }
        version = number(4, 4)
        var offset = 12
        for _ in 0..<number(8, 4) {
            var path = offset + 62 + (number(offset + 60, 2) & 0x4000 != 0 ? 2 : 0)
            if version == 4 {
                while bytes[path] & 0x80 != 0 { path += 1 }
                path += 1
            }
            guard let end = bytes[path...].firstIndex(of: 0) else { throw TestFailure("an index path has no NUL") }
            offset = version == 4 ? end + 1 : offset + ((end - offset + 8) & ~7)
        }
        var extensions: [String: [UInt8]] = [:]
        while offset < bytes.count - 20 {
            let size = number(offset + 4, 4)
            extensions[String(decoding: bytes[offset..<offset + 4], as: UTF8.self)] = Array(bytes[offset + 8..<offset + 8 + size])
            offset += 8 + size
        }
        self.extensions = extensions
    }
}
