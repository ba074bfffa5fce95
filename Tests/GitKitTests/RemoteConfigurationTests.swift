import Foundation
import GitKit
import TestSupport
import Testing

/// Adding, listing and removing remotes, checked against `git remote -v`.
@Suite("Remote configuration")
struct RemoteConfigurationTests {
    @Test("remotes added by GitKit are the ones git lists, sorted by name, and removal drops their tracking refs")
    func addListRemove() throws {
        let fixture = try RemoteFixture("remote-config")
        let hub = try fixture.makeHub()
        let clone = try fixture.makeClone("a")
        #expect(try clone.remotes().isEmpty)
        try clone.addRemote(named: "upstream", url: "https://git.example.org/desk.git")
        try clone.addRemote(named: "origin", url: hub)
        try clone.addRemote(named: "backup", url: "ssh://git@127.0.0.1:2222/srv/desk.git")
        let expected = [
            RemoteInfo(name: "backup", url: "ssh://git@127.0.0.1:2222/srv/desk.git"),
            RemoteInfo(name: "origin", url: hub),
            RemoteInfo(name: "upstream", url: "https://git.example.org/desk.git"),
        ]
        #expect(try clone.remotes() == expected)
        let listed = try fixture.git(["remote", "-v"], in: clone.workingDirectory!)
        #expect(listed == expected.flatMap { ["\($0.name)\t\($0.url) (fetch)", "\($0.name)\t\($0.url) (push)"] }
            .joined(separator: "\n"))
        #expect(try fixture.git(["config", "remote.origin.fetch"], in: clone.workingDirectory!)
            == "+refs/heads/*:refs/remotes/origin/*")
        #expect(try clone.remoteURL(named: "origin") == hub)
        #expect(try clone.remoteURL(named: "nowhere") == nil)

        // A tracking ref, then removal.
        try fixture.commit(in: clone, file: "claims/one.json")
        try clone.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], options: fixture.plainOptions)
        _ = try clone.fetch(remote: "origin", refspecs: ["+refs/heads/main:refs/remotes/origin/main"],
                            options: fixture.plainOptions)
        #expect(try clone.resolve(reference: "refs/remotes/origin/main") != nil)
        try clone.removeRemote(named: "origin")
        #expect(try clone.resolve(reference: "refs/remotes/origin/main") == nil)
        #expect(try clone.remotes().map(\.name) == ["backup", "upstream"])
        #expect(!(try fixture.git(["remote"], in: clone.workingDirectory!)).contains("origin"))
    }

    @Test("an invalid name, a name in use and a missing remote are refused with clear errors")
    func refusals() throws {
        let fixture = try RemoteFixture("remote-config-bad")
        let clone = try fixture.makeClone("a")
        try clone.addRemote(named: "origin", url: "/srv/desk.git")
        let taken = try #require(throws: GitError.self) { try clone.addRemote(named: "origin", url: "/srv/other.git") }
        #expect(taken.isExists)
        #expect(taken.message.contains("a remote named origin already exists"))
        #expect(try clone.remoteURL(named: "origin") == "/srv/desk.git")
        for name in ["bad name", "", "../up", "a..b"] {
            let invalid = try #require(throws: GitError.self) { try clone.addRemote(named: name, url: "/srv/desk.git") }
            #expect(invalid.message.contains("not a valid remote name"))
        }
        let missing = try #require(throws: GitError.self) { try clone.removeRemote(named: "nowhere") }
        #expect(missing.isNotFound)
        let noRemote = try #require(throws: GitError.self) {
            try clone.fetch(remote: "nowhere", refspecs: ["refs/heads/main"], options: fixture.plainOptions)
        }
        #expect(noRemote.message.contains("there is no remote named nowhere"))
    }

    @Test("this libgit2 reports SSH and HTTPS support")
    func features() {
        #expect(GitFeatures.hasSSH)
        #expect(GitFeatures.hasHTTPS)
    }
}
