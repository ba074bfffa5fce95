import Foundation
import GitKit
import TestSupport
import Testing

/// Pushes and fetches that must fail, clearly and quickly, leaving the remote as it was: a remote
/// that moved, a hook that says no, a wrong password, no credentials at all, SSH host keys that
/// are unknown or changed, an SSH key the server does not accept.
@Suite("Refused pushes, credentials and host keys")
struct RemoteRefusalTests {
    /// Two clones of one hub: `a` pushed `base`, `b` fetched it; both have `main` at `base`.
    struct TwoClones {
        let a: Repository
        let b: Repository
        let base: ObjectID
    }

    func twoClones(_ fixture: RemoteFixture, url: String) throws -> TwoClones {
        let a = try fixture.makeClone("a")
        try a.addRemote(named: "origin", url: url)
        let base = try fixture.commit(in: a, file: "claims/base.json")
        try a.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], options: fixture.plainOptions)
        let b = try fixture.makeClone("b")
        try b.addRemote(named: "origin", url: url)
        _ = try b.fetch(remote: "origin", refspecs: ["+refs/heads/main:refs/remotes/origin/main"], options: fixture.plainOptions)
        try b.updateReference("refs/heads/main", to: base, expecting: nil, logMessage: "test: start at origin")
        return TwoClones(a: a, b: b, base: base)
    }

    @Test("a push behind the remote is refused before sending as non-fast-forward; the remote keeps its commit",
          arguments: ["path", "daemon"])
    func nonFastForward(transport: String) throws {
        let fixture = try RemoteFixture("remote-nonff")
        let hub = try fixture.makeHub()
        let daemon = transport == "daemon" ? try GitDaemonServer(baseDirectory: fixture.hubs) : nil
        defer { daemon?.stop() }
        let clones = try twoClones(fixture, url: daemon?.url("desk.git") ?? hub)
        let theirs = try fixture.commit(in: clones.a, file: "claims/theirs.json", parent: clones.base)
        try clones.a.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], options: fixture.plainOptions)
        _ = try fixture.commit(in: clones.b, file: "claims/ours.json", parent: clones.base)

        let error = try #require(throws: GitError.self) {
            try clones.b.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], options: fixture.plainOptions)
        }
        #expect(error.isNonFastForward)
        #expect(error.isPushRejected)
        #expect(error.message.contains("fetch"))
        #expect(try fixture.main(of: hub) == theirs.hex)
        try fixture.fsck(hub)
    }

    @Test("a pre-receive hook that exits 1 refuses the push: the message names the ref and says what the hook said",
          arguments: ["path", "file", "daemon", "http"])
    func hookRefusal(transport: String) throws {
        let fixture = try RemoteFixture("remote-hook")
        let hub = try fixture.makeHub()
        let hook = hub + "/hooks/pre-receive"
        try "#!/bin/sh\necho 'the desk is frozen for election night' >&2\nexit 1\n"
            .write(toFile: hook, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook)
        let clone = try fixture.makeClone("a")
        var server: LoopbackServer?
        var options = fixture.plainOptions
        if transport == "path" || transport == "file" {
            // A remote on this machine runs git's receive-pack, and so the hub's hooks, as git does.
            try clone.addRemote(named: "origin", url: transport == "file" ? "file://" + hub : hub)
        } else if transport == "http" {
            let http = try GitHTTPServer(projectRoot: fixture.hubs, user: "alice", password: "s3cret")
            let store = try fixture.folder.write("http://alice:s3cret@127.0.0.1:\(http.port)\n", to: "credentials")
            try fixture.git(["config", "credential.helper", "store --file \(store)"], in: clone.workingDirectory!)
            try clone.addRemote(named: "origin", url: http.url("desk.git"))
            server = http
            options = fixture.helperOptions(clone)
        } else {
            let daemon = try GitDaemonServer(baseDirectory: fixture.hubs)
            try clone.addRemote(named: "origin", url: daemon.url("desk.git"))
            server = daemon
        }
        defer { server?.stop() }
        let commit = try fixture.commit(in: clone, file: "claims/one.json")

        let error = try #require(throws: GitError.self) {
            try clone.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], options: options)
        }
        #expect(error.isPushRejected)
        #expect(!error.isNonFastForward)
        #expect(error.message.contains("refs/heads/main"))
        #expect(error.message.contains("pre-receive hook declined"))
        #expect(error.message.contains("the desk is frozen for election night"))
        #expect(try fixture.main(of: hub) == nil)
        #expect(try clone.resolve(reference: "refs/heads/main") == commit)
    }

    @Test("a wrong HTTP password fails within seconds after a bounded number of tries; the helper forgets it")
    func wrongPassword() throws {
        let fixture = try RemoteFixture("remote-wrongpw")
        try fixture.makeHub()
        let server = try GitHTTPServer(projectRoot: fixture.hubs, user: "alice", password: "s3cret")
        defer { server.stop() }
        let clone = try fixture.makeClone("a")
        let store = try fixture.folder.write("http://alice:wrong@127.0.0.1:\(server.port)\n", to: "credentials")
        try fixture.git(["config", "credential.helper", "store --file \(store)"], in: clone.workingDirectory!)
        try clone.addRemote(named: "origin", url: server.url("desk.git"))

        let started = Date()
        let error = try #require(throws: GitError.self) {
            try clone.fetch(remote: "origin", refspecs: ["+refs/heads/*:refs/remotes/origin/*"],
                            options: fixture.helperOptions(clone))
        }
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(error.isAuthenticationFailure)
        #expect(error.message.contains("authentication failed for http://127.0.0.1:\(server.port)/desk.git as alice"))
        #expect(error.message.contains("refused the credentials from git's credential helper"))
        // One request without credentials, one with the wrong password; then the helper had none left.
        #expect(server.unauthorizedCount == 2)
        // `git credential reject` removed the refused password from the store.
        #expect(try String(contentsOfFile: store, encoding: .utf8).contains("wrong") == false)
    }

    @Test("a helper that keeps giving passwords is asked at most maxCredentialAttempts times; one that repeats itself, once")
    func boundedAttempts() throws {
        let fixture = try RemoteFixture("remote-attempts")
        try fixture.makeHub()
        let server = try GitHTTPServer(projectRoot: fixture.hubs, user: "alice", password: "s3cret")
        defer { server.stop() }
        let clone = try fixture.makeClone("a")
        try clone.addRemote(named: "origin", url: server.url("desk.git"))
        // A new wrong password on every `get`; `erase` and `store` ignored.
        let counter = fixture.folder.path("counter")
        let changing = "!f() { test \"$1\" = get || exit 0; n=$(cat \(counter) 2>/dev/null || echo 0); n=$((n+1)); "
            + "echo $n > \(counter); echo username=alice; echo password=wrong-$n; }; f"
        try fixture.git(["config", "credential.helper", changing], in: clone.workingDirectory!)
        let error = try #require(throws: GitError.self) {
            try clone.fetch(remote: "origin", refspecs: ["+refs/heads/*:refs/remotes/origin/*"],
                            options: fixture.helperOptions(clone, maxAttempts: 3))
        }
        #expect(error.isAuthenticationFailure)
        #expect(error.message.contains("(3 tried)"))
        #expect(server.unauthorizedCount == 4)

        // Always the same wrong password: offered once only.
        let stubborn = "!f() { test \"$1\" = get || exit 0; echo username=alice; echo password=wrong; }; f"
        try fixture.git(["config", "credential.helper", stubborn], in: clone.workingDirectory!)
        let repeated = try #require(throws: GitError.self) {
            try clone.fetch(remote: "origin", refspecs: ["+refs/heads/*:refs/remotes/origin/*"],
                            options: fixture.helperOptions(clone, maxAttempts: 3))
        }
        #expect(repeated.isAuthenticationFailure)
        #expect(server.unauthorizedCount == 4 + 2)
    }

    @Test("without a credential helper, or one with nothing for the server, the error says so at once")
    func noCredentials() throws {
        let fixture = try RemoteFixture("remote-nohelper")
        try fixture.makeHub()
        let server = try GitHTTPServer(projectRoot: fixture.hubs, user: "alice", password: "s3cret")
        defer { server.stop() }
        let clone = try fixture.makeClone("a")
        try clone.addRemote(named: "origin", url: server.url("desk.git"))

        let noHelper = try #require(throws: GitError.self) {
            try clone.fetch(remote: "origin", refspecs: ["+refs/heads/*:refs/remotes/origin/*"], options: fixture.plainOptions)
        }
        #expect(noHelper.isAuthenticationFailure)
        #expect(noHelper.message.contains("no git credential helper"))

        // A helper directory whose configuration names no helper: `git credential fill` finds nothing.
        let empty = try #require(throws: GitError.self) {
            try clone.fetch(remote: "origin", refspecs: ["+refs/heads/*:refs/remotes/origin/*"],
                            options: fixture.helperOptions(clone))
        }
        #expect(empty.isAuthenticationFailure)
        #expect(empty.message.contains("credential helper has none"))
        #expect(server.unauthorizedCount <= 2)
    }

    @Test("an SSH server whose host key is not in known_hosts is refused, with its fingerprint")
    func unknownHostKey() throws {
        try #require(GitFeatures.hasSSH)
        let fixture = try RemoteFixture("remote-unknownhost")
        let hub = try fixture.makeHub()
        let server = try SSHServer(directory: fixture.folder.path("sshd").creatingFolder())
        defer { server.stop() }
        try FileManager.default.removeItem(atPath: server.home + "/.ssh/known_hosts")
        let clone = try fixture.makeClone("a")
        try clone.addRemote(named: "origin", url: server.url(hub))

        let error = try #require(throws: GitError.self) {
            try clone.fetch(remote: "origin", refspecs: ["+refs/heads/*:refs/remotes/origin/*"], options: server.clientOptions)
        }
        #expect(error.isHostKeyRefused)
        let fingerprint = try server.hostFingerprint()
        #expect(error.message.contains("the SSH host key of 127.0.0.1:\(server.port) is not in"))
        #expect(error.message.contains(fingerprint))
        #expect(error.message.contains("ssh-keyscan -p \(server.port) 127.0.0.1"))
        // No login was attempted.
        #expect(!server.log.contains("Accepted publickey"))
    }

    @Test("an SSH server whose host key changed is refused loudly")
    func changedHostKey() throws {
        try #require(GitFeatures.hasSSH)
        let fixture = try RemoteFixture("remote-changedhost")
        let hub = try fixture.makeHub()
        let server = try SSHServer(directory: fixture.folder.path("sshd").creatingFolder())
        defer { server.stop() }
        let other = fixture.folder.path("other_host_key")
        try SSHServer.keygen(other)
        let otherKey = try String(contentsOfFile: other + ".pub", encoding: .utf8).split(separator: " ").prefix(2).joined(separator: " ")
        try "[127.0.0.1]:\(server.port) \(otherKey)\n".write(toFile: server.home + "/.ssh/known_hosts", atomically: true, encoding: .utf8)
        let clone = try fixture.makeClone("a")
        try clone.addRemote(named: "origin", url: server.url(hub))

        let error = try #require(throws: GitError.self) {
            try clone.fetch(remote: "origin", refspecs: ["+refs/heads/*:refs/remotes/origin/*"], options: server.clientOptions)
        }
        #expect(error.isHostKeyRefused)
        #expect(error.message.contains("HAS CHANGED"))
        #expect(error.message.contains(try server.hostFingerprint()))
        #expect(!server.log.contains("Accepted publickey"))
    }

    @Test("hashed known_hosts entries (ssh-keygen -H) and comma lists are recognised")
    func hashedKnownHosts() throws {
        try #require(GitFeatures.hasSSH)
        let fixture = try RemoteFixture("remote-hashedhost")
        let hub = try fixture.makeHub()
        let server = try SSHServer(directory: fixture.folder.path("sshd").creatingFolder())
        defer { server.stop() }
        let knownHosts = server.home + "/.ssh/known_hosts"
        let hashed = try ProcessRunner.run("/usr/bin/ssh-keygen", ["-H", "-f", knownHosts])
        #expect(hashed.status == 0)
        #expect(try String(contentsOfFile: knownHosts, encoding: .utf8).hasPrefix("|1|"))
        let clone = try fixture.makeClone("a")
        try clone.addRemote(named: "origin", url: server.url(hub))
        try fixture.commit(in: clone, file: "claims/one.json")
        try clone.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], options: server.clientOptions)

        try "example.org,[127.0.0.1]:\(server.port) \(server.hostPublicKey)\n"
            .write(toFile: knownHosts, atomically: true, encoding: .utf8)
        let heads = try clone.fetch(remote: "origin", refspecs: ["+refs/heads/*:refs/remotes/origin/*"],
                                    options: server.clientOptions)
        #expect(heads.map(\.name).contains("refs/heads/main"))
    }

    @Test("an SSH key the server does not accept ends in a clear authentication error, each key tried once")
    func sshKeyRefused() throws {
        try #require(GitFeatures.hasSSH)
        let fixture = try RemoteFixture("remote-wrongkey")
        let hub = try fixture.makeHub()
        let server = try SSHServer(directory: fixture.folder.path("sshd").creatingFolder())
        defer { server.stop() }
        let key = server.home + "/.ssh/id_ed25519"
        try FileManager.default.removeItem(atPath: key)
        try FileManager.default.removeItem(atPath: key + ".pub")
        try SSHServer.keygen(key)
        let clone = try fixture.makeClone("a")
        try clone.addRemote(named: "origin", url: server.url(hub))

        let started = Date()
        let error = try #require(throws: GitError.self) {
            try clone.fetch(remote: "origin", refspecs: ["+refs/heads/*:refs/remotes/origin/*"], options: server.clientOptions)
        }
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(error.isAuthenticationFailure)
        #expect(error.message.contains("accepted none of \(key)"))

        // No key at all: said before connecting anywhere else.
        try FileManager.default.removeItem(atPath: key)
        let none = try #require(throws: GitError.self) {
            try clone.fetch(remote: "origin", refspecs: ["+refs/heads/*:refs/remotes/origin/*"], options: server.clientOptions)
        }
        #expect(none.isAuthenticationFailure)
        #expect(none.message.contains("no SSH key to offer"))
    }
}

extension SSHServer {
    /// The host key's fingerprint as `ssh-keygen -l` prints it (`SHA256:...`).
    func hostFingerprint() throws -> String {
        let result = try ProcessRunner.run("/usr/bin/ssh-keygen", ["-l", "-E", "sha256", "-f", directory + "/host_ed25519.pub"])
        guard let fingerprint = result.stdout.split(separator: " ").first(where: { $0.hasPrefix("SHA256:") }) else {
            throw TestFailure("ssh-keygen -l printed no fingerprint: \(result.stdout) \(result.stderr)")
        }
        return String(fingerprint)
    }
}
