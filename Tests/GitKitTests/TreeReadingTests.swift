import Foundation
import GitKit
import TestSupport
import Testing

@Suite("Reading trees that the git CLI built")
struct TreeReadingTests {
    /// A repository whose HEAD tree holds files, nested folders, an executable, a symlink and a gitlink.
    func cliTree(_ label: String) throws -> (GitFixture, Tree) {
        let fixture = try GitFixture(label: label)
        try fixture.write("# Desk\n", to: "README.md")
        try fixture.write("{\"t\": \"steel\"}\n", to: "articles/2024/steel.json")
        try fixture.write("{\"t\": \"iron\"}\n", to: "articles/2024/iron.json")
        try fixture.write("{\"t\": \"bread\"}\n", to: "articles/bread.json")
        try fixture.write("https://stats.example\n", to: "sources/stats.txt")
        try fixture.write("#!/bin/sh\necho hi\n", to: "tools/run.sh")
        try fixture.git("add", "-A")
        try fixture.git("update-index", "--chmod=+x", "tools/run.sh")
        try FileManager.default.createSymbolicLink(atPath: fixture.url.appendingPathComponent("latest").path,
                                                   withDestinationPath: "articles/bread.json")
        try fixture.git("add", "latest")
        // A submodule entry (gitlink) pointing at some commit id.
        try fixture.git("update-index", "--add", "--cacheinfo",
                        "160000,0123456789abcdef0123456789abcdef01234567,vendor/lib")
        try fixture.gitWith(environment: ["GIT_AUTHOR_DATE": "1700000000 +0000",
                                          "GIT_COMMITTER_DATE": "1700000000 +0000"],
                            "commit", "-q", "-m", "seed")
        let repository = try fixture.open()
        let commit = try repository.commit(try objectID(fixture.line("rev-parse", "HEAD")))
        return (fixture, try commit.tree())
    }

    /// `git ls-tree <revision>` rows as (type, id, name).
    func lsTree(_ revision: String, in fixture: GitFixture) throws -> [(type: String, id: String, name: String)] {
        try fixture.git("ls-tree", revision).split(separator: "\n").map { row in
            let parts = row.split(separator: "\t", maxSplits: 1)
            let fields = parts[0].split(separator: " ")
            return (String(fields[1]), String(fields[2]), String(parts[1]))
        }
    }

    func kind(_ type: String) -> TreeEntry.Kind {
        switch type {
        case "blob": .blob
        case "tree": .tree
        default: .other
        }
    }

    @Test("the tree of HEAD has the id git rev-parse HEAD^{tree} gives")
    func treeID() throws {
        let (fixture, tree) = try cliTree("gitkit-read-id")
        #expect(tree.id.hex == (try fixture.line("rev-parse", "HEAD^{tree}")))
    }

    @Test("entries lists the direct entries in git's order with their ids and kinds")
    func entriesMatchLsTree() throws {
        let (fixture, tree) = try cliTree("gitkit-read-entries")
        let expected = try lsTree("HEAD", in: fixture)

        let entries = tree.entries

        #expect(entries.map(\.name) == expected.map(\.name))
        #expect(entries.map(\.name) == ["README.md", "articles", "latest", "sources", "tools", "vendor"])
        #expect(entries.map(\.id.hex) == expected.map(\.id))
        #expect(entries.map(\.kind) == expected.map { kind($0.type) })
    }

    @Test("entries of a nested subtree match git ls-tree of that folder, gitlinks are .other")
    func nestedEntries() throws {
        let (fixture, tree) = try cliTree("gitkit-read-nested")

        let vendor = try #require(try tree.subtree(atPath: "vendor"))
        #expect(vendor.entries == [try #require(vendor.entry(named: "lib"))])
        #expect(vendor.entries.first?.kind == .other)
        #expect(vendor.entries.first?.id.hex == "0123456789abcdef0123456789abcdef01234567")

        let year = try #require(try tree.subtree(atPath: "articles/2024"))
        let expected = try lsTree("HEAD:articles/2024", in: fixture)
        #expect(year.entries.map(\.name) == expected.map(\.name))
        #expect(year.entries.map(\.id.hex) == expected.map(\.id))
        #expect(year.entries.allSatisfy { $0.kind == .blob })
    }

    @Test("entry(named:) finds direct entries only")
    func entryNamed() throws {
        let (fixture, tree) = try cliTree("gitkit-read-named")

        let articles = try #require(tree.entry(named: "articles"))
        #expect(articles.kind == .tree)
        #expect(articles.id.hex == (try fixture.line("rev-parse", "HEAD:articles")))

        let readme = try #require(tree.entry(named: "README.md"))
        #expect(readme.kind == .blob)
        #expect(readme.id.hex == (try fixture.line("rev-parse", "HEAD:README.md")))

        let link = try #require(tree.entry(named: "latest"))
        #expect(link.kind == .blob, "a symlink is stored as a blob")

        #expect(tree.entry(named: "missing.txt") == nil)
        #expect(tree.entry(named: "articles/bread.json") == nil, "a path is not a direct entry name")
        #expect(tree.entry(named: "readme.md") == nil, "names are case-sensitive")
    }

    @Test("entry(atPath:) walks slash-separated paths like git rev-parse TREE:path")
    func entryAtPath() throws {
        let (fixture, tree) = try cliTree("gitkit-read-path")

        for path in ["articles/2024/steel.json", "articles/bread.json", "tools/run.sh", "README.md"] {
            let entry = try #require(try tree.entry(atPath: path), "\(path)")
            #expect(entry.kind == .blob)
            #expect(entry.name == (path as NSString).lastPathComponent)
            #expect(entry.id.hex == (try fixture.line("rev-parse", "HEAD:\(path)")), "\(path)")
        }
        let folder = try #require(try tree.entry(atPath: "articles/2024"))
        #expect(folder.kind == .tree)
        #expect(folder.name == "2024")
        #expect(folder.id.hex == (try fixture.line("rev-parse", "HEAD:articles/2024")))
    }

    @Test("entry(atPath:) returns nil for paths that do not exist")
    func entryAtMissingPath() throws {
        // Keep the fixture (and so its folder and objects) alive while the tree is read.
        let (fixture, tree) = try cliTree("gitkit-read-missing")

        for path in ["articles/2025/steel.json", "articles/2024/copper.json", "nothing", "README.md/inside-a-file"] {
            #expect(try tree.entry(atPath: path) == nil, "\(path)")
            #expect(try fixture.attempt("cat-file", "-e", "HEAD:\(path)").status != 0, "git agrees \(path) is absent")
        }
    }

    @Test("subtree(atPath:) returns trees, and nil for blobs and missing paths")
    func subtreeAtPath() throws {
        let (fixture, tree) = try cliTree("gitkit-read-subtree")

        let articles = try #require(try tree.subtree(atPath: "articles"))
        #expect(articles.id.hex == (try fixture.line("rev-parse", "HEAD:articles")))
        #expect(articles.entries.map(\.name) == ["2024", "bread.json"])

        let year = try #require(try tree.subtree(atPath: "articles/2024"))
        #expect(year.id.hex == (try fixture.line("rev-parse", "HEAD:articles/2024")))
        #expect(year.entries.map(\.name) == ["iron.json", "steel.json"])
        // Looking up from the subtree gives the same entry as from the root.
        #expect(try year.entry(atPath: "steel.json") == tree.entry(atPath: "articles/2024/steel.json"))

        #expect(try tree.subtree(atPath: "README.md") == nil)
        #expect(try tree.subtree(atPath: "vendor/lib") == nil, "a gitlink is not a tree")
        #expect(try tree.subtree(atPath: "no/such/folder") == nil)
    }

    @Test("tree(_:) of a blob id throws a GitError")
    func treeOfBlobThrows() throws {
        let (fixture, _) = try cliTree("gitkit-read-wrongtype")
        let blob = try objectID(fixture.line("rev-parse", "HEAD:README.md"))

        let error = try #require(throws: GitError.self) { try fixture.open().tree(blob) }
        #expect(error.message.contains(blob.hex))
    }

    @Test("blob contents found through the tree are the committed file bytes")
    func blobThroughTree() throws {
        let (fixture, tree) = try cliTree("gitkit-read-blob")
        let entry = try #require(try tree.entry(atPath: "articles/2024/steel.json"))

        let data = try fixture.open().blobData(entry.id)

        #expect(String(decoding: data, as: UTF8.self) == "{\"t\": \"steel\"}\n")
        #expect(String(decoding: data, as: UTF8.self) == (try fixture.git("show", "HEAD:articles/2024/steel.json")))
    }

    @Test("Tree.changes pairs the entries of two trees as git diff-tree does, one level deep")
    func changesBetweenTreesMatchDiffTree() throws {
        let (fixture, _) = try cliTree("gitkit-read-changes")
        let before = try fixture.line("rev-parse", "HEAD")
        // Changed, removed, added, a file that becomes a folder ("sources") and names that sort
        // around a folder's name ("articles.json", "articles-old").
        try FileManager.default.removeItem(at: fixture.url.appendingPathComponent("sources"))
        try FileManager.default.removeItem(at: fixture.url.appendingPathComponent("tools"))
        let after = try fixture.commit(["README.md": "# Desk, edited\n", "sources": "now a file\n",
                                        "articles.json": "[]\n", "articles-old/x.json": "{}\n", "zeta.txt": "z\n"],
                                       message: "change")
        let repository = try fixture.open()
        let old = try repository.commit(try objectID(before)).tree()
        let new = try repository.commit(try objectID(after)).tree()

        let changes = Tree.changes(from: old, to: new)
        // What git lists at the top level, one entry per side of a change.
        let diff = try fixture.git("diff-tree", before, after).split(separator: "\n").map { row -> (String, String) in
            let fields = row.split(separator: "\t", maxSplits: 1)
            return (String(fields[1]), String(fields[0].split(separator: " ")[4]))
        }
        var expected: [String] = []
        for (name, status) in diff {
            switch status {
            case "M": expected.append("\(name): changed")
            case "D": expected.append("\(name): removed")
            case "A": expected.append("\(name): added")
            default: expected.append("\(name): \(status)")
            }
        }
        let described = changes.map { change -> String in
            switch (change.old, change.new) {
            case let (old?, new?): return "\(old.name): " + (old.kind == new.kind ? "changed" : "kind")
            case let (old?, nil): return "\(old.name): removed"
            case let (nil, new?): return "\(new.name): added"
            default: return "?"
            }
        }
        // git reports "sources" (folder → file) as D and A on one name; Tree.changes pairs by git's
        // order, where a folder sorts as "sources/", so it too gives a removal and an addition.
        #expect(described.sorted() == expected.sorted())
        #expect(Tree.changes(from: old, to: old).isEmpty)
        #expect(Tree.changes(from: nil, to: new).count == new.entries.count)
        #expect(Tree.changes(from: old, to: nil).allSatisfy { $0.new == nil })
    }
}
