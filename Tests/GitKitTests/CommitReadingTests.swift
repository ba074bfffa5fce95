import Foundation
import GitKit
import TestSupport
import Testing

@Suite("Reading commits: parents, messages, signatures and dates")
struct CommitReadingTests {
    /// Commits with the CLI using a verbatim message file, at fixed author and committer dates.
    func commitVerbatim(_ fixture: GitFixture, message: String, authorDate: String, committerDate: String,
                        author: String = "Fixture Writer <fixture@example.org>") throws -> ObjectID {
        try fixture.folder.write(message, to: ".git/MESSAGE_FOR_TEST")
        try fixture.gitWith(environment: ["GIT_AUTHOR_DATE": authorDate, "GIT_COMMITTER_DATE": committerDate],
                            "commit", "-q", "--allow-empty", "--cleanup=verbatim", "--author", author,
                            "-F", ".git/MESSAGE_FOR_TEST")
        return try objectID(fixture.line("rev-parse", "HEAD"))
    }

    @Test("a root commit has no parents, a child has one, a merge has both in order")
    func parentIDs() throws {
        let fixture = try GitFixture(label: "gitkit-parents")
        let root = try fixture.commit(["a.txt": "a\n"], message: "root", timestamp: 1_700_000_000)
        let left = try fixture.commit(["left.txt": "l\n"], message: "left", timestamp: 1_700_000_100)
        try fixture.git("switch", "-q", "-c", "side", root)
        let right = try fixture.commit(["right.txt": "r\n"], message: "right", timestamp: 1_700_000_200)
        try fixture.git("switch", "-q", "main")
        try fixture.gitWith(environment: ["GIT_AUTHOR_DATE": "1700000300 +0000",
                                          "GIT_COMMITTER_DATE": "1700000300 +0000"],
                            "merge", "-q", "--no-ff", "--no-edit", "side")
        let merge = try fixture.line("rev-parse", "HEAD")
        let repository = try fixture.open()

        #expect(try repository.commit(try objectID(root)).parentIDs == [])
        #expect(try repository.commit(try objectID(left)).parentIDs == [try objectID(root)])
        #expect(try repository.commit(try objectID(right)).parentIDs == [try objectID(root)])
        let mergeParents = try repository.commit(try objectID(merge)).parentIDs
        #expect(mergeParents == [try objectID(left), try objectID(right)])
        #expect(mergeParents.map(\.hex).joined(separator: " ") == (try fixture.line("log", "-1", "--format=%P", merge)))
    }

    @Test("id and treeID match git rev-parse")
    func idAndTreeID() throws {
        let fixture = try GitFixture(label: "gitkit-commit-ids")
        let head = try fixture.commit(["x/y.txt": "y\n"], message: "ids")

        let commit = try fixture.open().commit(try objectID(head))

        #expect(commit.id.hex == head)
        #expect(commit.treeID.hex == (try fixture.line("rev-parse", "HEAD^{tree}")))
        #expect(try commit.tree().id == commit.treeID)
    }

    @Test("message is the whole message and summary its first line, as git log %B and %s")
    func messageAndSummary() throws {
        let fixture = try GitFixture(label: "gitkit-message")
        let text = "Verify claim c-m3yk6gjv ✅\n\nTwo sources agree on the figure.\nSee stats.example.\n"
        let id = try commitVerbatim(fixture, message: text, authorDate: "1700000000 +0000",
                                    committerDate: "1700000000 +0000")

        let commit = try fixture.open().commit(id)

        #expect(commit.message == text)
        #expect(commit.summary == "Verify claim c-m3yk6gjv ✅")
        #expect(commit.summary == (try fixture.line("log", "-1", "--format=%s")))
        #expect(commit.message == String(try fixture.git("log", "-1", "--format=%B").dropLast()),
                "git log %B adds one newline after the raw message")
    }

    @Test("a subject paragraph spread over several lines is summarised on one line, like git's %s")
    func multiLineSubject() throws {
        let fixture = try GitFixture(label: "gitkit-summary")
        let text = "Status of c-rcs3gg4n:\nunverified to unverifiable\n\nBody.\n"
        let id = try commitVerbatim(fixture, message: text, authorDate: "1700000000 +0000",
                                    committerDate: "1700000000 +0000")

        let commit = try fixture.open().commit(id)

        #expect(commit.summary == "Status of c-rcs3gg4n: unverified to unverifiable")
        #expect(commit.summary == (try fixture.line("log", "-1", "--format=%s")))
        #expect(commit.message == text)
    }

    @Test("a message without a trailing newline written by libgit2 reads back verbatim")
    func libgit2MessageVerbatim() throws {
        let fixture = try GitFixture(label: "gitkit-message-lib")
        let repository = try fixture.open()
        let tree = try repository.updatedTree(from: nil, applying: [])
        let who = signature("Ana", "ana@example.org")

        let id = try repository.createCommit(tree: tree, parents: [], author: who, committer: who,
                                             message: "no newline at the end")

        let commit = try repository.commit(id)
        #expect(commit.message == "no newline at the end")
        #expect(commit.summary == "no newline at the end")
        #expect(try fixture.line("log", "-1", "--format=%s", id.hex) == "no newline at the end")
    }

    @Test("author and committer read back with the names, emails, dates and offsets git recorded")
    func signaturesFromCLI() throws {
        let fixture = try GitFixture(label: "gitkit-signatures")
        let id = try commitVerbatim(fixture, message: "signed\n", authorDate: "1600000000 -0530",
                                    committerDate: "1650000000 +0945",
                                    author: "José Núñez <jose@example.org>")

        let commit = try fixture.open().commit(id)

        #expect(commit.author.name == "José Núñez")
        #expect(commit.author.email == "jose@example.org")
        #expect(commit.author.date == Date(timeIntervalSince1970: 1_600_000_000))
        #expect(commit.author.timeZoneOffsetMinutes == -330)
        #expect(commit.committer.name == "Fixture Writer")
        #expect(commit.committer.email == "fixture@example.org")
        #expect(commit.committer.date == Date(timeIntervalSince1970: 1_650_000_000))
        #expect(commit.committer.timeZoneOffsetMinutes == 585)
    }

    @Test("an author date round-trips through libgit2 at seconds precision, offset included")
    func authorDateRoundTrip() throws {
        let fixture = try GitFixture(label: "gitkit-date")
        let repository = try fixture.open()
        let tree = try repository.updatedTree(from: nil, applying: [])
        let when = Date(timeIntervalSince1970: 1_712_345_678.875)
        let author = Signature(name: "Zoë", email: "zoe@example.org", date: when, timeZoneOffsetMinutes: 120)
        let committer = Signature(name: "Bot", email: "bot@example.org",
                                  date: Date(timeIntervalSince1970: 1_712_345_999), timeZoneOffsetMinutes: -420)

        let id = try repository.createCommit(tree: tree, parents: [], author: author, committer: committer,
                                             message: "dated\n")

        let read = try repository.commit(id)
        #expect(read.author.date == Date(timeIntervalSince1970: 1_712_345_678), "fractions of a second are dropped")
        #expect(read.author.timeZoneOffsetMinutes == 120)
        #expect(read.author == Signature(name: "Zoë", email: "zoe@example.org",
                                         date: Date(timeIntervalSince1970: 1_712_345_678), timeZoneOffsetMinutes: 120))
        #expect(read.committer == committer)
        #expect(try fixture.line("log", "-1", "--format=%at %ai", id.hex) == "1712345678 2024-04-05 21:34:38 +0200")
        #expect(try fixture.line("log", "-1", "--format=%ct %ci", id.hex) == "1712345999 2024-04-05 12:39:59 -0700")
    }

    @Test("a date git cannot record (before 1970, after 2106) is refused, never silently changed",
          arguments: [-86_400.0 * 365, 4_400_000_000.0])
    func unrepresentableDates(timestamp: TimeInterval) throws {
        let fixture = try GitFixture(label: "gitkit-date-range")
        let repository = try fixture.open()
        let tree = try repository.updatedTree(from: nil, applying: [])
        let when = signature("Archivist", "archive@example.org", at: timestamp, offsetMinutes: 0)

        #expect(throws: GitError.self) {
            try repository.createCommit(tree: tree, parents: [], author: when, committer: when, message: "out of range\n")
        }
    }

    @Test("looking up a commit id that is a tree throws a GitError naming the id")
    func commitOfTreeThrows() throws {
        let fixture = try GitFixture(label: "gitkit-commit-wrong")
        try fixture.commit(["a.txt": "a\n"], message: "first")
        let tree = try objectID(fixture.line("rev-parse", "HEAD^{tree}"))

        let error = try #require(throws: GitError.self) { try fixture.open().commit(tree) }
        #expect(error.message.contains(tree.hex))
    }

    @Test("looking up a commit that does not exist throws a not-found GitError")
    func missingCommitThrows() throws {
        let fixture = try GitFixture(label: "gitkit-commit-missing")
        let ghost = ObjectID.hashing(blob: Array("ghost".utf8))

        let error = try #require(throws: GitError.self) { try fixture.open().commit(ghost) }
        #expect(error.isNotFound)
    }
}
