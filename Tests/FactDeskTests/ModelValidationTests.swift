import Foundation
import Testing
@testable import FactDesk

@Suite struct ModelValidationTests {
    @Test(arguments: ["../x", "x/../y", "", "-lead", "trail-", "UPPER", "con", "a b", "ça", ".hidden", String(repeating: "a", count: 101)])
    func slugsThatCouldEscapeOrClashAreRefused(_ slug: String) {
        #expect(throws: FactDeskError.self) { try ArticleSlug(slug) }
    }

    @Test func slugShardIsTheFirstByteOfTheGitBlobIdOfTheSlug() throws {
        // `printf %s budget-vote | git hash-object --stdin` starts with these two digits.
        let slug = try ArticleSlug("budget-vote")
        let result = try TestSupportShell.hashObject("budget-vote")
        #expect(slug.shard == String(result.prefix(2)))
    }

    @Test func editorsNeedANameAndAnEmail() throws {
        let editor = try Editor(parsing: "José Núñez <jose@example.org>")
        #expect(editor.name == "José Núñez")
        #expect(editor.email == "jose@example.org")
        for bad in ["José", "<jose@example.org>", "José <>", "José jose@example.org", " <a@b>",
                    "Jo <jo@@example.org>", "Jo <jo@ex@ample.org>", "Jo <@example.org>", "Jo <jo@.example.org>",
                    "Jo <jo@example>", "Jo <jo @example.org>", "Jo <jo@exa\u{A0}mple.org>", "Jo <jo@exa\u{2003}mple.org>",
                    "Jo <jo@example.org\u{7}>", "Jo <jo\u{202E}@example.org>", "J<o <jo@example.org>", "Jo\u{9}Ann <jo@example.org>",
                    "Your Name <jo@example.org>", "Jo <YOU@example.com>", "EDITOR <jo@example.org>"] {
            #expect(throws: FactDeskError.self, "\(bad.debugDescription)") { try Editor(parsing: bad) }
        }
        for good in ["  Jo Ann   <jo@example.org> ", "李娜 <li.na@例子.中国>", "O'Brien-Smith <o.b+desk@news.example.co.uk>",
                     "Your Names <you@example.com.au>"] {
            #expect(throws: Never.self, "\(good.debugDescription)") { try Editor(parsing: good) }
        }
    }

    @Test func statusesParseByTheirContractNames() throws {
        #expect(ClaimStatus.allCases.map(\.rawValue) == ["unverified", "in-review", "verified", "false", "misleading", "unverifiable"])
        #expect(try ClaimStatus.parse("in-review") == .inReview)
        #expect(throws: FactDeskError.self) { try ClaimStatus.parse("done") }
    }

    @Test func claimIDsAreWellFormedAndRandom() throws {
        let ids = (0..<1000).map { _ in ClaimID.random() }
        #expect(Set(ids).count == 1000)
        for id in ids { #expect(try ClaimID(id.value) == id) }
        #expect(throws: FactDeskError.self) { try ClaimID("c-../x") }
    }
}
