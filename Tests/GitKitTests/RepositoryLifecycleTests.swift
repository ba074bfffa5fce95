import Foundation
import GitKit
import TestSupport
import Testing

@Suite("Creating, opening and discovering repositories")
struct RepositoryLifecycleTests {
    @Test("create makes a checked-out repository whose HEAD is the unborn main branch")
    func createCheckedOut() throws {
        let folder = try TemporaryDirectory("gitkit-create")
        let root = folder.url.appendingPathComponent("nested/desk", isDirectory: true)

        let repository = try Repository.create(at: root.path, bare: false)

        #expect(!repository.isBare)
        #expect(try repository.head() == .branch("refs/heads/main"))
        #expect(try repository.resolve(reference: "refs/heads/main") == nil)
        let workingDirectory = try #require(repository.workingDirectory)
        #expect(workingDirectory.hasSuffix("/"))
        #expect(canonical(workingDirectory) == canonical(root.path))
        #expect(canonical(repository.gitDirectory) == canonical(root.appendingPathComponent(".git").path))

        let git = try GitFixture(existing: folder, at: root)
        #expect(try git.line("rev-parse", "--is-bare-repository") == "false")
        #expect(try git.line("symbolic-ref", "HEAD") == "refs/heads/main")
        #expect(try git.attempt("rev-parse", "--verify", "--quiet", "HEAD").status != 0,
                "main is unborn, so HEAD must not resolve to a commit")
        #expect(try git.attempt("fsck", "--strict").status == 0)
    }

    @Test("create makes a bare repository that git also calls bare, HEAD on unborn main")
    func createBare() throws {
        let folder = try TemporaryDirectory("gitkit-bare")
        let root = folder.url.appendingPathComponent("desk.git", isDirectory: true)

        let repository = try Repository.create(at: root.path, bare: true)

        #expect(repository.isBare)
        #expect(repository.workingDirectory == nil)
        #expect(repository.gitDirectory.hasSuffix("/"))
        #expect(canonical(repository.gitDirectory) == canonical(root.path))
        #expect(try repository.head() == .branch("refs/heads/main"))
        #expect(try repository.resolve(reference: "HEAD") == nil)

        let git = try GitFixture(existing: folder, at: root)
        #expect(try git.line("rev-parse", "--is-bare-repository") == "true")
        #expect(try git.line("symbolic-ref", "HEAD") == "refs/heads/main")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(".git").path))
    }

    @Test("open accepts a working directory and a git directory made by git init")
    func openCLIRepository() throws {
        let fixture = try GitFixture(label: "gitkit-open")

        let byWorkingDirectory = try Repository.open(at: fixture.path)
        let byGitDirectory = try Repository.open(at: fixture.url.appendingPathComponent(".git").path)

        #expect(canonical(try #require(byWorkingDirectory.workingDirectory)) == canonical(fixture.path))
        #expect(canonical(byGitDirectory.gitDirectory) == canonical(byWorkingDirectory.gitDirectory))
        #expect(try byWorkingDirectory.head() == .branch("refs/heads/main"))
    }

    @Test("discover finds the enclosing repository from a deeply nested folder")
    func discoverFromNestedFolder() throws {
        let fixture = try GitFixture(label: "gitkit-discover")
        let nested = fixture.url.appendingPathComponent("articles/2024/drafts", isDirectory: true)
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)

        let repository = try #require(try Repository.discover(from: nested.path))

        #expect(canonical(try #require(repository.workingDirectory)) == canonical(fixture.path))
        #expect(canonical(repository.workingDirectory!) == canonical(try fixture.line("rev-parse", "--show-toplevel")))
    }

    @Test("discover returns nil for a folder outside any repository")
    func discoverOutsideAnyRepository() throws {
        let folder = try TemporaryDirectory("gitkit-norepo")
        let nested = folder.url.appendingPathComponent("plain/folder", isDirectory: true)
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        // The git CLI agrees that there is no repository here.
        let cli = try ProcessRunner.run("/usr/bin/git", ["rev-parse", "--git-dir"], in: nested,
                                        environment: ["GIT_CONFIG_NOSYSTEM": "1", "LC_ALL": "C"])
        try #require(cli.status != 0, "the temporary folder unexpectedly lies inside a git repository")

        #expect(try Repository.discover(from: nested.path) == nil)
    }

    @Test("open of a plain folder throws a GitError that names the folder")
    func openNonRepositoryThrows() throws {
        let folder = try TemporaryDirectory("gitkit-notarepo")
        try folder.write("not a repository", to: "README.txt")

        let error = try #require(throws: GitError.self) { try Repository.open(at: folder.path) }

        #expect(!error.message.isEmpty)
        #expect(error.message.contains(folder.path))
        #expect(error.description == error.message)
        #expect(error.code < 0)
        #expect(!error.isLostRace)
    }

    @Test("open of a missing path throws a GitError that names the path")
    func openMissingPathThrows() throws {
        let folder = try TemporaryDirectory("gitkit-missing")
        let missing = folder.path("does-not-exist")

        let error = try #require(throws: GitError.self) { try Repository.open(at: missing) }

        #expect(!error.message.isEmpty)
        #expect(error.message.contains(missing))
    }

    @Test("open does not search upwards: a subfolder of a repository is not a repository")
    func openDoesNotSearchParents() throws {
        let fixture = try GitFixture(label: "gitkit-nosearch")
        let nested = fixture.url.appendingPathComponent("sub", isDirectory: true)
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)

        let error = try #require(throws: GitError.self) { try Repository.open(at: nested.path) }
        #expect(error.message.contains(nested.path))
        #expect(try Repository.discover(from: nested.path) != nil)
    }
}
