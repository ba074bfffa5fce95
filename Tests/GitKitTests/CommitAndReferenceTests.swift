import Foundation
import GitKit
import TestSupport
import Testing

@Suite("Writing commits and moving branches with compare-and-swap")
struct CommitAndReferenceTests {
    let author = signature("José Núñez", "jose.nunez@example.org", at: 1_700_000_000, offsetMinutes: 60)
    let committer = signature("Zoë Ångström", "zoe@example.org", at: 1_700_000_100, offsetMinutes: -300)

    /// A repository made by `Repository.create`, with one libgit2 commit on `main`.
    struct Seeded {
        let fixture: GitFixture
        let repository: Repository
        let first: ObjectID
        let tree: ObjectID
    }

    func seeded(_ label: String) throws -> Seeded {
        let folder = try TemporaryDirectory(label)
        let repository = try Repository.create(at: folder.path, bare: false)
        let fixture = try GitFixture(existing: folder, at: folder.url)
        let blob = try repository.writeBlob(Data("{\"title\": \"Acier\"}\n".utf8))
        let tree = try repository.updatedTree(from: nil, applying: [.upsertBlob(path: "articles/steel.json", id: blob)])
        let first = try repository.createCommit(tree: tree, parents: [], author: author, committer: committer,
                                                message: "Add the steel article\n")
        try repository.updateReference("refs/heads/main", to: first, expecting: nil, logMessage: "seed: first")
        return Seeded(fixture: fixture, repository: repository, first: first, tree: tree)
    }

    /// A child commit of `parent` that adds one file.
    func child(of parent: ObjectID, in repository: Repository, file: String, message: String) throws -> ObjectID {
        let base = try repository.commit(parent).treeID
        let blob = try repository.writeBlob(Data("\(file)\n".utf8))
        let tree = try repository.updatedTree(from: base, applying: [.upsertBlob(path: file, id: blob)])
        return try repository.createCommit(tree: tree, parents: [parent], author: author, committer: committer,
                                           message: message)
    }

    @Test("a commit with accented names reads back the same through git log, and fsck --strict is clean")
    func accentedSignaturesAndFsck() throws {
        let seeded = try seeded("gitkit-commit")
        let git = seeded.fixture

        #expect(try git.line("log", "-1", "--format=%an|%ae|%s") == "José Núñez|jose.nunez@example.org|Add the steel article")
        #expect(try git.line("log", "-1", "--format=%cn|%ce") == "Zoë Ångström|zoe@example.org")
        #expect(try git.line("log", "-1", "--format=%at %ai") == "1700000000 2023-11-14 23:13:20 +0100")
        #expect(try git.line("log", "-1", "--format=%ct %ci") == "1700000100 2023-11-14 17:15:00 -0500")
        #expect(try git.line("rev-parse", "main") == seeded.first.hex)
        #expect(try git.line("rev-parse", "HEAD^{tree}") == seeded.tree.hex)
        #expect(try git.line("rev-list", "--count", "main") == "1")

        let fsck = try git.attempt("fsck", "--strict", "--no-dangling")
        #expect(fsck.status == 0)
        #expect(fsck.stdout.isEmpty, "fsck reported: \(fsck.stdout)")
        #expect(!fsck.stderr.contains("error") && !fsck.stderr.contains("warning"), "fsck reported: \(fsck.stderr)")
    }

    @Test("createCommit writes the object without moving any branch")
    func createCommitMovesNothing() throws {
        let seeded = try seeded("gitkit-commit-nomove")
        let second = try child(of: seeded.first, in: seeded.repository, file: "b.txt", message: "second")

        #expect(try seeded.fixture.line("cat-file", "-t", second.hex) == "commit")
        #expect(try seeded.fixture.line("rev-parse", "main") == seeded.first.hex)
        #expect(try seeded.repository.resolve(reference: "refs/heads/main") == seeded.first)
    }

    @Test("updateReference with the right expected id moves the branch, and the reflog records the message")
    func updateWithExpectedMoves() throws {
        let seeded = try seeded("gitkit-ref-move")
        let second = try child(of: seeded.first, in: seeded.repository, file: "b.txt", message: "Add b")

        try seeded.repository.updateReference("refs/heads/main", to: second, expecting: seeded.first,
                                              logMessage: "factdesk: add b")

        let git = seeded.fixture
        #expect(try git.line("rev-parse", "main") == second.hex)
        #expect(try git.line("rev-parse", "main^") == seeded.first.hex)
        #expect(try git.line("log", "--format=%s", "main") == "Add b\nAdd the steel article")
        #expect(try git.line("reflog", "show", "-1", "--format=%gs", "refs/heads/main") == "factdesk: add b")
        #expect(try seeded.repository.resolve(reference: "refs/heads/main") == second)
        #expect(try git.attempt("fsck", "--strict").status == 0)
    }

    @Test("updateReference with a stale expected id throws a lost race and leaves the branch alone")
    func staleExpectedLosesRace() throws {
        let seeded = try seeded("gitkit-ref-stale")
        let repository = seeded.repository
        let second = try child(of: seeded.first, in: repository, file: "b.txt", message: "second")
        try repository.updateReference("refs/heads/main", to: second, expecting: seeded.first, logMessage: "second")
        let third = try child(of: seeded.first, in: repository, file: "c.txt", message: "third, from a stale read")

        let error = try #require(throws: GitError.self) {
            try repository.updateReference("refs/heads/main", to: third, expecting: seeded.first, logMessage: "third")
        }

        #expect(error.isLostRace)
        #expect(error.isModified)
        #expect(!error.message.isEmpty)
        #expect(try seeded.fixture.line("rev-parse", "main") == second.hex)
        #expect(try repository.resolve(reference: "refs/heads/main") == second)
    }

    @Test("two handles on one repository: the slower writer loses the race")
    func twoWritersRace() throws {
        let seeded = try seeded("gitkit-ref-race")
        let alice = try seeded.fixture.open()
        let bob = try seeded.fixture.open()
        let readByBoth = try #require(try alice.resolve(reference: "refs/heads/main"))
        #expect(try bob.resolve(reference: "refs/heads/main") == readByBoth)

        let aliceCommit = try child(of: readByBoth, in: alice, file: "alice.txt", message: "alice")
        let bobCommit = try child(of: readByBoth, in: bob, file: "bob.txt", message: "bob")
        try alice.updateReference("refs/heads/main", to: aliceCommit, expecting: readByBoth, logMessage: "alice")

        let error = try #require(throws: GitError.self) {
            try bob.updateReference("refs/heads/main", to: bobCommit, expecting: readByBoth, logMessage: "bob")
        }
        #expect(error.isLostRace)
        #expect(try seeded.fixture.line("rev-parse", "main") == aliceCommit.hex)
    }

    @Test("a branch moved by the git CLI makes a libgit2 compare-and-swap lose")
    func cliMoveMakesSwapLose() throws {
        let seeded = try seeded("gitkit-ref-cli")
        let git = seeded.fixture
        try git.git("reset", "-q", "--hard")  // fill the empty working tree from main
        let cliCommit = try git.commit(["cli.txt": "from the CLI\n"], message: "cli commit")
        let libgit2Commit = try child(of: seeded.first, in: seeded.repository, file: "lib.txt", message: "lib commit")

        let error = try #require(throws: GitError.self) {
            try seeded.repository.updateReference("refs/heads/main", to: libgit2Commit, expecting: seeded.first,
                                                  logMessage: "lib")
        }
        #expect(error.isLostRace)
        #expect(try git.line("rev-parse", "main") == cliCommit)
    }

    @Test("creating a branch that already exists, expecting none, throws a lost race")
    func createExistingLosesRace() throws {
        let seeded = try seeded("gitkit-ref-exists")
        let second = try child(of: seeded.first, in: seeded.repository, file: "b.txt", message: "second")

        let error = try #require(throws: GitError.self) {
            try seeded.repository.updateReference("refs/heads/main", to: second, expecting: nil, logMessage: "again")
        }

        #expect(error.isLostRace)
        #expect(error.isExists)
        #expect(try seeded.fixture.line("rev-parse", "main") == seeded.first.hex)
    }

    @Test("expecting an id on a branch someone deleted throws, recreates nothing, and counts as a lost race")
    func deletedBranchLosesRace() throws {
        let seeded = try seeded("gitkit-ref-deleted")
        try seeded.fixture.git("branch", "doomed", seeded.first.hex)
        let readBeforeDeletion = try #require(try seeded.repository.resolve(reference: "refs/heads/doomed"))
        try seeded.fixture.git("branch", "-D", "doomed")
        let second = try child(of: seeded.first, in: seeded.repository, file: "b.txt", message: "second")

        let error = try #require(throws: GitError.self) {
            try seeded.repository.updateReference("refs/heads/doomed", to: second, expecting: readBeforeDeletion,
                                                  logMessage: "too late")
        }

        #expect(try seeded.fixture.attempt("rev-parse", "--verify", "--quiet", "refs/heads/doomed").status != 0)
        #expect(error.isLostRace)
    }

    @Test("expecting nil creates a new branch that git sees")
    func createNewBranch() throws {
        let seeded = try seeded("gitkit-ref-new")

        try seeded.repository.updateReference("refs/heads/review/claims", to: seeded.first, expecting: nil,
                                              logMessage: "branch for review")

        #expect(try seeded.fixture.line("rev-parse", "review/claims") == seeded.first.hex)
        #expect(try seeded.fixture.line("for-each-ref", "--format=%(refname)", "refs/heads/")
                == "refs/heads/main\nrefs/heads/review/claims")
    }

    @Test("in a bare repository, commits and branch moves work the same way")
    func bareRepository() throws {
        let folder = try TemporaryDirectory("gitkit-commit-bare")
        let repository = try Repository.create(at: folder.path, bare: true)
        let git = try GitFixture(existing: folder, at: folder.url)
        let blob = try repository.writeBlob(Data("bare\n".utf8))
        let tree = try repository.updatedTree(from: nil, applying: [.upsertBlob(path: "x/y.txt", id: blob)])
        let first = try repository.createCommit(tree: tree, parents: [], author: author, committer: author,
                                                message: "bare first")

        try repository.updateReference("refs/heads/main", to: first, expecting: nil, logMessage: "first")

        #expect(try git.line("log", "-1", "--format=%an|%s", "main") == "José Núñez|bare first")
        #expect(try git.line("show", "main:x/y.txt") == "bare")
        #expect(try repository.head() == .branch("refs/heads/main"))
        #expect(try repository.resolve(reference: "HEAD") == first)
        #expect(try git.attempt("fsck", "--strict").status == 0)
    }

    @Test("a merge commit keeps its parents in the given order")
    func mergeCommitParents() throws {
        let seeded = try seeded("gitkit-commit-merge")
        let repository = seeded.repository
        let left = try child(of: seeded.first, in: repository, file: "left.txt", message: "left")
        let right = try child(of: seeded.first, in: repository, file: "right.txt", message: "right")
        let leftTree = try repository.commit(left).treeID
        let rightBlob = try objectID(seeded.fixture.line("rev-parse", "\(right.hex):right.txt"))
        let mergedTree = try repository.updatedTree(from: leftTree, applying: [.upsertBlob(path: "right.txt", id: rightBlob)])

        let merge = try repository.createCommit(tree: mergedTree, parents: [left, right], author: author,
                                                committer: committer, message: "Merge right into left")

        #expect(try seeded.fixture.line("log", "-1", "--format=%P", merge.hex) == "\(left.hex) \(right.hex)")
        #expect(try repository.commit(merge).parentIDs == [left, right])
    }

    @Test("createCommit with a parent that does not exist throws a GitError")
    func missingParentThrows() throws {
        let seeded = try seeded("gitkit-commit-noparent")
        let ghost = ObjectID.hashing(blob: Array("never written".utf8))

        #expect(throws: GitError.self) {
            try seeded.repository.createCommit(tree: seeded.tree, parents: [ghost], author: author,
                                               committer: committer, message: "orphan")
        }
    }

    @Test("a signature with an empty name is rejected by libgit2 with a GitError")
    func emptyNameRejected() throws {
        let seeded = try seeded("gitkit-commit-badsig")
        let nameless = signature("", "nobody@example.org")

        let error = try #require(throws: GitError.self) {
            try seeded.repository.createCommit(tree: seeded.tree, parents: [], author: nameless,
                                               committer: committer, message: "no name")
        }
        #expect(!error.message.isEmpty)
    }

    @Test("a parent commit too large for libgit2's cache stays alive while its child is written")
    func largeParentCommitsKeepTheirIDs() throws {
        let fixture = try GitFixture(label: "gitkit-large-parents")
        let repository = try fixture.open()
        let who = Signature(name: "Ana Ruiz", email: "ana@example.org", date: Date(timeIntervalSince1970: 1_700_000_000))
        // Commits over 4 KiB are not kept in libgit2's object cache: freeing our handle frees them.
        let longMessage = "update\n\n" + String(repeating: "c-00000000 moved ¶3 120-140 → ¶4 160-180\n", count: 300)
        var parent: ObjectID?
        var chain: [ObjectID] = []
        for round in 0..<20 {
            let tree = try repository.updatedTree(from: nil, applying: [
                .upsertBlob(path: "round.txt", id: try repository.writeBlob(Data("\(round)\n".utf8)))])
            let commit = try repository.createCommit(tree: tree, parents: parent.map { [$0] } ?? [],
                                                     author: who, committer: who, message: longMessage)
            chain.append(commit)
            parent = commit
        }
        try repository.updateReference("refs/heads/main", to: chain.last!, expecting: nil, logMessage: "chain")
        let parents = try fixture.git("rev-list", "--parents", "main").split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(parents.map(\.first) == chain.reversed().map(\.hex))
        for (index, line) in parents.enumerated() where index + 1 < parents.count {
            #expect(line.dropFirst().first == parents[index + 1].first)
        }
        _ = try fixture.git("fsck", "--strict")
    }
}
