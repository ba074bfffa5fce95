import Foundation
import TestSupport
import Testing

/// A newsroom for sync tests: a bare repository as the shared hub, and desks cloned from it, each
/// driven through the built `factdesk` binary and checked with the git CLI.
final class SyncNewsroom: @unchecked Sendable {
    let directory: TemporaryDirectory
    let hub: URL

    /// A text of four paragraphs that the clones annotate and edit.
    static let story = """
        The council approved a $412 million budget on Tuesday, the largest since 2008.

        Mayor Lin said the city would hire 40 new inspectors — “twice as many as last year.”

        Opposition members said the plan would raise property taxes by 6.8%.

        The vote was 7 to 2; the budget takes effect in January.

        """

    init() throws {
        directory = try TemporaryDirectory("factdesk-sync")
        hub = directory.url.appendingPathComponent("hub.git")
        try ProcessRunner.git(["init", "--quiet", "--bare", "--initial-branch=main", hub.path], in: directory.url)
    }

    /// The first desk: created by `factdesk init`, given the story, and pushed to the hub by `factdesk sync`.
    func founder(_ name: String, editor: String) throws -> SyncClone {
        let clone = SyncClone(url: directory.url.appendingPathComponent(name), editor: editor)
        try clone.succeed(["init", clone.url.path])
        try clone.succeed(["remote", "add", "origin", hub.path])
        try clone.succeed(["article", "add", "-", "--id", "budget", "--title", "Budget vote"], input: Data(Self.story.utf8))
        try clone.succeed(["sync"])
        return clone
    }

    /// Another desk: a plain `git clone` of the hub, with the merge driver configured.
    func clone(_ name: String, editor: String) throws -> SyncClone {
        let clone = SyncClone(url: directory.url.appendingPathComponent(name), editor: editor)
        try ProcessRunner.git(["clone", "--quiet", hub.path, clone.url.path], in: directory.url)
        try clone.succeed(["merge-driver", "install"])
        return clone
    }

    /// Every desk holds the same tree as the hub, every desk is clean for `git fsck --strict`,
    /// `git status` and `factdesk check`, and the history shows every author in `authors`.
    func expectConverged(_ clones: [SyncClone], authors: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let hubTree = try ProcessRunner.git(["rev-parse", "main^{tree}"], in: hub).trimmingCharacters(in: .whitespacesAndNewlines)
        for clone in clones {
            #expect(try clone.git("rev-parse", "HEAD^{tree}") == hubTree, "\(clone.name) differs from the hub", sourceLocation: sourceLocation)
            #expect(try clone.git("status", "--porcelain") == "", "\(clone.name) has a dirty working tree", sourceLocation: sourceLocation)
            _ = try clone.git("fsck", "--strict", "--no-progress")
            let check = try clone.run(["check"])
            #expect(check.status == 0, "factdesk check failed in \(clone.name): \(check.stdout)\(check.stderr)", sourceLocation: sourceLocation)
        }
        _ = try ProcessRunner.git(["fsck", "--strict", "--no-progress"], in: hub)
        let log = try ProcessRunner.git(["log", "--format=%ae", "main"], in: hub)
        for author in authors {
            #expect(log.contains(author), "the hub's history lacks commits by \(author)", sourceLocation: sourceLocation)
        }
    }
}

/// One desk of a `SyncNewsroom`: a clone and the editor who works in it.
struct SyncClone: Sendable {
    let url: URL
    let editor: String

    var name: String { url.lastPathComponent }

    /// Runs `factdesk ARGUMENTS --store CLONE` as this clone's editor.
    @discardableResult
    func run(_ arguments: [String], input: Data? = nil, environment: [String: String] = [:]) throws -> ProcessResult {
        var store = ["--store", url.path]
        if arguments.first == "init" { store = [] }
        return try ProcessRunner.run(CLIDesk.binary, arguments + store, in: url.deletingLastPathComponent(), input: input,
                                     environment: ["FACTDESK_EDITOR": editor, "GIT_TERMINAL_PROMPT": "0"].merging(environment) { $1 })
    }

    /// Runs a command that must succeed; returns its stdout.
    @discardableResult
    func succeed(_ arguments: [String], input: Data? = nil, environment: [String: String] = [:]) throws -> String {
        let result = try run(arguments, input: input, environment: environment)
        guard result.status == 0 else {
            throw TestFailure("factdesk \(arguments.joined(separator: " ")) in \(name) failed (\(result.status)): \(result.stderr)")
        }
        return result.stdout
    }

    /// Runs the git CLI in this clone; returns its stdout, trimmed.
    @discardableResult
    func git(_ arguments: String...) throws -> String {
        try ProcessRunner.git(["-c", "user.name=Test", "-c", "user.email=test@example.org"] + arguments, in: url)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `show --json` of a claim.
    func claim(_ id: String) throws -> [String: Any] {
        let output = try succeed(["show", id, "--json"])
        return try JSONSerialization.jsonObject(with: Data(output.utf8)) as! [String: Any]
    }

    /// `sync --json`.
    func sync(_ extra: [String] = []) throws -> [String: Any] {
        let output = try succeed(["sync"] + extra + ["--json"])
        return try JSONSerialization.jsonObject(with: Data(output.utf8)) as! [String: Any]
    }

    /// Files a claim on a quote; returns its id.
    func annotate(quote: String, claim: String, extra: [String] = []) throws -> String {
        try succeed(["annotate", "budget", "--quote", quote, "--claim", claim] + extra).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
