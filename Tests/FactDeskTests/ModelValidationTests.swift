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
        for bad in ["José", "<jose@example.org>", "José <>", "José jose@example.org", " <a@b>"] {
            #expect(throws: FactDeskError.self) { try Editor(parsing: bad) }
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
