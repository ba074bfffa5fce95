import Foundation
import GitKit
import TestSupport

/// A git repository in a fresh temporary folder, driven by the real git CLI.
///
/// Every fixture sets `user.name` and `user.email` in its own repository configuration, so
/// commits made by the CLI never depend on the machine's global configuration.
final class GitFixture {
    let folder: TemporaryDirectory
    /// The repository's root: its working directory (checked-out) or git directory (bare).
    let url: URL

    /// A checked-out repository made by `git init`, with `main` as its unborn branch.
    init(label: String = "gitkit") throws {
        folder = try TemporaryDirectory(label)
        url = folder.url
        try git("init", "-q", "-b", "main")
        try configureIdentity()
    }

    /// Wraps a folder where a repository already exists (for example one made by `Repository.create`).
    init(existing folder: TemporaryDirectory, at url: URL) throws {
        self.folder = folder
        self.url = url
        try configureIdentity()
    }

    var path: String { url.path }

    private func configureIdentity() throws {
        try git("config", "user.name", "Fixture Writer")
        try git("config", "user.email", "fixture@example.org")
        try git("config", "commit.gpgsign", "false")
    }

    /// Runs git in the repository; throws with git's message when it fails.
    @discardableResult
    func git(_ arguments: String...) throws -> String {
        try ProcessRunner.git(arguments, in: url)
    }

    /// Runs git and returns its output without the trailing newline.
    func line(_ arguments: String...) throws -> String {
        try ProcessRunner.git(arguments, in: url).trimmingCharacters(in: .newlines)
    }

    /// Runs git with extra environment variables (fixed dates), feeding `input` on stdin.
    @discardableResult
    func gitWith(environment: [String: String], input: Data? = nil, _ arguments: String...) throws -> String {
        var env = ["GIT_CONFIG_NOSYSTEM": "1", "LC_ALL": "C"]
        env.merge(environment) { $1 }
        let result = try ProcessRunner.run("/usr/bin/git", arguments, in: url, input: input, environment: env)
        guard result.status == 0 else {
            throw TestFailure("git \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
        }
        return result.stdout
    }

    /// Runs git and reports its exit status and output without throwing on failure.
    func attempt(_ arguments: String...) throws -> ProcessResult {
        try ProcessRunner.run("/usr/bin/git", arguments, in: url,
                              environment: ["GIT_CONFIG_NOSYSTEM": "1", "LC_ALL": "C"])
    }

    /// Writes a file in the working tree (creating folders on the way).
    func write(_ text: String, to relativePath: String) throws {
        try folder.write(text, to: relativePath)
    }

    /// Writes `files`, stages everything and commits with the CLI at a fixed `timestamp`
    /// (author and committer date, UTC); returns the new commit's id.
    @discardableResult
    func commit(_ files: [String: String] = [:], message: String, timestamp: Int = 1_700_000_000) throws -> String {
        for (relativePath, text) in files {
            try write(text, to: relativePath)
        }
        try git("add", "-A")
        let date = "\(timestamp) +0000"
        try gitWith(environment: ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date],
                    "commit", "-q", "--allow-empty", "-m", message)
        return try line("rev-parse", "HEAD")
    }

    /// Opens this repository with GitKit.
    func open() throws -> Repository {
        try Repository.open(at: path)
    }
}

/// Parses an id printed by the git CLI, failing the test helper when it is not one.
func objectID(_ hex: String) throws -> ObjectID {
    let trimmed = hex.trimmingCharacters(in: .whitespacesAndNewlines)
    guard let id = ObjectID(hex: trimmed) else { throw TestFailure("not an object id: \(trimmed)") }
    return id
}

/// A path with symlinks resolved and without a trailing slash, to compare folders reliably.
func canonical(_ path: String) -> String {
    var resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    while resolved.count > 1 && resolved.hasSuffix("/") { resolved.removeLast() }
    return resolved
}

/// A signature at a whole second, so that it survives git's seconds-precision round trip.
func signature(_ name: String, _ email: String, at timestamp: TimeInterval = 1_700_000_000,
               offsetMinutes: Int = 0) -> Signature {
    Signature(name: name, email: email, date: Date(timeIntervalSince1970: timestamp),
              timeZoneOffsetMinutes: offsetMinutes)
}
