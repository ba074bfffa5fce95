import Foundation
import TestSupport
import Testing

/// A newsroom with two editors and the second-editor policy: assignments with deadlines, a
/// verdict proposed by one editor and settled by another, and the settled verdicts published
/// as schema.org ClaimReview, all through the built binary.
@Suite(.serialized) struct ReviewAndPublishTests {
    static let ana = "Ana Ruiz <ana@example.org>"
    static let ben = "Ben Okafor <ben@example.org>"
    static let story = """
    The council approved a budget of €4.2 million on Tuesday — “the largest in a decade,” said Mayor Zoë Laurent 🇫🇷.

    Officials said more than a dozen projects were delayed. A new bus depot opens in 2027.

    Critics said the figure was misleading; the 2014 budget was €4.6 million.
    """

    /// A desk with the story, the second-editor policy on and a publisher named.
    static func newsroom() throws -> CLIDesk {
        let desk = try CLIDesk()
        _ = try desk.succeed(["article", "add", "-", "--id", "budget", "--title", "Council passes record budget",
                              "--url", "https://news.example/budget"], input: Data(story.utf8))
        _ = try desk.succeed(["policy", "set", "second-review", "on"])
        _ = try desk.succeed(["policy", "set", "publisher-name", "Metro Desk"])
        _ = try desk.succeed(["policy", "set", "publisher-url", "https://metro.example"])
        return desk
    }

    func run(_ desk: CLIDesk, as editor: String, _ arguments: [String]) throws -> ProcessResult {
        try desk.run(arguments, environment: ["FACTDESK_EDITOR": editor])
    }

    @discardableResult
    func succeed(_ desk: CLIDesk, as editor: String, _ arguments: [String]) throws -> String {
        let result = try run(desk, as: editor, arguments)
        guard result.status == 0 else { throw TestFailure("factdesk \(arguments.joined(separator: " ")) failed: \(result.stderr)") }
        return result.stdout
    }

    /// One `factdesk: error:` line naming `mentioning`, a non-zero exit, and the store exactly as it was.
    func expectRefused(_ desk: CLIDesk, as editor: String, _ arguments: [String], mentioning: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try desk.fingerprint()
        let result = try run(desk, as: editor, arguments)
        #expect(result.status != 0, "\(arguments) should be refused", sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("factdesk: error: "), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(mentioning), "\(result.stderr) should mention \(mentioning)", sourceLocation: sourceLocation)
        #expect(try desk.fingerprint() == before, "the store changed", sourceLocation: sourceLocation)
    }

    func reportJSON(_ desk: CLIDesk) throws -> [String: Any] {
        let output = try desk.succeed(["report", "--format", "json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    }

    @Test func aVerdictIsSettledOnlyByASecondEditorAndThenPublished() throws {
        let desk = try Self.newsroom()
        let policy = try desk.jsonObject(["policy"])
        #expect(policy["second-review"] as? String == "on" && policy["publisher-name"] as? String == "Metro Desk")

        // Ana files a claim with who made it and where, and proposes "false" with a source.
        let claim = try desk.annotate("budget", ["--quote", "“the largest in a decade,”"], claim: "The budget is the largest in a decade",
                                      extra: ["--claimant", "Zoë Laurent", "--claim-date", "2026-11-24",
                                              "--appearance", "https://tv.example/interview", "--appearance", "https://news.example/budget"])
        try succeed(desk, as: Self.ana, ["source", "add", claim, "https://council.example/budget-2014.pdf", "--title", "2014 budget"])
        let proposed = try succeed(desk, as: Self.ana, ["status", claim, "false", "--note", "The 2014 budget was larger."])
        #expect(proposed.contains("awaiting a second editor"))
        let awaiting = try desk.jsonObject(["show", claim])
        #expect(awaiting["status"] as? String == "in-review")
        #expect(awaiting["awaitingReview"] as? Bool == true)
        #expect((awaiting["review"] as? [String: Any])?["verdict"] as? String == "false")
        #expect((awaiting["review"] as? [String: Any])?["proposedBy"] as? String == Self.ana)
        #expect(try desk.jsonArray(["claims", "--needs-review"]).map { $0["id"] as? String } == [claim])

        // The report lists it as awaiting review, not settled; the export leaves it out.
        let report = try reportJSON(desk)
        let article = try #require((report["articles"] as? [[String: Any]])?.first)
        let open = try #require(article["unverified"] as? [[String: Any]])
        #expect(open.first?["proposedVerdict"] as? String == "false")
        #expect(open.first?["proposedBy"] as? String == Self.ana)
        #expect((article["settled"] as? [Any])?.isEmpty == true)
        #expect((report["totals"] as? [String: Any])?["awaitingReview"] as? Int == 1)
        #expect(try desk.succeed(["report"]).contains("Awaiting a second editor: **false** proposed by Ana Ruiz"))
        let unpublished = try JSONSerialization.jsonObject(with: Data(try desk.succeed(["export", "--format", "claimreview"]).utf8))
        #expect(((unpublished as? [String: Any])?["@graph"] as? [Any])?.isEmpty == true)

        // Ana cannot approve her own verdict: one clear error, nothing changes.
        try expectRefused(desk, as: Self.ana, ["review", claim, "--approve"], mentioning: "a second editor must approve it")
        // Even under another spelling of her name.
        try expectRefused(desk, as: "A. Ruiz <ANA@example.org>", ["review", claim, "--approve"], mentioning: "second editor")

        // Ben approves: settled, published, and both steps are separate commits with their authors.
        let approved = try succeed(desk, as: Self.ben, ["review", claim, "--approve", "--note", "Checked the 2014 figures."])
        #expect(approved.contains("is now false"))
        let settled = try desk.jsonObject(["show", claim])
        #expect(settled["status"] as? String == "false" && settled["awaitingReview"] as? Bool == false)
        #expect((settled["review"] as? [String: Any])?["approvedBy"] as? String == Self.ben)
        #expect(settled["claimant"] as? String == "Zoë Laurent" && settled["claimDate"] as? String == "2026-11-24")
        let log = try desk.git("log", "--format=%an|%s", "-3").split(separator: "\n").map(String.init)
        #expect(log[0].hasPrefix("Ben Okafor|review \(claim): approve false"))
        #expect(log[1].hasPrefix("Ana Ruiz|status \(claim): proposes false"))
        let history = try desk.jsonArray(["history", claim])
        #expect(history.count >= 3)

        let markdown = try desk.succeed(["report"])
        #expect(markdown.contains("**false**") && markdown.contains("(proposed by Ana Ruiz, approved as second editor)"))

        // The ClaimReview export holds the settled verdict, and passes the schema.org checks.
        let exported = try desk.succeed(["export", "--format", "claimreview", "--output", "claimreview.jsonld"])
        #expect(exported.isEmpty)
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: desk.directory.url.appendingPathComponent("claimreview.jsonld")))
        let graph = try #require((document as? [String: Any])?["@graph"] as? [[String: Any]])
        #expect(graph.count == 1)
        let review = graph[0]
        #expect(review["url"] as? String == "https://news.example/budget#\(claim)")
        #expect(review["claimReviewed"] as? String == "The budget is the largest in a decade")
        #expect(review["reviewBody"] as? String == "The 2014 budget was larger.")
        let rating = try #require(review["reviewRating"] as? [String: Any])
        #expect(rating["alternateName"] as? String == "False" && rating["ratingValue"] as? Int == 1)
        let item = try #require(review["itemReviewed"] as? [String: Any])
        #expect((item["author"] as? [String: Any])?["name"] as? String == "Zoë Laurent")
        #expect((item["firstAppearance"] as? [String: Any])?["url"] as? String == "https://tv.example/interview")
        try ClaimReviewChecker.check(desk.directory.url.appendingPathComponent("claimreview.jsonld").path, count: 1)

        // The HTML report carries the same markup, so the page itself is valid ClaimReview.
        _ = try desk.succeed(["report", "--format", "html", "--output", "report.html"])
        let html = try String(contentsOf: desk.directory.url.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<script type=\"application/ld+json\">"))
        try ClaimReviewChecker.check(desk.directory.url.appendingPathComponent("report.html").path, count: 1)
        _ = try desk.git("fsck", "--strict", "--no-dangling")
    }

    @Test func aRejectedVerdictGoesBackToReviewWithTheNote() throws {
        let desk = try Self.newsroom()
        let claim = try desk.annotate("budget", ["--paragraph", "2"], claim: "More than a dozen projects were delayed",
                                      extra: ["--source", "https://council.example/projects"])
        try succeed(desk, as: Self.ana, ["verify", claim, "--note", "Matches the project list."])
        try expectRefused(desk, as: Self.ben, ["review", claim, "--reject"], mentioning: "--note")
        try succeed(desk, as: Self.ben, ["review", claim, "--reject", "--note", "The list counts only eleven."])
        let back = try desk.jsonObject(["show", claim])
        #expect(back["status"] as? String == "in-review")
        #expect(back["awaitingReview"] as? Bool == false && back["review"] is NSNull)
        #expect((back["notes"] as? [[String: Any]])?.last?["text"] as? String == "The list counts only eleven.")
        try expectRefused(desk, as: Self.ben, ["review", claim, "--approve"], mentioning: "no verdict awaiting review")
        #expect(try desk.git("log", "-1", "--format=%an|%s").hasPrefix("Ben Okafor|review \(claim): reject verified"))
    }

    @Test func verdictsGivenBeforeTheSecondEditorPolicyStaySettled() throws {
        let desk = try CLIDesk()
        _ = try desk.succeed(["article", "add", "-", "--id", "budget", "--title", "Budget"], input: Data(Self.story.utf8))
        let early = try desk.annotate("budget", ["--paragraph", "3"], claim: "The 2014 budget was larger",
                                      extra: ["--source", "https://council.example/2014"])
        _ = try desk.succeed(["verify", early])
        _ = try desk.succeed(["policy", "set", "second-review", "on"])
        let shown = try desk.jsonObject(["show", early])
        #expect(shown["status"] as? String == "verified" && shown["awaitingReview"] as? Bool == false)
        #expect(try desk.jsonArray(["claims", "--needs-review"]).isEmpty)
    }

    @Test func overdueClaimsLeadTheReportAndEachOwnerSeesTheirLoad() throws {
        let desk = try Self.newsroom()
        let fresh = try desk.annotate("budget", ["--paragraph", "1"], claim: "Budget of €4.2 million",
                                      extra: ["--assignee", Self.ben, "--due", "2999-01-01"])
        let late = try desk.annotate("budget", ["--paragraph", "2"], claim: "A dozen projects delayed",
                                     extra: ["--due", "2020-03-01"])
        let unowned = try desk.annotate("budget", ["--paragraph", "3"], claim: "2014 was larger")
        // Ben is known to the desk now: his name alone is enough.
        #expect(try succeed(desk, as: Self.ana, ["assign", late, "Ben Okafor", "--due", "2020-03-01T09:00:00Z"])
            .contains("assigned to Ben Okafor <ben@example.org>, due 2020-03-01T09:00:00Z"))
        let report = try reportJSON(desk)
        let open = try #require(((report["articles"] as? [[String: Any]])?.first?["unverified"]) as? [[String: Any]])
        #expect(open.map { $0["id"] as? String } == [late, fresh, unowned])
        #expect(open[0]["overdue"] as? Bool == true && open[0]["due"] as? String == "2020-03-01T09:00:00Z")
        #expect(open[1]["overdue"] as? Bool == false && open[1]["due"] as? String == "2999-01-01")
        let owners = try #require(report["owners"] as? [[String: Any]])
        #expect(owners.first?["owner"] as? String == "Ben Okafor")
        #expect(owners.first?["open"] as? Int == 2 && owners.first?["overdue"] as? Int == 1)
        #expect((report["totals"] as? [String: Any])?["overdue"] as? Int == 1)
        let markdown = try desk.succeed(["report"])
        #expect(markdown.contains("**1 overdue**") && markdown.contains("| Ben Okafor | 2 | 1 |"))
        #expect(markdown.contains("**overdue**, due 2020-03-01T09:00:00Z"))

        #expect(try desk.jsonArray(["claims", "--overdue"]).map { $0["id"] as? String } == [late])
        let bens = try desk.run(["claims", "--assignee", "me", "--json"], environment: ["FACTDESK_EDITOR": Self.ben])
        #expect(bens.status == 0)
        let mine = try JSONSerialization.jsonObject(with: Data(bens.stdout.utf8)) as? [[String: Any]]
        #expect(Set(mine?.compactMap { $0["id"] as? String } ?? []) == [fresh, late])
        #expect(try desk.jsonArray(["claims", "--assignee", "ben@example.org"]).count == 2)
        #expect(try desk.jsonArray(["claims", "--assignee", "me"]).isEmpty)

        try succeed(desk, as: Self.ana, ["unassign", late])
        #expect(try desk.jsonObject(["show", late])["assignee"] is NSNull)
        #expect(try desk.jsonObject(["show", late])["due"] as? String == "2020-03-01T09:00:00Z")
    }

    @Test func badInputIsRefusedWithOneLineAndAnUnchangedStore() throws {
        let desk = try Self.newsroom()
        let claim = try desk.annotate("budget", ["--paragraph", "1"], claim: "Budget of €4.2 million")
        try expectRefused(desk, as: Self.ana, ["assign", claim, "Nobody Known"], mentioning: "unknown editor 'Nobody Known'")
        try expectRefused(desk, as: Self.ana, ["assign", claim, "Ben <not-an-email>"], mentioning: "editor needs a name and an email")
        try expectRefused(desk, as: Self.ana, ["assign", claim, Self.ben, "--due", "30/11/2026"], mentioning: "is not a date")
        try expectRefused(desk, as: Self.ana, ["assign", claim, Self.ben, "--due", "2026-02-30"], mentioning: "is not a date")
        try expectRefused(desk, as: Self.ana, ["annotate", "budget", "--paragraph", "2", "--claim", "x", "--due", "soon"],
                          mentioning: "is not a date")
        try expectRefused(desk, as: Self.ana, ["annotate", "budget", "--paragraph", "2", "--claim", "x", "--claim-date", "yesterday-ish"],
                          mentioning: "claim date")
        try expectRefused(desk, as: Self.ana, ["annotate", "budget", "--paragraph", "2", "--claim", "x", "--appearance", "javascript:alert(1)"],
                          mentioning: "not a web address")
        try expectRefused(desk, as: Self.ana, ["attribute", claim, "--claimant-kind", "robot", "--claimant", "X"], mentioning: "person or organization")
        try expectRefused(desk, as: Self.ana, ["policy", "set", "second-opinion", "on"], mentioning: "unknown policy key 'second-opinion'")
        try expectRefused(desk, as: Self.ana, ["policy", "set", "second-review", "maybe"], mentioning: "on or off")
        try expectRefused(desk, as: Self.ana, ["policy", "set", "publisher-url", "ftp://metro.example"], mentioning: "not a web address")
        try expectRefused(desk, as: Self.ana, ["policy", "set", "publisher-url", "https://metro.example"], mentioning: "already")
        try expectRefused(desk, as: Self.ana, ["review", claim, "--approve", "--reject"], mentioning: "exactly one")
        try expectRefused(desk, as: Self.ana, ["unassign", claim], mentioning: "is not assigned")
        try succeed(desk, as: Self.ana, ["policy", "unset", "publisher-name"])
        try expectRefused(desk, as: Self.ana, ["export", "--format", "claimreview"], mentioning: "names no publisher")
    }
}

/// Runs the committed schema.org ClaimReview checker (Tests/ClaimReview) on a file: Google's
/// required and recommended fields, schema.org's allowed properties, ratings, ISO 8601 dates,
/// and a lossless JSON-LD expansion by pyld against the committed schema.org context.
enum ClaimReviewChecker {
    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("ClaimReview")
    }

    static func check(_ path: String, count: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", folder.appendingPathComponent("check_claimreview.py").path,
                                                            "--expect-count", "\(count)", path])
        #expect(result.status == 0, "ClaimReview checker: \(result.stdout)\(result.stderr)", sourceLocation: sourceLocation)
    }
}

/// The checker's own tests: it accepts good markup and names each problem in bad markup.
@Suite struct ClaimReviewCheckerTests {
    @Test func theCheckerPassesItsOwnTests() throws {
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", "-m", "unittest", "discover", "-s",
                                                            ClaimReviewChecker.folder.path, "-p", "test_*.py"])
        #expect(result.status == 0, "\(result.stderr)")
    }
}
