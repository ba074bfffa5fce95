import Foundation
import Testing
import TestSupport

/// `factdesk` processes killed with SIGKILL at arbitrary moments leave a desk that is valid,
/// or that `check --repair` makes whole, with every acknowledged change present.
@Suite struct CrashSafetyTests {
    @Test(.timeLimit(.minutes(5)))
    func writersKilledAtRandomMomentsNeverCorruptTheDesk() throws {
        let desk = try CLIDesk()
        let article = try desk.directory.write("One.\n\nTwo — “quoted”.\n\nThree 🇺🇦.\n", to: "a.txt")
        _ = try desk.succeed(["article", "add", article, "--id", "story", "--title", "Story"])
        var acknowledged: [String] = []
        var generator = SystemRandomNumberGenerator()
        for round in 0..<40 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CLIDesk.binary)
            process.arguments = ["annotate", "story", "--paragraph", "\(round % 3 + 1)", "--claim", "round \(round)", "--store", "desk"]
            process.currentDirectoryURL = desk.directory.url
            process.environment = ["FACTDESK_EDITOR": desk.editor, "PATH": "/usr/bin:/bin"]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0..<40_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            if process.terminationReason == .exit && process.terminationStatus == 0 {
                acknowledged.append(printed.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }
        #expect(acknowledged.count < 40, "no writer was killed: the test proved nothing")
        // Objects may dangle; nothing may be broken.
        try ProcessRunner.git(["fsck", "--strict"], in: desk.deskURL)
        let repaired = try desk.run(["check", "--repair"])
        #expect(repaired.status == 0, "\(repaired.stdout)\(repaired.stderr)")
        #expect(try desk.run(["check"]).status == 0)
        #expect(try ProcessRunner.git(["status", "--porcelain"], in: desk.deskURL) == "")
        let stored = try JSONSerialization.jsonObject(with: Data(try desk.succeed(["claims", "--json"]).utf8)) as? [[String: Any]] ?? []
        let storedIDs = Set(stored.compactMap { $0["id"] as? String })
        #expect(Set(acknowledged).isSubset(of: storedIDs))
        let commits = Int(try ProcessRunner.git(["rev-list", "--count", "HEAD"], in: desk.deskURL).trimmingCharacters(in: .whitespacesAndNewlines))!
        #expect(commits == 2 + storedIDs.count)
        // And the desk still takes writes.
        let after = try desk.run(["annotate", "story", "--paragraph", "1", "--claim", "after the storm"])
        #expect(after.status == 0, "\(after.stderr)")
    }

    @Test func aWriteKilledAfterTheCommitIsFinishedByTheNextWriter() throws {
        let desk = try CLIDesk()
        let article = try desk.directory.write("One.\n\nTwo.\n", to: "a.txt")
        _ = try desk.succeed(["article", "add", article, "--id", "story", "--title", "Story"])
        // Simulate a writer that moved the branch and died before touching the working tree:
        // commit a new claim file with plumbing only, and leave the journal FactDesk writes first.
        let repo = desk.deskURL
        let claimID = try desk.succeed(["annotate", "story", "--paragraph", "1", "--claim", "first"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let path = try #require(try ProcessRunner.git(["ls-files"], in: repo).split(separator: "\n").first { $0.hasSuffix("\(claimID).json") })
        let edited = try ProcessRunner.git(["show", "HEAD:\(path)"], in: repo).replacingOccurrences(of: "\"first\"", with: "\"first, edited\"")
        let blob = try ProcessRunner.run("/usr/bin/git", ["hash-object", "-w", "--stdin"], in: repo, input: Data(edited.utf8))
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let indexFile = desk.directory.path("scratch-index")
        let env = ["GIT_INDEX_FILE": indexFile]
        _ = try ProcessRunner.run("/usr/bin/git", ["read-tree", "HEAD"], in: repo, environment: env)
        _ = try ProcessRunner.run("/usr/bin/git", ["update-index", "--cacheinfo", "100644,\(blob),\(path)"], in: repo, environment: env)
        let tree = try ProcessRunner.run("/usr/bin/git", ["write-tree"], in: repo, environment: env).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let commit = try ProcessRunner.run("/usr/bin/git", ["commit-tree", tree, "-p", "HEAD", "-m", "edit by a writer that died"], in: repo,
                                           environment: ["GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@example.org",
                                                         "GIT_COMMITTER_NAME": "A", "GIT_COMMITTER_EMAIL": "a@example.org"])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try ProcessRunner.git(["update-ref", "refs/heads/main", commit], in: repo)
        try Data("\(path)\n".utf8).write(to: repo.appendingPathComponent(".git/factdesk-journal"))
        #expect(try ProcessRunner.git(["status", "--porcelain"], in: repo) != "")
        #expect(try desk.run(["check"]).status != 0)

        let next = try desk.run(["annotate", "story", "--paragraph", "2", "--claim", "second"])
        #expect(next.status == 0)
        #expect(next.stderr.contains("finished an interrupted write"))
        #expect(try ProcessRunner.git(["status", "--porcelain"], in: repo) == "")
        #expect(try String(contentsOf: repo.appendingPathComponent(String(path)), encoding: .utf8).contains("first, edited"))
        #expect(!FileManager.default.fileExists(atPath: repo.appendingPathComponent(".git/factdesk-journal").path))
    }

    @Test func aStaleIndexLockIsRemovedWithANotice() throws {
        let desk = try CLIDesk()
        let lock = desk.deskURL.appendingPathComponent(".git/index.lock")
        try Data().write(to: lock)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-60)], ofItemAtPath: lock.path)
        let article = try desk.directory.write("One.\n", to: "a.txt")
        let result = try desk.run(["article", "add", article, "--id", "story", "--title", "Story"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("removed a stale"))
        #expect(try ProcessRunner.git(["status", "--porcelain"], in: desk.deskURL) == "")
    }
}
