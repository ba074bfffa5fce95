import Foundation
import TestSupport
import Testing

/// The repository is the audit log: every operation is one commit by the editor who did it, with a
/// readable message, and `git fsck`, `git log`, `git status` and the files all tell the same story.
@Suite("Git agrees with the desk")
struct GitAgreementTests {
    static let ben = "Ben Okafor <ben@example.org>"
    static let zoe = "Zoë Laurent <zoe@example.org>"

    /// One user operation and what git must show for it.
    struct Step {
        let arguments: [String]
        var input: String? = nil
        /// The environment; nil means FACTDESK_EDITOR is the desk's editor.
        var environment: [String: String]? = nil
        let author: String
        /// Words the commit subject must contain.
        let subjectContains: [String]
    }

    @Test("Each of a dozen operations adds exactly one commit, authored by --editor, FACTDESK_EDITOR or git config")
    func oneCommitPerOperationByItsEditor() throws {
        let desk = try CLIDesk()
        let ana = desk.editor
        #expect(try desk.commitCount() == 1, "init is one commit")
        #expect(try desk.git("log", "-1", "--format=%an <%ae>") == ana + "\n")

        var claims: [String] = []
        func step(_ step: Step) throws -> String {
            let before = try desk.commitCount()
            let result = try desk.run(step.arguments, input: step.input.map { Data($0.utf8) },
                                      environment: step.environment)
            try #require(result.status == 0, "factdesk \(step.arguments.joined(separator: " ")): \(result.stderr)")
            #expect(try desk.commitCount() == before + 1, "\(step.arguments.prefix(2)) should add exactly one commit")
            #expect(try desk.git("log", "-1", "--format=%an <%ae>") == step.author + "\n", "author of \(step.arguments.prefix(2))")
            let subject = try desk.git("log", "-1", "--format=%s").trimmingCharacters(in: .newlines)
            for word in step.subjectContains {
                #expect(subject.contains(word), "subject \(subject.debugDescription) should mention \(word)")
            }
            #expect(!subject.isEmpty && subject.count <= 120 && !subject.contains("{"), "unreadable subject \(subject.debugDescription)")
            return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        let file = try desk.writeInput(HarbourStory.typed, to: "harbour.txt")
        _ = try step(Step(arguments: ["article", "add", file, "--id", "harbour", "--title", "Harbour café prices soar"],
                          author: ana, subjectContains: ["harbour", "Harbour café prices soar"]))
        _ = try step(Step(arguments: ["article", "add", "-", "--id", "port-strike", "--title", "Port strike ends",
                                      "--editor", Self.ben],
                          input: "Dockers walked out on Monday.\n\nTalks resume Friday.\n",
                          author: Self.ben, subjectContains: ["port-strike"]))
        claims.append(try step(Step(arguments: ["annotate", "harbour", "--paragraph", "2", "--claim", "Trended for 12 hours"],
                                    author: ana, subjectContains: ["annotate", "harbour"])))
        claims.append(try step(Step(arguments: ["annotate", "harbour", "--quote", HarbourStory.typedPriceQuote,
                                                "--claim", "Prices rose 40%", "--editor", Self.ben],
                                    author: Self.ben, subjectContains: ["annotate", "harbour"])))
        claims.append(try step(Step(arguments: ["annotate", "port-strike", "--span", "0-7", "--claim", "Dockers struck",
                                                "--source", "https://union.example/statement"],
                                    author: ana, subjectContains: ["annotate", "port-strike"])))
        for (index, id) in claims.enumerated() {
            #expect(try desk.git("log", "-1", "--skip=\(2 - index)", "--format=%s").contains(id))
        }

        // No --editor, no FACTDESK_EDITOR, no global identity: the repository's git config names the editor.
        try desk.git("config", "user.name", "Zoë Laurent")
        try desk.git("config", "user.email", "zoe@example.org")
        let noIdentity = try desk.environmentWithoutIdentity()
        _ = try step(Step(arguments: ["source", "add", claims[1], "https://stats.example/cpi", "--title", "CPI"],
                          environment: noIdentity, author: Self.zoe, subjectContains: ["source", claims[1]]))
        // --editor wins over FACTDESK_EDITOR.
        _ = try step(Step(arguments: ["status", claims[1], "in-review", "--editor", Self.ben],
                          author: Self.ben, subjectContains: ["status", claims[1], "in-review"]))
        _ = try step(Step(arguments: ["verify", claims[1], "--source", "https://stats.example/cpi-table-4",
                                      "--note", "Table 4 confirms it"],
                          author: ana, subjectContains: ["verify", claims[1]]))
        #expect(try desk.git("log", "-1", "--format=%s") == "verify \(claims[1]): verified (2 sources)\n",
                "the design's own example of a readable message")
        _ = try step(Step(arguments: ["status", claims[0], "false", "--note", "It trended for 3 hours"],
                          environment: noIdentity, author: Self.zoe, subjectContains: ["status", claims[0], "false"]))
        #expect(try desk.git("log", "-1", "--format=%b").contains("It trended for 3 hours"), "the note is in the message")
        _ = try step(Step(arguments: ["status", claims[2], "unverifiable"], author: ana,
                          subjectContains: [claims[2], "unverifiable"]))
        _ = try step(Step(arguments: ["source", "add", claims[2], "https://port.example/log", "--note", "Gate log"],
                          author: ana, subjectContains: [claims[2]]))

        // The whole log, newest first, names every editor in order.
        let authors = try desk.git("log", "--format=%an <%ae>").split(separator: "\n").map(String.init)
        #expect(authors == [ana, ana, Self.zoe, ana, Self.ben, Self.zoe, ana, Self.ben, ana, Self.ben, ana, ana])
        #expect(try desk.commitCount() == 12)

        // Reading changes nothing.
        let before = try desk.fingerprint()
        for read in [["claims"], ["claims", "harbour", "--status", "false"], ["show", claims[1]], ["history", claims[1]],
                     ["history", "--article", "harbour"], ["report"], ["report", "--format", "json"], ["report", "--format", "html"],
                     ["article", "list"], ["article", "show", "harbour"], ["show", claims[0], "--json"]] {
            _ = try desk.succeed(read)
        }
        #expect(try desk.fingerprint() == before, "read commands must not commit or touch files")

        try Self.expectRepositoryConsistent(desk)

        // The committed claim files say what `show --json` says.
        for id in claims {
            let stored = try #require(try JSONSerialization.jsonObject(
                with: Data(try desk.git("show", "HEAD:" + desk.claimPath(id)).utf8)) as? [String: Any])
            let shown = try desk.jsonObject(["show", id])
            #expect(stored["id"] as? String == id)
            #expect(stored["status"] as? String == shown["status"] as? String)
            let anchor = try #require(stored["anchor"] as? [String: Any], "claim file keeps its anchor")
            #expect(anchor["start"] as? Int == shown["start"] as? Int && anchor["end"] as? Int == shown["end"] as? Int)
            #expect(isISO8601UTC(stored["createdAt"]) && isISO8601UTC(stored["updatedAt"]))
            #expect((stored["sources"] as? [Any])?.count == (shown["sources"] as? [Any])?.count)
        }
    }

    @Test("Articles are filed under the shard named by the slug's git blob id, and the text is committed as stored")
    func layoutOnDisk() throws {
        let desk = try CLIDesk()
        try desk.addArticle("harbour", title: "Harbour", text: HarbourStory.typed)
        let id = try desk.annotate("harbour", ["--paragraph", "1"], claim: "Prices rose")
        let hash = try ProcessRunner.run("/usr/bin/git", ["hash-object", "--stdin"], input: Data("harbour".utf8))
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let folder = "articles/\(hash.prefix(2))/harbour"
        let tracked = Set(try desk.git("ls-files").split(separator: "\n").map(String.init))
        #expect(tracked == [".gitattributes", "desk.json", "\(folder)/article.json", "\(folder)/text.txt", "\(folder)/claims/\(id).json"])
        #expect(try desk.git("show", "HEAD:\(folder)/text.txt") == HarbourStory.stored)
        // The annotate commit touched only the claim's file.
        let changed = try desk.git("show", "--name-only", "--format=", "HEAD").split(separator: "\n").map(String.init)
        #expect(changed == ["\(folder)/claims/\(id).json"])
        try Self.expectRepositoryConsistent(desk)
    }

    @Test("A desk in a folder of an existing repository commits only its own files and keeps git status clean")
    func deskInsideAnExistingRepository() throws {
        let desk = try CLIDesk()
        let newsroom = desk.directory.url.appendingPathComponent("newsroom")
        try FileManager.default.createDirectory(at: newsroom, withIntermediateDirectories: true)
        try ProcessRunner.git(["init", "-q", "-b", "main"], in: newsroom)
        try "# Newsroom\n".write(to: newsroom.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        try ProcessRunner.git(["add", "README.md"], in: newsroom)
        try ProcessRunner.git(["-c", "user.name=Setup", "-c", "user.email=setup@example.org", "commit", "-qm", "README"], in: newsroom)

        let env = ["FACTDESK_EDITOR": desk.editor]
        for arguments in [["init"], ["article", "add", "-", "--id", "harbour", "--title", "Harbour"]] {
            let result = try desk.runRaw(arguments + ["--store", "newsroom/annotations"],
                                         input: Data(HarbourStory.typed.utf8), environment: env)
            try #require(result.status == 0, "\(arguments): \(result.stderr)")
        }
        // FACTDESK_STORE names the desk when --store is not given.
        let annotated = try desk.runRaw(["annotate", "harbour", "--paragraph", "3", "--claim", "Hebrew headline"],
                                        environment: env.merging(["FACTDESK_STORE": "newsroom/annotations"]) { $1 })
        try #require(annotated.status == 0, "\(annotated.stderr)")
        let id = annotated.stdout.trimmingCharacters(in: .whitespacesAndNewlines)

        #expect(try ProcessRunner.git(["rev-list", "--count", "HEAD"], in: newsroom) == "4\n")
        #expect(try ProcessRunner.git(["status", "--porcelain", "--untracked-files=all"], in: newsroom).isEmpty)
        let touched = try ProcessRunner.git(["log", "--format=", "--name-only", "HEAD~3..HEAD"], in: newsroom)
            .split(separator: "\n").map(String.init)
        #expect(!touched.isEmpty && touched.allSatisfy { $0.hasPrefix("annotations/") }, "\(touched)")
        #expect(touched.contains { $0.hasSuffix("/claims/\(id).json") })
        #expect(try String(contentsOf: newsroom.appendingPathComponent("README.md"), encoding: .utf8) == "# Newsroom\n")
        #expect(try ProcessRunner.git(["log", "-1", "--format=%an <%ae>"], in: newsroom) == desk.editor + "\n")
    }

    @Test("With no store given, the desk is ./annotations")
    func defaultStoreFolder() throws {
        let desk = try CLIDesk()
        let env = ["FACTDESK_EDITOR": desk.editor]
        let created = try desk.runRaw(["init"], environment: env)
        try #require(created.status == 0, "\(created.stderr)")
        let added = try desk.runRaw(["article", "add", "-", "--id", "harbour", "--title", "Harbour"],
                                    input: Data(HarbourStory.typed.utf8), environment: env)
        try #require(added.status == 0, "\(added.stderr)")
        let annotations = desk.directory.url.appendingPathComponent("annotations")
        #expect(try ProcessRunner.git(["rev-list", "--count", "HEAD"], in: annotations) == "2\n")
        #expect(try desk.succeed(["article", "list"]).contains("No articles"), "the desk in desk/ is untouched")
    }

    @Test("Eight fact-checkers annotating at the same moment make eight commits, none refused")
    func concurrentWriters() throws {
        let desk = try CLIDesk()
        try desk.addArticle("harbour", title: "Harbour", text: HarbourStory.typed)
        let commits = try desk.commitCount()
        let results = Results()
        let group = DispatchGroup()
        let binary = CLIDesk.binary, folder = desk.directory.url, editor = desk.editor
        for index in 1...8 {
            group.enter()
            DispatchQueue.global().async {
                let result = try? ProcessRunner.run(binary, ["annotate", "harbour", "--paragraph", "\((index % 4) + 1)",
                                                             "--claim", "Claim \(index)", "--store", "desk"],
                                                    in: folder, environment: ["FACTDESK_EDITOR": editor])
                results.append(result)
                group.leave()
            }
        }
        group.wait()
        let all = results.values
        #expect(all.allSatisfy { $0 != nil && $0?.crashed == false })
        let failures = all.compactMap { $0 }.filter { $0.status != 0 }.map(\.stderr)
        #expect(failures.isEmpty, "refused under contention: \(failures)")
        // Each success is exactly one commit and the repository stays consistent.
        let succeeded = all.compactMap { $0 }.filter { $0.status == 0 }
        #expect(try desk.commitCount() == commits + succeeded.count)
        #expect(try desk.jsonArray(["claims"]).count == succeeded.count)
        try Self.expectRepositoryConsistent(desk)
    }

    /// Results gathered from several threads.
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [ProcessResult?] = []
        func append(_ result: ProcessResult?) { lock.lock(); stored.append(result); lock.unlock() }
        var values: [ProcessResult?] { lock.lock(); defer { lock.unlock() }; return stored }
    }

    @Test("A change of more than 64 files is one new pack that holds exactly the objects the commit made")
    func largeChangePacksOnlyItsOwnObjects() throws {
        let desk = try CLIDesk()
        try desk.addArticle("other", title: "Untouched", text: "An article nobody edits today.\n")
        try desk.addArticle("budget", title: "Budget", text: "The budget is $412 million, up 4.5% on last year.\n")
        let rows = (1...70).map { "budget,Claim \($0) about the budget,1" }
        _ = try desk.writeInput((["article,claim,paragraph"] + rows).joined(separator: "\n") + "\n", to: "claims.csv")
        let packFolder = URL(fileURLWithPath: try desk.git("rev-parse", "--path-format=absolute", "--git-path", "objects/pack")
            .trimmingCharacters(in: .newlines))
        let indexes = { try FileManager.default.contentsOfDirectory(atPath: packFolder.path).filter { $0.hasSuffix(".idx") } }
        let before = Set(try indexes())
        _ = try desk.succeed(["import", "--format", "csv", "claims.csv"])
        let added = Set(try indexes()).subtracting(before)
        try #require(added.count == 1, "one new pack, found \(added)")
        let packed = Set(try desk.git("verify-pack", "-v", packFolder.appendingPathComponent(added.first!).path)
            .split(separator: "\n").compactMap { line -> String? in
                let id = line.prefix { $0 != " " }
                let kinds = [" commit ", " tree ", " blob "]
                return id.count == 40 && kinds.contains { line.contains($0) } ? String(id) : nil
            })
        // What git says the commit made: each changed blob and tree (`-t`), the root tree, the commit.
        var made = Set(try desk.git("diff-tree", "-r", "-t", "--no-commit-id", "HEAD").split(separator: "\n")
            .map { String($0.split(separator: " ")[3]) })
        made.insert(try desk.git("rev-parse", "HEAD^{tree}").trimmingCharacters(in: .newlines))
        made.insert(try desk.git("rev-parse", "HEAD").trimmingCharacters(in: .newlines))
        #expect(made.count > 70)
        #expect(packed == made)
        try Self.expectRepositoryConsistent(desk)
    }

    /// `git fsck --strict` is clean, `git status` is empty, and every committed file equals the working tree's
    /// copy; every JSON file is in the store's dialect (sorted keys, two-space indent, one trailing newline).
    static func expectRepositoryConsistent(_ desk: CLIDesk, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fsck = try ProcessRunner.run("/usr/bin/git", ["fsck", "--strict"], in: desk.deskURL,
                                         environment: ["GIT_CONFIG_NOSYSTEM": "1", "LC_ALL": "C"])
        // Dangling objects (left by a write that lost a race) are harmless; anything else is not.
        let complaints = (fsck.stdout + fsck.stderr).split(separator: "\n").filter { !$0.hasPrefix("dangling ") }
        #expect(fsck.status == 0 && complaints.isEmpty,
                "git fsck --strict: \(fsck.stdout) \(fsck.stderr)", sourceLocation: sourceLocation)
        #expect(try desk.git("status", "--porcelain", "--untracked-files=all").isEmpty,
                "git status is not clean", sourceLocation: sourceLocation)
        let tracked = try desk.git("ls-files").split(separator: "\n").map(String.init)
        for path in tracked {
            let committed = try gitBytes(["show", "HEAD:" + path], in: desk.deskURL)
            let onDisk = try Data(contentsOf: desk.deskURL.appendingPathComponent(path))
            #expect(committed == onDisk, "\(path): HEAD and the working tree differ", sourceLocation: sourceLocation)
            if path.hasSuffix(".json") {
                #expect(StoredJSON.dialectProblem(committed) == nil,
                        "\(path): \(StoredJSON.dialectProblem(committed) ?? "")", sourceLocation: sourceLocation)
            }
        }
    }

    /// The raw bytes git prints, without decoding them.
    static func gitBytes(_ arguments: [String], in directory: URL) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TestFailure("git \(arguments) failed") }
        return data
    }
}
