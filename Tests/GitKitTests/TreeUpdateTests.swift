import Foundation
import GitKit
import TestSupport
import Testing

@Suite("Building trees with updatedTree(from:applying:)")
struct TreeUpdateTests {
    /// `git ls-tree -r <tree>` as (mode, type, id, path) lines.
    func listing(_ tree: ObjectID, in fixture: GitFixture) throws -> [String] {
        try fixture.git("ls-tree", "-r", "--full-tree", tree.hex)
            .split(separator: "\n").map(String.init)
    }

    func blobLine(_ id: ObjectID, _ path: String) -> String { "100644 blob \(id.hex)\t\(path)" }

    /// Commits `tree` with libgit2 on top of `parent` and returns the commit id.
    func commit(_ tree: ObjectID, parent: ObjectID?, in repository: Repository, message: String) throws -> ObjectID {
        let who = signature("Tree Builder", "tree@example.org")
        return try repository.createCommit(tree: tree, parents: parent.map { [$0] } ?? [],
                                           author: who, committer: who, message: message)
    }

    @Test("from nil, nested paths such as a/b/c.json create the folders on the way")
    func fromNothing() throws {
        let fixture = try GitFixture(label: "gitkit-tree-new")
        let repository = try fixture.open()
        let json = try repository.writeBlob(Data("{\"c\": 1}\n".utf8))
        let readme = try repository.writeBlob(Data("# Desk\n".utf8))

        let tree = try repository.updatedTree(from: nil, applying: [
            .upsertBlob(path: "a/b/c.json", id: json),
            .upsertBlob(path: "README.md", id: readme),
        ])

        #expect(try listing(tree, in: fixture) == [
            blobLine(readme, "README.md"),
            blobLine(json, "a/b/c.json"),
        ])
        #expect(try fixture.git("ls-tree", tree.hex).contains("040000 tree"))
        #expect(try fixture.attempt("fsck", "--strict").status == 0)
    }

    @Test("from nil with no updates gives git's empty tree")
    func emptyTree() throws {
        let fixture = try GitFixture(label: "gitkit-tree-empty")
        let tree = try fixture.open().updatedTree(from: nil, applying: [])
        #expect(tree.hex == "4b825dc642cb6eb9a060e54bf8d69288fbee4904")
        #expect(try fixture.line("cat-file", "-t", tree.hex) == "tree")
    }

    @Test("the tree libgit2 builds is byte-identical to the one git write-tree builds from the same files")
    func sameTreeAsGitWriteTree() throws {
        let fixture = try GitFixture(label: "gitkit-tree-same")
        let files = [
            "articles/2024/steel.json": "{\"title\": \"Steel\"}\n",
            "articles/bread.json": "{\"title\": \"Bread — prix\"}\n",
            "sources/stats.txt": "https://stats.example/steel-price-index\n",
            "README.md": "# Desk 📰\n",
            "a-b.txt": "sorts before a/ in git order\n",
            "a/x.txt": "inside a\n",
        ]
        let repository = try fixture.open()
        // Deliberately unsorted updates.
        var updates: [TreeUpdate] = []
        for (path, text) in files.sorted(by: { $0.key > $1.key }) {
            updates.append(.upsertBlob(path: path, id: try repository.writeBlob(Data(text.utf8))))
        }

        let tree = try repository.updatedTree(from: nil, applying: updates)

        for (path, text) in files { try fixture.write(text, to: path) }
        try fixture.git("add", "-A")
        #expect(tree.hex == (try fixture.line("write-tree")))
    }

    @Test("upsert over an existing file replaces its blob and leaves the other entries alone")
    func upsertOverExistingFile() throws {
        let fixture = try GitFixture(label: "gitkit-tree-upsert")
        try fixture.commit([
            "articles/steel.json": "{\"v\": 1}\n",
            "articles/bread.json": "{\"v\": 1}\n",
            "README.md": "# Desk\n",
        ], message: "seed")
        let base = try objectID(fixture.line("rev-parse", "HEAD^{tree}"))
        let before = try listing(base, in: fixture)
        let repository = try fixture.open()
        let newSteel = try repository.writeBlob(Data("{\"v\": 2}\n".utf8))

        let tree = try repository.updatedTree(from: base, applying: [
            .upsertBlob(path: "articles/steel.json", id: newSteel),
        ])

        let after = try listing(tree, in: fixture)
        #expect(after.count == before.count)
        #expect(after.contains(blobLine(newSteel, "articles/steel.json")))
        #expect(after.filter { !$0.hasSuffix("\tarticles/steel.json") }
                == before.filter { !$0.hasSuffix("\tarticles/steel.json") })
        // The base tree itself is untouched: trees are immutable.
        #expect(try listing(base, in: fixture) == before)
    }

    @Test("upserting the blob a path already has gives back the same tree id")
    func upsertSameBlobIsNoChange() throws {
        let fixture = try GitFixture(label: "gitkit-tree-noop")
        try fixture.commit(["a/b/c.json": "{}\n", "d.txt": "d\n"], message: "seed")
        let base = try objectID(fixture.line("rev-parse", "HEAD^{tree}"))
        let blob = try objectID(fixture.line("rev-parse", "HEAD:a/b/c.json"))

        let tree = try fixture.open().updatedTree(from: base, applying: [.upsertBlob(path: "a/b/c.json", id: blob)])

        #expect(tree == base)
    }

    @Test("removing a path drops the file, and a folder left empty disappears")
    func removeEmptiesFolder() throws {
        let fixture = try GitFixture(label: "gitkit-tree-remove")
        try fixture.commit([
            "notes/only.txt": "the only file in notes/\n",
            "deep/er/still/leaf.txt": "lonely leaf\n",
            "keep/one.txt": "1\n",
            "keep/two.txt": "2\n",
            "README.md": "# Desk\n",
        ], message: "seed")
        let base = try objectID(fixture.line("rev-parse", "HEAD^{tree}"))
        let repository = try fixture.open()

        let tree = try repository.updatedTree(from: base, applying: [
            .remove(path: "notes/only.txt"),
            .remove(path: "deep/er/still/leaf.txt"),
            .remove(path: "keep/two.txt"),
        ])

        let paths = try fixture.git("ls-tree", "-r", "--name-only", tree.hex).split(separator: "\n").map(String.init)
        #expect(paths == ["README.md", "keep/one.txt"])
        let topLevel = try fixture.git("ls-tree", "--name-only", tree.hex).split(separator: "\n").map(String.init)
        #expect(topLevel == ["README.md", "keep"], "emptied folders notes/ and deep/ must not remain as empty trees")
        // No empty tree object is referenced anywhere in the result.
        #expect(try !fixture.git("ls-tree", "-r", "-t", tree.hex).contains("4b825dc642cb6eb9a060e54bf8d69288fbee4904"))
        #expect(try repository.tree(tree).entry(named: "notes") == nil)
    }

    @Test("remove and upsert in one call: a file moves between folders")
    func moveInOneCall() throws {
        let fixture = try GitFixture(label: "gitkit-tree-move")
        try fixture.commit(["drafts/story.json": "{\"s\": 1}\n", "published/old.json": "{}\n"], message: "seed")
        let base = try objectID(fixture.line("rev-parse", "HEAD^{tree}"))
        let blob = try objectID(fixture.line("rev-parse", "HEAD:drafts/story.json"))

        let tree = try fixture.open().updatedTree(from: base, applying: [
            .upsertBlob(path: "published/story.json", id: blob),
            .remove(path: "drafts/story.json"),
        ])

        #expect(try listing(tree, in: fixture) == [
            blobLine(try objectID(fixture.line("rev-parse", "HEAD:published/old.json")), "published/old.json"),
            blobLine(blob, "published/story.json"),
        ])
    }

    @Test("unchanged sibling folders keep their tree ids; the changed path gets new ones")
    func siblingsKeepTheirTreeIDs() throws {
        let fixture = try GitFixture(label: "gitkit-tree-siblings")
        let first = try fixture.commit([
            "articles/2024/steel.json": "{}\n",
            "articles/2023/bread.json": "{}\n",
            "sources/stats.txt": "stats\n",
            "claims/c-1.json": "{}\n",
        ], message: "seed")
        let repository = try fixture.open()
        let base = try repository.commit(try objectID(first)).treeID
        let blob = try repository.writeBlob(Data("{\"new\": true}\n".utf8))

        let tree = try repository.updatedTree(from: base, applying: [
            .upsertBlob(path: "articles/2024/iron.json", id: blob),
        ])
        let second = try commit(tree, parent: try objectID(first), in: repository, message: "add iron")

        func treeID(_ revision: String) throws -> String { try fixture.line("rev-parse", revision) }
        #expect(try treeID("\(second.hex):sources") == treeID("\(first):sources"))
        #expect(try treeID("\(second.hex):claims") == treeID("\(first):claims"))
        #expect(try treeID("\(second.hex):articles/2023") == treeID("\(first):articles/2023"))
        #expect(try treeID("\(second.hex):articles/2024") != treeID("\(first):articles/2024"))
        #expect(try treeID("\(second.hex):articles") != treeID("\(first):articles"))
        #expect(try treeID("\(second.hex):articles/2024/iron.json") == blob.hex)
        #expect(try fixture.line("diff-tree", "-r", "--name-status", first, second.hex) == "A\tarticles/2024/iron.json")
    }

    @Test("removing a path that does not exist throws a GitError")
    func removeMissingPathThrows() throws {
        let fixture = try GitFixture(label: "gitkit-tree-missing")
        try fixture.commit(["a.txt": "a\n"], message: "seed")
        let base = try objectID(fixture.line("rev-parse", "HEAD^{tree}"))

        let error = try #require(throws: GitError.self) {
            try fixture.open().updatedTree(from: base, applying: [.remove(path: "nope/missing.txt")])
        }
        #expect(!error.message.isEmpty)
    }

    @Test("a base id that is not a tree throws a GitError")
    func baseMustBeATree() throws {
        let fixture = try GitFixture(label: "gitkit-tree-badbase")
        let repository = try fixture.open()
        let blob = try repository.writeBlob(Data("not a tree\n".utf8))

        #expect(throws: GitError.self) {
            try repository.updatedTree(from: blob, applying: [])
        }
    }

    @Test("TreeUpdate exposes the path it changes")
    func updatePath() {
        let id = ObjectID.hashing(blob: [])
        #expect(TreeUpdate.upsertBlob(path: "a/b/c.json", id: id).path == "a/b/c.json")
        #expect(TreeUpdate.remove(path: "x/y").path == "x/y")
    }
}
