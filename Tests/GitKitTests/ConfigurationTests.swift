import Foundation
import GitKit
import TestSupport
import Testing

@Suite("Reading git configuration")
struct ConfigurationTests {
    @Test("configString reads a value set with git config in the repository")
    func readsRepositoryValue() throws {
        let fixture = try GitFixture(label: "gitkit-config")
        try fixture.git("config", "factdesk.owner", "Rédaction Ñandú 📰")
        try fixture.git("config", "factdesk.review.required", "2")

        let repository = try fixture.open()

        #expect(try repository.configString("factdesk.owner") == "Rédaction Ñandú 📰")
        #expect(try repository.configString("factdesk.review.required") == "2")
        #expect(try repository.configString("user.name") == "Fixture Writer")
        #expect(try repository.configString("user.email") == "fixture@example.org")
    }

    @Test("configString reads subsection keys as git config --get does")
    func readsSubsection() throws {
        let fixture = try GitFixture(label: "gitkit-config-sub")
        try fixture.git("config", "remote.origin.url", "https://example.org/desk.git")
        try fixture.git("config", "branch.main.remote", "origin")

        let repository = try fixture.open()

        #expect(try repository.configString("remote.origin.url") == (try fixture.line("config", "--get", "remote.origin.url")))
        #expect(try repository.configString("branch.main.remote") == "origin")
    }

    @Test("configString returns nil for a key that is not set")
    func unsetIsNil() throws {
        let fixture = try GitFixture(label: "gitkit-config-unset")
        let repository = try fixture.open()

        #expect(try repository.configString("factdesk.never-set-anywhere") == nil)
        #expect(try repository.configString("factdesk.section.never-set") == nil)
        #expect(try fixture.attempt("config", "--get", "factdesk.never-set-anywhere").status == 1,
                "git config agrees the key is unset")
    }

    @Test("configString sees values changed and removed by git config after the repository was opened")
    func seesLaterChanges() throws {
        let fixture = try GitFixture(label: "gitkit-config-fresh")
        let repository = try fixture.open()
        #expect(try repository.configString("factdesk.mode") == nil)

        try fixture.git("config", "factdesk.mode", "strict")
        #expect(try repository.configString("factdesk.mode") == "strict")

        try fixture.git("config", "factdesk.mode", "lenient")
        #expect(try repository.configString("factdesk.mode") == "lenient")

        try fixture.git("config", "--unset", "factdesk.mode")
        #expect(try repository.configString("factdesk.mode") == nil)
    }

    @Test("a repository made by Repository.create reads values written later by git config")
    func createdRepository() throws {
        let folder = try TemporaryDirectory("gitkit-config-created")
        let repository = try Repository.create(at: folder.path, bare: true)
        try ProcessRunner.git(["config", "factdesk.store", "bare desk"], in: folder.url)

        #expect(try repository.configString("factdesk.store") == "bare desk")
        #expect(try repository.configString("core.bare") == "true")
    }

    @Test("configString of a malformed key throws a GitError")
    func malformedKeyThrows() throws {
        let fixture = try GitFixture(label: "gitkit-config-bad")

        #expect(throws: GitError.self) { try fixture.open().configString("no-section-dot") }
    }

    @Test("GitConfiguration.defaultString agrees with git config --get outside any repository")
    func defaultConfiguration() throws {
        let folder = try TemporaryDirectory("gitkit-config-default")
        for key in ["user.name", "user.email", "factdesk.never-set-anywhere"] {
            let cli = try ProcessRunner.run("/usr/bin/git", ["config", "--get", key], in: folder.url,
                                            environment: ["LC_ALL": "C"])
            let expected: String? = cli.status == 0 ? cli.stdout.trimmingCharacters(in: .newlines) : nil

            #expect(try GitConfiguration.defaultString(key) == expected, "\(key)")
        }
    }
}
