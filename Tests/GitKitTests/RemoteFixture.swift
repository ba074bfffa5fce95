import Foundation
import GitKit
import TestSupport

/// A bare "hub" repository made by the git CLI and clones made by GitKit that push to it and
/// fetch from it, all in one temporary folder. Commits are written with GitKit.
final class RemoteFixture {
    let folder: TemporaryDirectory
    /// Where bare repositories live (a git daemon's or HTTP server's base).
    let hubs: String
    /// A HOME of the test's own for git CLI calls and `git credential`, so the machine's global
    /// configuration never applies.
    let home: String
    let author = signature("Inès Duval", "ines@example.org")

    init(_ label: String) throws {
        folder = try TemporaryDirectory(label)
        hubs = folder.path("hubs")
        home = folder.path("home")
        try FileManager.default.createDirectory(atPath: hubs, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    }

    /// The environment for git CLI calls: no system or global configuration.
    var gitEnvironment: [String: String] {
        ["GIT_CONFIG_NOSYSTEM": "1", "HOME": home, "LC_ALL": "C"]
    }

    /// A new bare repository `hubs/NAME` with HEAD on main.
    @discardableResult
    func makeHub(_ name: String = "desk.git") throws -> String {
        let path = hubs + "/" + name
        try git(["init", "-q", "--bare", "-b", "main", path], in: hubs)
        return path
    }

    /// A new checked-out repository made by GitKit.
    func makeClone(_ name: String) throws -> Repository {
        try Repository.create(at: folder.path(name), bare: false)
    }

    /// A commit on top of `parent` adding `file`, written by GitKit; moves `refs/heads/main` to it.
    @discardableResult
    func commit(in repository: Repository, file: String, parent: ObjectID? = nil) throws -> ObjectID {
        let base = try parent.map { try repository.commit($0).treeID }
        let blob = try repository.writeBlob(Data("{\"file\": \"\(file)\"}\n".utf8))
        let tree = try repository.updatedTree(from: base, applying: [.upsertBlob(path: file, id: blob)])
        let id = try repository.createCommit(tree: tree, parents: parent.map { [$0] } ?? [], author: author,
                                             committer: author, message: "Add \(file)\n")
        let current = try repository.resolve(reference: "refs/heads/main")
        try repository.updateReference("refs/heads/main", to: id, expecting: current, logMessage: "test: \(file)")
        return id
    }

    /// Runs the git CLI with the fixture's environment; throws with git's message when it fails.
    @discardableResult
    func git(_ arguments: [String], in directory: String, input: String? = nil) throws -> String {
        var environment = gitEnvironment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        let result = try ProcessRunner.run("/usr/bin/git", arguments, in: URL(fileURLWithPath: directory),
                                           input: input.map { Data($0.utf8) }, environment: environment)
        guard result.status == 0 else {
            throw TestFailure("git \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
        }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `refs/heads/main` of a repository as the git CLI sees it; nil when it does not exist.
    func main(of repository: String) throws -> String? {
        let result = try ProcessRunner.run("/usr/bin/git", ["rev-parse", "--verify", "-q", "refs/heads/main"],
                                           in: URL(fileURLWithPath: repository), environment: gitEnvironment)
        return result.status == 0 ? result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }

    /// `git fsck --strict` of a repository: throws unless it is clean.
    func fsck(_ repository: String) throws {
        try git(["fsck", "--strict", "--no-progress"], in: repository)
    }

    /// Options that use no credential helper, no ssh-agent and the fixture's home.
    var plainOptions: TransportOptions {
        var options = TransportOptions(credentialHelperDirectory: nil, home: home)
        options.usesSSHAgent = false
        return options
    }
}
