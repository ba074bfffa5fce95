import Foundation
import TestSupport
import Testing

/// `factdesk sync` between clones of one hub over plain paths and `file://`: every way two desks'
/// histories can meet, each ending with both desks holding the same tree, nothing lost, and
/// `git fsck --strict` and `factdesk check` clean.
@Suite(.serialized) struct SyncMergeTests {
    let ana = "Ana Ruiz <ana@example.org>", ben = "Ben Okafor <ben@example.org>"

    @Test func differentClaimsMeetInOneMergeCommitAuthoredByWhoeverSyncs() throws {
        let room = try SyncNewsroom()
        let a = try room.founder("a", editor: ana), b = try room.clone("b", editor: ben)
        let mine = try a.annotate(quote: "$412 million", claim: "The budget is $412 million")
        let theirs = try b.annotate(quote: "40 new inspectors", claim: "40 inspectors will be hired")
        #expect(try a.succeed(["sync"]).contains("0 in, 1 out"))
        let report = try b.sync()
        #expect(report["action"] as? String == "merged")
        #expect(report["incoming"] as? Int == 1)
        #expect(try b.git("log", "-1", "--format=%an <%ae> %P").hasPrefix(ben))
        #expect(try b.git("log", "-1", "--format=%P").split(separator: " ").count == 2)
        let back = try a.sync()
        #expect(back["action"] as? String == "fast-forward")
        for clone in [a, b] {
            #expect(try clone.claim(mine)["claim"] as? String == "The budget is $412 million")
            #expect(try clone.claim(theirs)["claim"] as? String == "40 inspectors will be hired")
        }
        try room.expectConverged([a, b], authors: ["ana@example.org", "ben@example.org"])
        // A sync with nothing new says so and writes nothing.
        let head = try a.git("rev-parse", "HEAD")
        #expect(try a.succeed(["sync"]).hasPrefix("0 in, 0 out"))
        #expect(try a.git("rev-parse", "HEAD") == head)
    }

    @Test func theSameClaimEditedEverywhereOnBothSidesMergesFieldByFieldAndKeepsTheLoserForReview() throws {
        let room = try SyncNewsroom()
        let a = try room.founder("a", editor: ana)
        let id = try a.annotate(quote: "$412 million", claim: "The budget is $412 million")
        try a.succeed(["sync"])
        let b = try room.clone("b", editor: ben)
        // Ana: two changes (clock 2); Ben: four (clock 4), so Ben's values win where both differ.
        try a.succeed(["verify", id, "--source", "https://example.org/budget.pdf", "--note", "Matches the budget book"])
        try a.succeed(["assign", id, "Cleo Park <cleo@example.org>"])
        try b.succeed(["source", "add", id, "https://example.org/audit.pdf"])
        try b.succeed(["status", id, "false"])
        try b.succeed(["assign", id, "Dev Rao <dev@example.org>"])
        try b.succeed(["status", id, "misleading", "--note", "Audit says $398 million"])
        try a.succeed(["sync"])
        let report = try b.sync()
        #expect(report["mergedClaims"] as? [String] == [id])
        #expect(report["conflictedClaims"] as? [String] == [id])
        try a.succeed(["sync"])
        for clone in [a, b] {
            let claim = try clone.claim(id)
            #expect(claim["status"] as? String == "misleading")
            #expect(claim["assignee"] as? String == "Dev Rao <dev@example.org>")
            let sources = (claim["sources"] as? [[String: Any]] ?? []).compactMap { $0["url"] as? String }
            #expect(Set(sources) == ["https://example.org/budget.pdf", "https://example.org/audit.pdf"])
            let notes = (claim["notes"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
            #expect(Set(notes) == ["Matches the budget book", "Audit says $398 million"])
            let conflicts = claim["conflicts"] as? [[String: Any]] ?? []
            #expect(Set(conflicts.compactMap { $0["field"] as? String }) == ["status", "assignee"])
            #expect(conflicts.contains { $0["field"] as? String == "status" && $0["value"] as? String == "verified" })
            #expect(claim["needsReview"] as? Bool == true)
        }
        #expect(try a.succeed(["claims", "--conflicted"]).contains(id))
        // The claim's history holds both sides' edits, each with its own author, and the merge.
        let history = try a.succeed(["history", id])
        for line in ["Ana Ruiz", "Ben Okafor", "verified", "misleading", "sync: merge"] {
            #expect(history.contains(line), "history lacks \(line): \(history)")
        }
        #expect(try a.succeed(["claims", "--needs-review"]).contains("needs review: merge conflict"))
        #expect(try a.succeed(["report"]).contains("Merge conflicts to settle (1)"))
        try room.expectConverged([a, b], authors: ["ana@example.org", "ben@example.org"])
        // Settling: Ana takes the status that lost; the assignee conflict is kept as it is.
        try a.succeed(["resolve", id, "--field", "status", "--take"])
        try a.succeed(["resolve", id, "--keep"])
        let settled = try a.claim(id)
        #expect(settled["status"] as? String == "verified")
        #expect((settled["conflicts"] as? [Any])?.isEmpty == true)
        #expect(settled["needsReview"] as? Bool == false)
        try a.succeed(["sync"]); try b.succeed(["sync"])
        #expect(try b.claim(id)["status"] as? String == "verified")
        try room.expectConverged([a, b], authors: ["ana@example.org", "ben@example.org"])
    }

    @Test func aClaimDeletedOnOneSideAndEditedOnTheOtherIsKeptEdited() throws {
        let room = try SyncNewsroom()
        let a = try room.founder("a", editor: ana)
        let id = try a.annotate(quote: "7 to 2", claim: "The vote was 7 to 2")
        try a.succeed(["sync"])
        let b = try room.clone("b", editor: ben)
        let path = try b.git("ls-files", "*/claims/\(id).json")
        try b.git("rm", "--quiet", path)
        try b.git("commit", "--quiet", "-m", "remove a claim by hand")
        try a.succeed(["status", id, "in-review", "--note", "Checking the minutes"])
        try b.succeed(["sync"])
        try a.succeed(["sync"]); try b.succeed(["sync"])
        for clone in [a, b] { #expect(try clone.claim(id)["status"] as? String == "in-review") }
        try room.expectConverged([a, b], authors: ["ana@example.org", "test@example.org"])
    }

    @Test func articleTextEditedInDifferentParagraphsMergesAndReanchorsEveryClaim() throws {
        let room = try SyncNewsroom()
        let a = try room.founder("a", editor: ana)
        let budget = try a.annotate(quote: "largest since 2008", claim: "Largest since 2008")
        let vote = try a.annotate(quote: "7 to 2", claim: "The vote was 7 to 2")
        try a.succeed(["sync"])
        let b = try room.clone("b", editor: ben)
        let top = SyncNewsroom.story.replacingOccurrences(of: "on Tuesday", with: "late on Tuesday")
        try a.succeed(["article", "update", "budget", "-"], input: Data(top.utf8))
        let bottom = SyncNewsroom.story.replacingOccurrences(of: "The vote was", with: "In the end, the vote was")
        try b.succeed(["article", "update", "budget", "-"], input: Data(bottom.utf8))
        let late = try b.annotate(quote: "In the end", claim: "It ended")
        try a.succeed(["sync"])
        let report = try b.sync()
        #expect(report["mergedArticles"] as? [String] == ["budget"])
        try a.succeed(["sync"])
        let text = try a.succeed(["article", "show", "budget"])
        #expect(text.contains("late on Tuesday") && text.contains("In the end, the vote was"))
        for clone in [a, b] {
            for (id, quote) in [(budget, "largest since 2008"), (vote, "7 to 2"), (late, "In the end")] {
                let claim = try clone.claim(id)
                #expect(claim["quote"] as? String == quote)
                #expect(claim["revision"] as? Int == 3)
                #expect(claim["anchorIssue"] is NSNull)
            }
        }
        try room.expectConverged([a, b], authors: ["ana@example.org", "ben@example.org"])
    }

    @Test func overlappingTextEditsStopSyncWithNothingChangedUntilASideIsTaken() throws {
        let room = try SyncNewsroom()
        let a = try room.founder("a", editor: ana)
        let b = try room.clone("b", editor: ben)
        try a.succeed(["article", "update", "budget", "-"],
                      input: Data(SyncNewsroom.story.replacingOccurrences(of: "$412 million", with: "$413 million").utf8))
        try b.succeed(["article", "update", "budget", "-"],
                      input: Data(SyncNewsroom.story.replacingOccurrences(of: "$412 million", with: "$421 million").utf8))
        try a.succeed(["sync"])
        let before = try StoreFingerprint(repository: b.url), hubBefore = try ProcessRunner.git(["rev-parse", "main"], in: room.hub)
        let refused = try b.run(["sync"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("budget") && refused.stderr.contains("--take ours budget") && refused.stderr.contains("Ana Ruiz"))
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(try StoreFingerprint(repository: b.url) == before)
        #expect(try ProcessRunner.git(["rev-parse", "main"], in: room.hub) == hubBefore)
        // A dry run lists the conflict instead of stopping.
        #expect((try b.sync(["--dry-run"])["unresolved"] as? [String])?.count == 1)
        try b.succeed(["sync", "--take", "theirs", "budget"])
        try a.succeed(["sync"])
        #expect(try b.succeed(["article", "show", "budget"]).contains("$413 million"))
        try room.expectConverged([a, b], authors: ["ana@example.org", "ben@example.org"])
    }

    @Test func policyChangedBothWaysStopsLikeText() throws {
        let room = try SyncNewsroom()
        let a = try room.founder("a", editor: ana), b = try room.clone("b", editor: ben)
        try a.succeed(["policy", "set", "publisher-name", "The Harlow Courier"])
        try b.succeed(["policy", "set", "publisher-name", "Harlow Courier"])
        try b.succeed(["policy", "set", "second-review", "on"])
        try a.succeed(["sync"])
        let refused = try b.run(["sync"])
        #expect(refused.status != 0 && refused.stderr.contains("publisher-name") && refused.stderr.contains("desk.json"))
        try b.succeed(["sync", "--take", "ours", "desk.json"])
        try a.succeed(["sync"])
        let policy = try a.succeed(["policy", "show"])
        #expect(policy.contains("Harlow Courier") && !policy.contains("The Harlow Courier"))
        #expect(policy.contains("second-review") && policy.contains("on"))
        try room.expectConverged([a, b], authors: ["ana@example.org", "ben@example.org"])
    }

    @Test func aCloneOfflineForAHundredCommitsCatchesUp() throws {
        let room = try SyncNewsroom()
        let a = try room.founder("a", editor: ana), b = try room.clone("b", editor: ben)
        var ids: [String] = []
        for index in 0..<50 {
            let id = try a.annotate(quote: index % 2 == 0 ? "$412 million" : "40 new inspectors", claim: "Claim \(index)")
            try a.succeed(["status", id, "in-review"])
            ids.append(id)
        }
        let own = try b.annotate(quote: "7 to 2", claim: "Offline claim")
        try a.succeed(["sync"])
        let report = try b.sync()
        #expect(report["incoming"] as? Int == 100)
        #expect(report["action"] as? String == "merged")
        try a.succeed(["sync"])
        #expect(try a.claim(own)["claim"] as? String == "Offline claim")
        #expect(try b.succeed(["claims", "--status", "in-review"]).split(separator: "\n").count == 50)
        try room.expectConverged([a, b], authors: ["ana@example.org", "ben@example.org"])
    }

    @Test func threeClonesSyncingAtTheSameMomentAllLand() async throws {
        let room = try SyncNewsroom()
        let a = try room.founder("a", editor: ana)
        let b = try room.clone("b", editor: ben), c = try room.clone("c", editor: "Cleo Park <cleo@example.org>")
        var filed: [String] = []
        for (clone, quote) in [(a, "$412 million"), (b, "40 new inspectors"), (c, "6.8%")] {
            for round in 0..<3 { filed.append(try clone.annotate(quote: quote, claim: "\(clone.name) \(round)")) }
        }
        // All three push at once: two of them find the hub moved and fetch, merge and push again.
        let results = try await withThrowingTaskGroup(of: ProcessResult.self) { group in
            for clone in [a, b, c] { group.addTask { try clone.run(["sync", "--json"]) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for result in results { #expect(result.status == 0, "a concurrent sync failed: \(result.stderr)") }
        for clone in [a, b, c] { try clone.succeed(["sync"]) }
        for clone in [a, b, c] { try clone.succeed(["sync"]) }
        for id in filed { #expect(try a.claim(id)["id"] as? String == id) }
        try room.expectConverged([a, b, c], authors: ["ana@example.org", "ben@example.org", "cleo@example.org"])
    }

    @Test func aDryRunSaysWhatWouldHappenAndChangesNothing() throws {
        let room = try SyncNewsroom()
        let a = try room.founder("a", editor: ana), b = try room.clone("b", editor: ben)
        _ = try a.annotate(quote: "7 to 2", claim: "Vote")
        try a.succeed(["sync"])
        try b.succeed(["annotate", "budget", "--quote", "6.8%", "--claim", "Tax"])
        let before = try StoreFingerprint(repository: b.url)
        let refs = try b.git("for-each-ref")
        let preview = try b.succeed(["sync", "--dry-run"])
        #expect(preview.contains("1 in, 2 out") && preview.contains("dry run"))
        #expect(try StoreFingerprint(repository: b.url) == before)
        #expect(try b.git("for-each-ref") == refs)
        #expect(!FileManager.default.fileExists(atPath: b.url.appendingPathComponent(".git/FETCH_HEAD").path))
    }

    @Test func aRemoteThatIsNotThereOrNotNamedIsRefusedInOneLine() throws {
        let room = try SyncNewsroom()
        let a = try room.founder("a", editor: ana)
        try a.succeed(["remote", "add", "lost", room.directory.url.appendingPathComponent("moved-away.git").path])
        let folder = room.directory.url.appendingPathComponent("not-a-repository")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try a.succeed(["remote", "add", "folder", folder.path])
        let before = try StoreFingerprint(repository: a.url)
        for (arguments, words) in [(["sync", "lost"], "does not exist"), (["sync", "nowhere"], "no remote named nowhere"),
                                   (["sync", "folder"], "does not appear to be a git repository"),
                                   (["remote", "add", "origin", room.hub.path], "already a remote named origin")] {
            let refused = try a.run(arguments)
            #expect(refused.status != 0 && refused.stderr.contains(words), "\(arguments): \(refused.stderr)")
            #expect(refused.stderr.split(separator: "\n").count == 1)
        }
        #expect(try StoreFingerprint(repository: a.url) == before)
    }

    @Test func aHubInAFolderWithASpaceIsReachedByPathAndByEscapedFileURL() throws {
        let room = try SyncNewsroom()
        let a = try room.founder("a", editor: ana)
        let folder = room.directory.url.appendingPathComponent("shared drive")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let hub = folder.appendingPathComponent("desk.git")
        _ = try ProcessRunner.git(["clone", "-q", "--bare", room.hub.path, hub.path], in: room.directory.url)
        let hubMain = { try ProcessRunner.git(["rev-parse", "main"], in: hub).trimmingCharacters(in: .whitespacesAndNewlines) }
        try a.succeed(["remote", "add", "drive", hub.absoluteString])
        #expect(hub.absoluteString.contains("%20"))
        let id = try a.annotate(quote: "$412 million", claim: "The budget is $412 million")
        #expect(try a.succeed(["sync", "drive"]).contains("0 in, 1 out"))
        #expect(try hubMain() == (try a.git("rev-parse", "HEAD")).trimmingCharacters(in: .whitespacesAndNewlines))
        try a.succeed(["remote", "remove", "drive"])
        try a.succeed(["remote", "add", "drive", hub.path])
        try a.succeed(["status", id, "false"])
        #expect(try a.succeed(["sync", "drive"]).contains("0 in, 1 out"))
        #expect(try hubMain() == (try a.git("rev-parse", "HEAD")).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func withoutGitOnThePathAPathRemoteSyncsThroughLibgit2sOwnTransport() throws {
        let room = try SyncNewsroom()
        let a = try room.founder("a", editor: ana), b = try room.clone("b", editor: ben)
        let noGit = ["PATH": room.directory.url.appendingPathComponent("no-git-here").path]
        let mine = try a.annotate(quote: "$412 million", claim: "The budget is $412 million")
        let theirs = try b.annotate(quote: "40 new inspectors", claim: "40 inspectors will be hired")
        #expect(try a.succeed(["sync"], environment: noGit).contains("0 in, 1 out"))
        #expect(try b.succeed(["sync"], environment: noGit).contains("1 in, 2 out"))
        #expect(try a.succeed(["sync"], environment: noGit).contains("2 in, 0 out"))
        for clone in [a, b] {
            #expect(try clone.claim(mine)["id"] as? String == mine)
            #expect(try clone.claim(theirs)["id"] as? String == theirs)
        }
        try room.expectConverged([a, b], authors: ["ana@example.org", "ben@example.org"])
    }

    @Test func plainGitPullThroughTheMergeDriverGivesTheTreeSyncGives() throws {
        let room = try SyncNewsroom()
        let a = try room.founder("a", editor: ana)
        let id = try a.annotate(quote: "$412 million", claim: "The budget is $412 million")
        try a.succeed(["sync"])
        let b = try room.clone("b", editor: ben)
        try a.succeed(["verify", id, "--source", "https://example.org/budget.pdf"])
        try a.succeed(["assign", id, "Cleo Park <cleo@example.org>"])
        try b.succeed(["source", "add", id, "https://example.org/audit.pdf"])
        try b.succeed(["status", id, "false", "--note", "Audit differs"])
        try b.succeed(["annotate", "budget", "--quote", "7 to 2", "--claim", "Vote"])
        try a.succeed(["sync"])
        // A copy of Ben's clone, same commits, merged by plain git instead of factdesk.
        let twin = SyncClone(url: room.directory.url.appendingPathComponent("b-twin"), editor: ben)
        try ProcessRunner.git(["clone", "--quiet", b.url.path, twin.url.path], in: room.directory.url)
        try twin.succeed(["merge-driver", "install"])
        try twin.git("pull", "--quiet", "--no-rebase", "--no-edit", room.hub.path, "main")
        try b.succeed(["sync"])
        #expect(try twin.git("rev-parse", "HEAD^{tree}") == b.git("rev-parse", "HEAD^{tree}"))
        #expect(try twin.claim(id)["status"] as? String == b.claim(id)["status"] as? String)
    }
}
