import Foundation
import GitKit
import TestSupport
import Testing

@Suite("Staging with the index, checked by git status")
struct IndexTests {
    let who = signature("José Núñez", "jose@example.org")

    /// A CLI repository with README.md and articles/steel.json committed on main.
    func seeded(_ label: String) throws -> GitFixture {
        let fixture = try GitFixture(label: label)
        try fixture.commit(["README.md": "# Desk\n", "articles/steel.json": "{\"v\": 1}\n"], message: "seed")
        return fixture
    }

    /// Commits `updates` on top of main with libgit2 and moves main with compare-and-swap.
    func commitOnMain(_ updates: [TreeUpdate], in repository: Repository, message: String) throws -> ObjectID {
        let head = try #require(try repository.resolve(reference: "refs/heads/main"))
        let tree = try repository.updatedTree(from: try repository.commit(head).treeID, applying: updates)
        let commit = try repository.createCommit(tree: tree, parents: [head], author: who, committer: who,
                                                 message: message)
        try repository.updateReference("refs/heads/main", to: commit, expecting: head, logMessage: message)
        return commit
    }

    @Test("add stages a new working-tree file: git status shows it added, then clean after a libgit2 commit")
    func addThenCommit() throws {
        let fixture = try seeded("gitkit-index-add")
        let text = "Claim c-xs34bptd: false — see 📈 stats\n"
        try fixture.write(text, to: "claims/c-xs34bptd.json")
        #expect(try fixture.git("status", "--porcelain", "--untracked-files=all") == "?? claims/c-xs34bptd.json\n")
        let repository = try fixture.open()

        let index = try repository.index()
        try index.add(path: "claims/c-xs34bptd.json")
        try index.write()

        #expect(try fixture.git("status", "--porcelain") == "A  claims/c-xs34bptd.json\n")
        let staged = try #require(index.entryID(path: "claims/c-xs34bptd.json"))
        #expect(staged.hex == (try fixture.line("hash-object", "claims/c-xs34bptd.json")))
        #expect(try fixture.line("ls-files", "--stage", "claims/c-xs34bptd.json") == "100644 \(staged.hex) 0\tclaims/c-xs34bptd.json")

        let blob = try repository.writeBlob(Data(text.utf8))
        #expect(blob == staged)
        let commit = try commitOnMain([.upsertBlob(path: "claims/c-xs34bptd.json", id: blob)], in: repository,
                                      message: "Add claim c-xs34bptd")

        #expect(try fixture.git("status", "--porcelain", "--untracked-files=all") == "")
        #expect(try fixture.line("rev-parse", "HEAD") == commit.hex)
        #expect(try fixture.line("log", "-1", "--format=%an|%s") == "José Núñez|Add claim c-xs34bptd")
        #expect(try fixture.attempt("fsck", "--strict").status == 0)
    }

    @Test("add of a modified tracked file stages the modification")
    func addModified() throws {
        let fixture = try seeded("gitkit-index-modify")
        try fixture.write("{\"v\": 2}\n", to: "articles/steel.json")
        #expect(try fixture.git("status", "--porcelain") == " M articles/steel.json\n")
        let repository = try fixture.open()

        let index = try repository.index()
        try index.add(path: "articles/steel.json")
        try index.write()

        #expect(try fixture.git("status", "--porcelain") == "M  articles/steel.json\n")
        let blob = try repository.writeBlob(Data("{\"v\": 2}\n".utf8))
        #expect(index.entryID(path: "articles/steel.json") == blob)
        _ = try commitOnMain([.upsertBlob(path: "articles/steel.json", id: blob)], in: repository, message: "v2")
        #expect(try fixture.git("status", "--porcelain") == "")
    }

    @Test("remove unstages a deleted file: git status shows it deleted, then clean after a libgit2 commit")
    func removeThenCommit() throws {
        let fixture = try seeded("gitkit-index-remove")
        try FileManager.default.removeItem(at: fixture.url.appendingPathComponent("articles/steel.json"))
        #expect(try fixture.git("status", "--porcelain") == " D articles/steel.json\n")
        let repository = try fixture.open()

        let index = try repository.index()
        #expect(index.entryID(path: "articles/steel.json") != nil)
        try index.remove(path: "articles/steel.json")
        try index.write()

        #expect(index.entryID(path: "articles/steel.json") == nil)
        #expect(try fixture.git("status", "--porcelain") == "D  articles/steel.json\n")

        _ = try commitOnMain([.remove(path: "articles/steel.json")], in: repository, message: "Drop steel")

        #expect(try fixture.git("status", "--porcelain", "--untracked-files=all") == "")
        #expect(try fixture.line("ls-tree", "-r", "--name-only", "HEAD") == "README.md")
    }

    @Test("remove of a file still on disk leaves it untracked")
    func removeKeepsFileOnDisk() throws {
        let fixture = try seeded("gitkit-index-untrack")
        let repository = try fixture.open()

        let index = try repository.index()
        try index.remove(path: "README.md")
        try index.write()

        #expect(try fixture.git("status", "--porcelain") == "D  README.md\n?? README.md\n")
        #expect(FileManager.default.fileExists(atPath: fixture.url.appendingPathComponent("README.md").path))
    }

    @Test("the index reflects what git add staged before the repository was opened")
    func readsCLIIndex() throws {
        let fixture = try seeded("gitkit-index-read")
        try fixture.write("staged by the CLI\n", to: "cli.txt")
        try fixture.git("add", "cli.txt")

        let index = try fixture.open().index()

        #expect(index.entryID(path: "cli.txt")?.hex == (try fixture.line("rev-parse", ":cli.txt")))
        #expect(index.entryID(path: "README.md")?.hex == (try fixture.line("rev-parse", "HEAD:README.md")))
        #expect(index.entryID(path: "not-there.txt") == nil)
        #expect(index.entryID(path: "articles") == nil, "folders are not index entries")
    }

    @Test("add of a file that does not exist throws a GitError naming it")
    func addMissingFileThrows() throws {
        let fixture = try seeded("gitkit-index-missing")
        let index = try fixture.open().index()

        let error = try #require(throws: GitError.self) { try index.add(path: "no/such/file.txt") }
        #expect(error.message.contains("no/such/file.txt"))
        #expect(try fixture.git("status", "--porcelain") == "")
    }

    @Test("a second index() call on the same handle sees what git add staged in between, and writing keeps it")
    func indexIsReadAfreshFromDisk() throws {
        let fixture = try seeded("gitkit-index-fresh")
        let repository = try fixture.open()
        let first = try repository.index()
        #expect(first.entryID(path: "later.txt") == nil)
        try fixture.write("staged by someone else\n", to: "later.txt")
        try fixture.git("add", "later.txt")
        try fixture.write("staged by us\n", to: "mine.txt")

        let second = try repository.index()
        try second.add(path: "mine.txt")
        try second.write()

        #expect(try fixture.git("status", "--porcelain").contains("A  mine.txt\n"))
        #expect(second.entryID(path: "later.txt") != nil)
        #expect(try fixture.git("status", "--porcelain") == "A  later.txt\nA  mine.txt\n")
    }

    @Test("index() of a bare repository throws, as documented")
    func bareRepositoryIndexThrows() throws {
        let folder = try TemporaryDirectory("gitkit-index-bare-doc")
        let repository = try Repository.create(at: folder.path, bare: true)

        #expect(throws: GitError.self) { try repository.index() }
        #expect(!FileManager.default.fileExists(atPath: folder.path("index")))
    }

    @Test("staging in a bare repository fails with a GitError")
    func bareRepositoryCannotStage() throws {
        let folder = try TemporaryDirectory("gitkit-index-bare")
        let repository = try Repository.create(at: folder.path, bare: true)

        #expect(throws: GitError.self) {
            let index = try repository.index()
            try index.add(path: "anything.txt")
        }
    }
}
