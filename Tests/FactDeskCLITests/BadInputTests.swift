import Foundation
import TestSupport
import Testing

/// A desk with the harbour story, a council article with a repeated word, and three claims:
/// one open without sources, one with a source, one verified.
struct BadInputDesk {
    static let council = "The mayor said the budget grew. Critics said the budget shrank.\n\nThe budget vote is on Friday.\n"

    let desk: CLIDesk
    let open: String
    let sourced: String
    let verified: String

    init() throws {
        desk = try CLIDesk()
        try desk.addArticle("harbour", title: "Harbour café prices soar", text: HarbourStory.typed)
        try desk.addArticle("council", title: "Council budget", text: Self.council)
        open = try desk.annotate("harbour", ["--paragraph", "1"], claim: "Prices rose 40%")
        sourced = try desk.annotate("harbour", ["--paragraph", "2"], claim: "Trended for 12 hours",
                                    extra: ["--source", "https://stats.example/cpi"])
        verified = try desk.annotate("council", ["--paragraph", "2"], claim: "The vote is on Friday",
                                     extra: ["--source", "https://council.example/agenda"])
        _ = try desk.succeed(["verify", verified])
    }

    /// Replaces `{open}`, `{sourced}`, `{verified}` and the offsets of the harbour text in `arguments`.
    func resolve(_ arguments: [String]) -> [String] {
        let stored = HarbourStory.stored
        let flag = stored.scalarRange(of: "🇺🇦")!
        let thumb = stored.scalarRange(of: "👍🏽")!
        let replacements = [
            "{open}": open, "{sourced}": sourced, "{verified}": verified,
            "{count}": "\(stored.scalarCount)", "{count+1}": "\(stored.scalarCount + 1)",
            "{flag-first-half}": "\(flag.lowerBound)-\(flag.lowerBound + 1)",
            "{flag-second-half}": "\(flag.lowerBound + 1)-\(flag.upperBound)",
            "{thumb-without-tone}": "\(thumb.lowerBound)-\(thumb.lowerBound + 1)",
        ]
        return arguments.map { argument in
            replacements.reduce(argument) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
        }
    }
}

/// One command a user might get wrong, and what its one error line must mention.
struct Refusal: CustomTestStringConvertible, Sendable {
    let arguments: [String]
    var input: [UInt8]? = nil
    var mentioning: [String] = []

    init(_ arguments: [String], input: [UInt8]? = nil, mentioning: [String] = []) {
        self.arguments = arguments
        self.input = input
        self.mentioning = mentioning
    }

    var testDescription: String { "factdesk " + arguments.joined(separator: " ") }
}

/// Groups of mistakes; each group runs on its own fresh desk.
enum Mistake: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case unknownArticle, unknownClaim, badStatus, quoteNotFound, badSpan, badParagraph, verifyWithoutSource,
         badOccurrence, badArticleText, badSlug, duplicateArticle, badSources, badEditorTitleFormatOrOutput

    var testDescription: String { rawValue }

    var refusals: [Refusal] {
        switch self {
        case .unknownArticle:
            return [
                Refusal(["annotate", "no-such-story", "--paragraph", "1", "--claim", "x"], mentioning: ["no-such-story"]),
                Refusal(["article", "show", "no-such-story"], mentioning: ["no-such-story"]),
                Refusal(["claims", "no-such-story"], mentioning: ["no-such-story"]),
                Refusal(["history", "--article", "no-such-story"], mentioning: ["no-such-story"]),
                Refusal(["report", "no-such-story"], mentioning: ["no-such-story"]),
                Refusal(["report", "harbour", "no-such-story", "--format", "json"], mentioning: ["no-such-story"]),
            ]
        case .unknownClaim:
            return [
                Refusal(["show", "c-zzzzzzzz"], mentioning: ["c-zzzzzzzz"]),
                Refusal(["show", "c-zzzzzzzz", "--json"], mentioning: ["c-zzzzzzzz"]),
                Refusal(["verify", "c-zzzzzzzz", "--source", "https://stats.example/cpi"], mentioning: ["c-zzzzzzzz"]),
                Refusal(["status", "c-zzzzzzzz", "in-review"], mentioning: ["c-zzzzzzzz"]),
                Refusal(["source", "add", "c-zzzzzzzz", "https://stats.example/cpi"], mentioning: ["c-zzzzzzzz"]),
                Refusal(["history", "c-zzzzzzzz"], mentioning: ["c-zzzzzzzz"]),
                Refusal(["show", "../../desk.json"]),
                Refusal(["show", "c-"]),
            ]
        case .badStatus:
            return [
                Refusal(["status", "{open}", "done"], mentioning: ["done", "unverified", "in-review", "unverifiable"]),
                Refusal(["status", "{open}", "true"], mentioning: ["true"]),
                Refusal(["status", "{open}", ""]),
                Refusal(["claims", "--status", "done"], mentioning: ["done"]),
                Refusal(["status", "{verified}", "verified"], mentioning: ["{verified}"]),
            ]
        case .quoteNotFound:
            return [
                Refusal(["annotate", "harbour", "--quote", "Prices fell 40%", "--claim", "x"], mentioning: ["Prices fell 40%"]),
                Refusal(["annotate", "harbour", "--quote", "🇺", "--claim", "half a flag"]),
                Refusal(["annotate", "harbour", "--quote", "", "--claim", "x"]),
                Refusal(["annotate", "council", "--quote", "Cafe\u{301}", "--claim", "in the other article"]),
            ]
        case .badSpan:
            return [
                Refusal(["annotate", "harbour", "--span", "5-3", "--claim", "x"], mentioning: ["5-3"]),
                Refusal(["annotate", "harbour", "--span", "3-3", "--claim", "x"], mentioning: ["3-3"]),
                Refusal(["annotate", "harbour", "--span", "0-{count+1}", "--claim", "x"], mentioning: ["{count}"]),
                Refusal(["annotate", "harbour", "--span", "{count}-{count+1}", "--claim", "x"]),
                Refusal(["annotate", "harbour", "--span", "0-9223372036854775807", "--claim", "x"]),
                Refusal(["annotate", "harbour", "--span", "0-99999999999999999999", "--claim", "x"]),
                Refusal(["annotate", "harbour", "--span", "five-six", "--claim", "x"]),
                Refusal(["annotate", "harbour", "--span", "10", "--claim", "x"]),
                Refusal(["annotate", "harbour", "--span", "{flag-first-half}", "--claim", "half a flag"]),
                Refusal(["annotate", "harbour", "--span", "{flag-second-half}", "--claim", "other half of a flag"]),
                Refusal(["annotate", "harbour", "--span", "{thumb-without-tone}", "--claim", "emoji without its skin tone"]),
            ]
        case .badParagraph:
            return [
                Refusal(["annotate", "harbour", "--paragraph", "0", "--claim", "x"], mentioning: ["0"]),
                Refusal(["annotate", "harbour", "--paragraph", "5", "--claim", "x"], mentioning: ["5", "4"]),
                Refusal(["annotate", "harbour", "--paragraph", "9223372036854775807", "--claim", "x"]),
            ]
        case .verifyWithoutSource:
            return [
                Refusal(["verify", "{open}"], mentioning: ["{open}", "source"]),
                Refusal(["verify", "{open}", "--note", "I called them, it is right"], mentioning: ["source"]),
                Refusal(["status", "{open}", "verified"], mentioning: ["source"]),
                Refusal(["verify", "{verified}"], mentioning: ["{verified}"]),
            ]
        case .badOccurrence:
            return [
                Refusal(["annotate", "council", "--quote", "budget", "--occurrence", "4", "--claim", "x"], mentioning: ["4"]),
                Refusal(["annotate", "council", "--quote", "budget", "--occurrence", "0", "--claim", "x"]),
            ]
        case .badArticleText:
            return [
                Refusal(["article", "add", "-", "--id", "blank", "--title", "Blank"], input: []),
                Refusal(["article", "add", "-", "--id", "blank", "--title", "Blank"], input: Array(" \n\n\t\u{A0}\n".utf8)),
                Refusal(["article", "add", "-", "--id", "nul-byte", "--title", "NUL"], input: Array("Dockers\0walked out.\n".utf8),
                        mentioning: ["U+0000"]),
                Refusal(["article", "add", "-", "--id", "latin1", "--title", "Latin-1"], input: [0x43, 0x61, 0x66, 0xE9, 0x0A],
                        mentioning: ["UTF-8"]),
                Refusal(["article", "add", "-", "--id", "bell", "--title", "Bell"], input: Array("Ring\u{7} the bell.\n".utf8)),
                Refusal(["article", "add", "latin1.txt", "--id", "latin1", "--title", "Latin-1"], mentioning: ["latin1.txt", "UTF-8"]),
                Refusal(["article", "add", "nul.txt", "--id", "nul-byte", "--title", "NUL"], mentioning: ["nul.txt"]),
                Refusal(["article", "add", "empty.txt", "--id", "empty", "--title", "Empty"], mentioning: ["empty.txt"]),
                Refusal(["article", "add", "no-such-file.txt", "--id", "missing", "--title", "Missing"], mentioning: ["no-such-file.txt"]),
            ]
        case .badSlug:
            let text = Array("Some text.\n".utf8)
            return [
                Refusal(["article", "add", "-", "--id", "../x", "--title", "Escape"], input: text, mentioning: ["../x"]),
                Refusal(["article", "add", "-", "--id", "a/b", "--title", "Nested"], input: text),
                Refusal(["article", "add", "-", "--id", "Harbour", "--title", "Capital"], input: text),
                Refusal(["article", "add", "-", "--id", "con", "--title", "Reserved"], input: text),
                Refusal(["article", "add", "-", "--id", "", "--title", "Empty"], input: text),
                Refusal(["article", "add", "-", "--id", ".git", "--title", "Git"], input: text),
                Refusal(["annotate", "../x", "--paragraph", "1", "--claim", "x"], mentioning: ["../x"]),
                Refusal(["article", "show", "../x"], mentioning: ["../x"]),
                Refusal(["claims", "../x"], mentioning: ["../x"]),
                Refusal(["history", "--article", "../x"], mentioning: ["../x"]),
                Refusal(["report", "../x"], mentioning: ["../x"]),
            ]
        case .duplicateArticle:
            return [
                Refusal(["article", "add", "-", "--id", "harbour", "--title", "Again"], input: Array("Other text.\n".utf8),
                        mentioning: ["harbour"]),
                Refusal(["article", "add", "-", "--id", "harbour", "--title", "Same text"], input: Array(HarbourStory.typed.utf8),
                        mentioning: ["harbour"]),
                Refusal(["init"]),
            ]
        case .badSources:
            return [
                Refusal(["annotate", "harbour", "--paragraph", "1", "--claim", "x", "--source", "not a url"], mentioning: ["not a url"]),
                Refusal(["source", "add", "{open}", "not a url"], mentioning: ["not a url"]),
                Refusal(["verify", "{open}", "--source", "not a url"], mentioning: ["not a url"]),
                Refusal(["source", "add", "{sourced}", "https://stats.example/cpi"], mentioning: ["https://stats.example/cpi"]),
                Refusal(["annotate", "harbour", "--paragraph", "1", "--claim", "   "]),
            ]
        case .badEditorTitleFormatOrOutput:
            return [
                Refusal(["annotate", "harbour", "--paragraph", "1", "--claim", "x", "--editor", "nobody"], mentioning: ["nobody"]),
                Refusal(["status", "{open}", "in-review", "--editor", "Ana <>"]),
                Refusal(["article", "add", "-", "--id", "untitled", "--title", "  "], input: Array("Text.\n".utf8)),
                Refusal(["article", "add", "-", "--id", "two-lines", "--title", "Line one\nLine two"], input: Array("Text.\n".utf8)),
                Refusal(["article", "add", "-", "--id", "bad-url", "--title", "T", "--url", "not a url"], input: Array("Text.\n".utf8)),
                Refusal(["report", "--format", "pdf"], mentioning: ["pdf"]),
                Refusal(["report", "--output", "no-such-folder/report.md"], mentioning: ["no-such-folder/report.md"]),
            ]
        }
    }
}

/// Every mistake a user can make gets one clear error line, a non-zero exit, and an unchanged store.
@Suite("Bad input is refused and changes nothing")
struct BadInputTests {
    @Test("Each mistake: one 'factdesk: error:' line, non-zero exit, no crash, the store exactly as it was",
          arguments: Mistake.allCases)
    func refused(_ mistake: Mistake) throws {
        let fixture = try BadInputDesk()
        let desk = fixture.desk
        try desk.directory.write(Data([0x43, 0x61, 0x66, 0xE9, 0x0A]), to: "latin1.txt")
        try desk.directory.write(Data("Dockers\0walked out.\n".utf8), to: "nul.txt")
        try desk.directory.write(Data(), to: "empty.txt")
        let commits = try desk.commitCount()
        for refusal in mistake.refusals {
            try desk.expectRefused(fixture.resolve(refusal.arguments), input: refusal.input.map { Data($0) },
                                   mentioning: fixture.resolve(refusal.mentioning))
        }
        #expect(try desk.commitCount() == commits)
        try GitAgreementTests.expectRepositoryConsistent(desk)
    }

    @Test("Usage mistakes caught by the argument parser fail with a message and change nothing")
    func usageErrors() throws {
        let fixture = try BadInputDesk()
        let desk = fixture.desk
        let mistakes: [[String]] = [
            ["annotate", "harbour", "--claim", "no selector"],
            ["annotate", "harbour", "--paragraph", "1", "--quote", "Fans", "--claim", "two selectors"],
            ["annotate", "harbour", "--paragraph", "one", "--claim", "x"],
            ["annotate", "harbour", "--paragraph", "1"],
            ["annotate", "harbour", "--paragraph", "1", "--occurrence", "2", "--claim", "occurrence without quote"],
            ["status", fixture.open],
            ["history"],
            ["history", fixture.open, "--article", "harbour"],
            ["article", "add", "-", "--title", "No id"],
            ["frobnicate"],
        ]
        for arguments in mistakes {
            let before = try desk.fingerprint()
            let result = try desk.run(arguments, input: Data("Text.\n".utf8))
            #expect(!result.crashed, "\(arguments) crashed")
            #expect(result.status != 0, "\(arguments) should fail")
            #expect(!result.stderr.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(arguments) should say why")
            #expect(try desk.fingerprint() == before, "\(arguments) changed the store")
        }
    }

    @Test("An ambiguous quote is refused with its occurrences listed; --occurrence 2 then picks the second")
    func ambiguousQuote() throws {
        let fixture = try BadInputDesk()
        let desk = fixture.desk
        let text = BadInputDesk.council
        let occurrences = (1...3).map { text.scalarRange(of: "budget", occurrence: $0)! }
        let refused = try desk.expectRefused(["annotate", "council", "--quote", "budget", "--claim", "The budget grew"],
                                             mentioning: ["budget", "--occurrence"])
        for (index, range) in occurrences.enumerated() {
            #expect(refused.stderr.contains("\(range.lowerBound)-\(range.upperBound)"),
                    "occurrence \(index + 1) at \(range) should be listed: \(refused.stderr)")
        }
        #expect(refused.stderr.contains("¶1") && refused.stderr.contains("¶2"), "paragraphs named: \(refused.stderr)")

        let second = try desk.annotate("council", ["--quote", "budget", "--occurrence", "2"], claim: "The budget shrank")
        let shown = try desk.jsonObject(["show", second])
        #expect(shown["start"] as? Int == occurrences[1].lowerBound && shown["end"] as? Int == occurrences[1].upperBound)
        #expect(shown["paragraph"] as? Int == 1)
        let third = try desk.annotate("council", ["--quote", "budget", "--occurrence", "3"], claim: "The vote")
        #expect(try desk.jsonObject(["show", third])["paragraph"] as? Int == 2)
    }

    @Test("An ambiguous claim prefix is refused naming the candidates; the full id works")
    func ambiguousClaimPrefix() throws {
        let fixture = try BadInputDesk()
        let desk = fixture.desk
        var byPrefix: [String: [String]] = [:]
        for id in [fixture.open, fixture.sourced, fixture.verified] { byPrefix[String(id.prefix(3)), default: []].append(id) }
        // Ids are random: file claims until two share their first digit (at most 33 by pigeonhole).
        while !byPrefix.values.contains(where: { $0.count >= 2 }) {
            let id = try desk.annotate("harbour", ["--paragraph", "4"], claim: "Repeated the figure")
            byPrefix[String(id.prefix(3)), default: []].append(id)
        }
        let (prefix, ids) = try #require(byPrefix.first { $0.value.count >= 2 })
        let shown = try desk.expectRefused(["show", prefix], mentioning: [prefix] + ids)
        #expect(shown.stderr.contains("ambiguous"), "\(shown.stderr)")
        try desk.expectRefused(["status", prefix, "false"], mentioning: [prefix])
        try desk.expectRefused(["source", "add", prefix, "https://stats.example/x"], mentioning: [prefix])
        try desk.expectRefused(["history", prefix], mentioning: [prefix])
        // Without the c-, the same prefix is just as ambiguous.
        try desk.expectRefused(["show", String(prefix.dropFirst(2))])
        for id in ids { #expect(try desk.jsonObject(["show", id])["id"] as? String == id) }
    }

    @Test("With no editor anywhere, every change is refused with a clear line; reading still works")
    func noEditorAnywhere() throws {
        let fixture = try BadInputDesk()
        let desk = fixture.desk
        let nobody = try desk.environmentWithoutIdentity()
        let changes: [(arguments: [String], input: Data?)] = [
            (["article", "add", "-", "--id", "anonymous", "--title", "Anonymous"], Data("Text.\n".utf8)),
            (["annotate", "harbour", "--paragraph", "1", "--claim", "x"], nil),
            (["source", "add", fixture.open, "https://stats.example/x"], nil),
            (["verify", fixture.sourced], nil),
            (["status", fixture.open, "in-review"], nil),
        ]
        for change in changes {
            try desk.expectRefused(change.arguments, input: change.input, environment: nobody,
                                   mentioning: ["--editor", "FACTDESK_EDITOR"])
        }
        let listed = try desk.run(["claims"], environment: nobody)
        #expect(listed.status == 0 && listed.stdout.contains(fixture.open), "reading needs no editor: \(listed.stderr)")

        // `init` with no editor creates nothing at all.
        try desk.expectRefused(["init", "--store", "fresh"], environment: nobody, raw: true, mentioning: ["--editor"])
        #expect(!FileManager.default.fileExists(atPath: desk.directory.path("fresh")), "init left a folder behind")
    }

    @Test("A store folder that is not a desk is refused and left as it was")
    func notADesk() throws {
        let fixture = try BadInputDesk()
        let desk = fixture.desk
        let env = ["FACTDESK_EDITOR": desk.editor]
        let plain = desk.directory.url.appendingPathComponent("plain")
        let repository = desk.directory.url.appendingPathComponent("plain-repo")
        try FileManager.default.createDirectory(at: plain, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
        try ProcessRunner.git(["init", "-q", "-b", "main"], in: repository)
        try FileManager.default.createDirectory(at: desk.deskURL.appendingPathComponent("notes"), withIntermediateDirectories: true)
        let aFile = try desk.directory.write("not a folder\n", to: "a-file")

        for store in ["plain", "plain-repo", "missing", "desk/notes", aFile] {
            for arguments in [["annotate", "harbour", "--paragraph", "1", "--claim", "x"],
                              ["article", "add", "-", "--id", "harbour", "--title", "T"],
                              ["claims"], ["report"], ["show", fixture.open]] {
                try desk.expectRefused(arguments + ["--store", store], input: Data("Text.\n".utf8), environment: env, raw: true)
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: plain.path).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: desk.directory.path("missing")))
        #expect((try? ProcessRunner.git(["rev-parse", "HEAD"], in: repository)) == nil, "no commit in the plain repository")
        #expect(try String(contentsOfFile: aFile, encoding: .utf8) == "not a folder\n")
    }

    @Test("A claim file corrupted by hand and committed with git is named in one error line; nothing changes")
    func corruptClaimFileCommittedByHand() throws {
        let fixture = try BadInputDesk()
        let desk = fixture.desk
        let path = try desk.claimPath(fixture.open)
        let valid = try Data(contentsOf: desk.deskURL.appendingPathComponent(path))
        var object = try #require(try JSONSerialization.jsonObject(with: valid) as? [String: Any])
        object["status"] = "done"
        let badStatus = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        object["status"] = "unverified"
        object["anchor"] = nil
        let noAnchor = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])

        for (label, bytes) in [("not JSON", Data("{ \"id\": \"\(fixture.open)\", \"status\": \n".utf8)),
                               ("unknown status", badStatus), ("no anchor", noAnchor), ("empty", Data())] {
            try bytes.write(to: desk.deskURL.appendingPathComponent(path))
            try desk.git("add", path)
            try desk.git("-c", "user.name=Hand Editor", "-c", "user.email=hand@example.org", "commit", "-qm", "hand edit: \(label)")
            let commits = try desk.commitCount()
            let fileName = (path as NSString).lastPathComponent
            for arguments in [["show", fixture.open], ["show", fixture.open, "--json"],
                              ["verify", fixture.open, "--source", "https://stats.example/cpi"],
                              ["status", fixture.open, "in-review"], ["source", "add", fixture.open, "https://stats.example/x"],
                              ["claims"], ["claims", "harbour"], ["report"], ["report", "--format", "json"]] {
                try desk.expectRefused(arguments, mentioning: [fileName])
            }
            #expect(try desk.commitCount() == commits, "\(label)")
            // Its history is still readable, to find the last good version.
            let history = try desk.run(["history", fixture.open])
            #expect(history.status == 0 && history.stdout.contains("hand edit: \(label)"), "\(label): \(history.stderr)")
            // Claims in other articles are untouched by the corruption.
            #expect(try desk.jsonObject(["show", fixture.verified])["status"] as? String == "verified")
        }
    }

    @Test("Following the error line's advice repairs a corrupt claim file that was committed by hand")
    func corruptClaimAdviceWorks() throws {
        let fixture = try BadInputDesk()
        let desk = fixture.desk
        let path = try desk.claimPath(fixture.open)
        try Data("{\n".utf8).write(to: desk.deskURL.appendingPathComponent(path))
        try desk.git("-c", "user.name=Hand Editor", "-c", "user.email=hand@example.org", "commit", "-qam", "oops")
        let refused = try desk.expectRefused(["show", fixture.open], mentioning: [path])
        // The line names the git command that lists the file's versions; restore the one before the damage.
        let advice = try #require(refused.stderr.firstMatch(of: /`(git log -- [^`]+)`/)?.1)
        let words = advice.split(separator: " ").dropFirst().map(String.init)
        let versions = try ProcessRunner.git([words[0], "--format=%H"] + words.dropFirst(), in: desk.deskURL).split(separator: "\n")
        let good = try #require(versions.dropFirst().first)
        try desk.git("checkout", String(good), "--", path)
        try desk.git("-c", "user.name=Hand Editor", "-c", "user.email=hand@example.org", "commit", "-qam", "restore \(fixture.open)")
        let after = try desk.run(["show", fixture.open])
        #expect(after.status == 0, "after restoring \(good): \(after.stderr)")
    }

    @Test("An error stays one line when the bad input itself holds a line break")
    func errorLineWithLineBreakInInput() throws {
        let fixture = try BadInputDesk()
        let desk = fixture.desk
        let inputs: [[String]] = [
            ["status", fixture.open, "in\nreview"],
            ["article", "add", "-", "--id", "port\nstrike", "--title", "T"],
            ["annotate", "harbour", "--paragraph", "1", "--claim", "x", "--editor", "Ana\nRuiz"],
            ["report", "--format", "mark\ndown"],
            ["show", "c-\n1"],
            ["annotate", "harbour", "--span", "1\n-2", "--claim", "x"],
            ["article", "add", "harbour\n.txt", "--id", "other", "--title", "T"],
            ["source", "add", fixture.open, "https://stats\n.example"],
        ]
        var multiLine: [String] = []
        for arguments in inputs {
            let before = try desk.fingerprint()
            let result = try desk.run(arguments, input: Data("Text.\n".utf8))
            #expect(result.status != 0 && !result.crashed, "\(arguments) should be refused")
            #expect(result.stderr.hasPrefix("factdesk: error: "), "\(arguments): \(result.stderr)")
            #expect(try desk.fingerprint() == before, "\(arguments) changed the store")
            if result.stderr.split(separator: "\n").count != 1 { multiLine.append(result.stderr) }
        }
        #expect(multiLine.isEmpty, "multi-line errors: \(multiLine)")
    }
}
