import Foundation
import GitKit
import TestSupport
import Testing

@Suite("Walking history newest first, like git rev-list")
struct RevisionWalkTests {
    /// A linear history of `count` CLI commits, one minute apart; returns their ids oldest first.
    func linearHistory(_ fixture: GitFixture, count: Int) throws -> [String] {
        try (0..<count).map { number in
            try fixture.commit(["log.txt": "entry \(number)\n"], message: "entry \(number)",
                               timestamp: 1_700_000_000 + 60 * number)
        }
    }

    func revList(_ fixture: GitFixture, _ arguments: String...) throws -> [String] {
        try ProcessRunner.git(["rev-list"] + arguments, in: fixture.url).split(separator: "\n").map(String.init)
    }

    @Test("a walk from HEAD returns every commit newest first, exactly as git rev-list HEAD")
    func linearWalkMatchesRevList() throws {
        let fixture = try GitFixture(label: "gitkit-walk")
        let commits = try linearHistory(fixture, count: 6)
        let repository = try fixture.open()

        let walked = try repository.walk(from: try objectID(commits.last!)).all().map(\.hex)

        #expect(walked == (try revList(fixture, "HEAD")))
        #expect(walked == commits.reversed())
    }

    @Test("commits made within the same second still come out newest first")
    func sameSecondCommits() throws {
        let fixture = try GitFixture(label: "gitkit-walk-same-second")
        let commits = try (0..<5).map { number in
            try fixture.commit(["f.txt": "\(number)\n"], message: "same second \(number)", timestamp: 1_700_000_000)
        }

        let walked = try fixture.open().walk(from: try objectID(commits.last!)).all().map(\.hex)

        #expect(walked == commits.reversed())
        #expect(walked == (try revList(fixture, "--topo-order", "HEAD")))
    }

    @Test("a walk from an older commit stops at the root and skips newer commits")
    func walkFromTheMiddle() throws {
        let fixture = try GitFixture(label: "gitkit-walk-middle")
        let commits = try linearHistory(fixture, count: 5)

        let walked = try fixture.open().walk(from: try objectID(commits[2])).all().map(\.hex)

        #expect(walked == [commits[2], commits[1], commits[0]])
        #expect(walked == (try revList(fixture, commits[2])))
    }

    @Test("a walk from a root commit yields just that commit, and then stays finished")
    func walkFromRoot() throws {
        let fixture = try GitFixture(label: "gitkit-walk-root")
        let root = try fixture.commit(["a.txt": "a\n"], message: "root")

        let walk = try fixture.open().walk(from: try objectID(root))

        #expect(try walk.next()?.hex == root)
        #expect(try walk.next() == nil)
        #expect(try walk.next() == nil)
    }

    @Test("a walk through a merge visits every reachable commit once, newest first like git rev-list")
    func walkThroughMerge() throws {
        let fixture = try GitFixture(label: "gitkit-walk-merge")
        let root = try fixture.commit(["a.txt": "a\n"], message: "root", timestamp: 1_700_000_000)
        let main1 = try fixture.commit(["m.txt": "m\n"], message: "main 1", timestamp: 1_700_000_200)
        try fixture.git("switch", "-q", "-c", "side", root)
        let side1 = try fixture.commit(["s.txt": "s\n"], message: "side 1", timestamp: 1_700_000_100)
        try fixture.git("switch", "-q", "main")
        try fixture.gitWith(environment: ["GIT_AUTHOR_DATE": "1700000300 +0000",
                                          "GIT_COMMITTER_DATE": "1700000300 +0000"],
                            "merge", "-q", "--no-ff", "--no-edit", "side")
        let merge = try fixture.line("rev-parse", "HEAD")

        let walked = try fixture.open().walk(from: try objectID(merge)).all().map(\.hex)

        #expect(Set(walked) == Set(try revList(fixture, "HEAD")))
        #expect(walked.count == 4)
        #expect(walked.first == merge)
        #expect(walked.last == root)
        // Newest first by commit date, as plain `git rev-list` orders them (main 1 is newer than side 1).
        #expect(walked == (try revList(fixture, "HEAD")))
        #expect(walked == [merge, main1, side1, root])
    }

    @Test("a walk from a libgit2 commit chain agrees with git rev-list")
    func walkOverLibgit2Commits() throws {
        let folder = try TemporaryDirectory("gitkit-walk-lib")
        let repository = try Repository.create(at: folder.path, bare: true)
        let git = try GitFixture(existing: folder, at: folder.url)
        var parent: ObjectID?
        for number in 0..<4 {
            let blob = try repository.writeBlob(Data("\(number)\n".utf8))
            let tree = try repository.updatedTree(from: parent.map { try repository.commit($0).treeID },
                                                  applying: [.upsertBlob(path: "n.txt", id: blob)])
            let who = signature("Walker", "walk@example.org", at: TimeInterval(1_700_000_000 + number))
            let commit = try repository.createCommit(tree: tree, parents: parent.map { [$0] } ?? [],
                                                     author: who, committer: who, message: "n = \(number)")
            try repository.updateReference("refs/heads/main", to: commit, expecting: parent, logMessage: "n")
            parent = commit
        }

        let walked = try repository.walk(from: try #require(parent)).all().map(\.hex)

        #expect(walked == (try revList(git, "main")))
        #expect(walked.count == 4)
    }

    @Test("starting a walk from an id that is not a commit throws a GitError")
    func walkFromTreeThrows() throws {
        let fixture = try GitFixture(label: "gitkit-walk-tree")
        try fixture.commit(["a.txt": "a\n"], message: "root")
        let tree = try objectID(fixture.line("rev-parse", "HEAD^{tree}"))

        #expect(throws: GitError.self) { try fixture.open().walk(from: tree) }
    }

    @Test("a commit missing from the object database makes the walk throw, not end quietly")
    func missingCommitThrows() throws {
        let fixture = try GitFixture(label: "gitkit-walk-broken")
        _ = try fixture.commit(["a.txt": "a\n"], message: "first")
        _ = try fixture.commit(["b.txt": "b\n"], message: "second")
        _ = try fixture.commit(["c.txt": "c\n"], message: "third")
        let middle = try fixture.line("rev-parse", "HEAD~1")
        let loose = fixture.url.appendingPathComponent(".git/objects/\(middle.prefix(2))/\(middle.dropFirst(2))")
        try FileManager.default.removeItem(at: loose)
        let walk = try fixture.open().walk(from: try objectID(fixture.line("rev-parse", "HEAD")))
        #expect(throws: GitError.self) { try walk.all() }
    }
}
