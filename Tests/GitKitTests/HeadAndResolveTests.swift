import Foundation
import GitKit
import TestSupport
import Testing

@Suite("Reading HEAD and resolving references")
struct HeadAndResolveTests {
    @Test("HEAD names refs/heads/main on a repository with commits")
    func headOnBranch() throws {
        let fixture = try GitFixture(label: "gitkit-head")
        try fixture.commit(["a.txt": "a\n"], message: "first")

        #expect(try fixture.open().head() == .branch("refs/heads/main"))
    }

    @Test("HEAD is detached at the commit after git checkout --detach")
    func headDetached() throws {
        let fixture = try GitFixture(label: "gitkit-head-detached")
        let first = try fixture.commit(["a.txt": "a\n"], message: "first")
        try fixture.commit(["b.txt": "b\n"], message: "second")
        let repository = try fixture.open()
        #expect(try repository.head() == .branch("refs/heads/main"))

        try fixture.git("checkout", "-q", "--detach", first)

        // The same handle sees the change: HEAD is read afresh on each call.
        #expect(try repository.head() == .detached(try objectID(first)))
        #expect(try fixture.open().head() == .detached(try objectID(first)))
        #expect(try repository.resolve(reference: "HEAD") == (try objectID(first)))
    }

    @Test("HEAD follows git switch to another branch")
    func headOnOtherBranch() throws {
        let fixture = try GitFixture(label: "gitkit-head-switch")
        try fixture.commit(["a.txt": "a\n"], message: "first")
        try fixture.git("switch", "-q", "-c", "review/steel")

        #expect(try fixture.open().head() == .branch("refs/heads/review/steel"))
    }

    @Test("HEAD of a fresh git init names the unborn main branch")
    func headUnborn() throws {
        let fixture = try GitFixture(label: "gitkit-head-unborn")
        #expect(try fixture.open().head() == .branch("refs/heads/main"))
    }

    @Test("resolve returns nil for an unborn branch and for HEAD pointing at it")
    func resolveUnborn() throws {
        let fixture = try GitFixture(label: "gitkit-resolve-unborn")
        let repository = try fixture.open()

        #expect(try repository.resolve(reference: "refs/heads/main") == nil)
        #expect(try repository.resolve(reference: "HEAD") == nil)
        #expect(try repository.resolve(reference: "refs/heads/never-made") == nil)
    }

    @Test("resolve agrees with git rev-parse for branches, HEAD, and packed refs")
    func resolveAgreesWithRevParse() throws {
        let fixture = try GitFixture(label: "gitkit-resolve")
        let first = try fixture.commit(["a.txt": "a\n"], message: "first")
        let second = try fixture.commit(["b.txt": "b\n"], message: "second")
        try fixture.git("branch", "old", first)
        try fixture.git("branch", "packed", first)
        try fixture.git("pack-refs", "--all")
        try fixture.git("branch", "-f", "loose", second)
        let repository = try fixture.open()

        #expect(try repository.resolve(reference: "HEAD")?.hex == second)
        #expect(try repository.resolve(reference: "refs/heads/main")?.hex == second)
        #expect(try repository.resolve(reference: "refs/heads/old")?.hex == first)
        #expect(try repository.resolve(reference: "refs/heads/packed")?.hex == first)
        #expect(try repository.resolve(reference: "refs/heads/loose")?.hex == second)
        #expect(!FileManager.default.fileExists(atPath: fixture.url.appendingPathComponent(".git/refs/heads/packed").path))
    }

    @Test("a branch created by the CLI after opening is resolved by the same handle")
    func resolveSeesLaterBranches() throws {
        let fixture = try GitFixture(label: "gitkit-resolve-later")
        let repository = try fixture.open()
        #expect(try repository.resolve(reference: "refs/heads/main") == nil)

        let first = try fixture.commit(["a.txt": "a\n"], message: "first")

        #expect(try repository.resolve(reference: "refs/heads/main")?.hex == first)
    }

    @Test("resolve of a malformed reference name throws a GitError")
    func resolveMalformedName() throws {
        let fixture = try GitFixture(label: "gitkit-resolve-bad")
        try fixture.commit(["a.txt": "a\n"], message: "first")

        let error = try #require(throws: GitError.self) {
            try fixture.open().resolve(reference: "refs/heads/bad..name")
        }
        #expect(error.message.contains("refs/heads/bad..name"))
    }
}
