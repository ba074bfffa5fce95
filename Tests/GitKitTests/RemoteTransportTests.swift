import Foundation
import GitKit
import TestSupport
import Testing

/// Pushes a commit written by GitKit from one clone to a bare hub and fetches it into another,
/// over every transport, against real servers on 127.0.0.1; the git CLI checks the result.
@Suite("Push and fetch through file paths, file://, git daemon, HTTP with basic auth and SSH")
struct RemoteTransportTests {
    /// Pushes a new commit from clone `a`, then a second one (a fast-forward), fetches both into
    /// clone `b`, and checks the hub and `b` with `git rev-parse`, `git log` and `git fsck --strict`.
    func roundTrip(_ fixture: RemoteFixture, hub: String, url: String,
                   options: (Repository) throws -> TransportOptions) throws {
        let a = try fixture.makeClone("a")
        try a.addRemote(named: "origin", url: url)
        let first = try fixture.commit(in: a, file: "claims/one.json")
        try a.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], options: options(a))
        #expect(try fixture.main(of: hub) == first.hex)
        let second = try fixture.commit(in: a, file: "claims/two.json", parent: first)
        try a.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], options: options(a))
        #expect(try fixture.main(of: hub) == second.hex)
        try fixture.fsck(hub)

        let b = try fixture.makeClone("b")
        try b.addRemote(named: "origin", url: url)
        let heads = try b.fetch(remote: "origin", refspecs: ["+refs/heads/main:refs/remotes/origin/main"],
                                options: options(b))
        #expect(heads.contains(RemoteHead(name: "refs/heads/main", target: second)))
        #expect(try b.resolve(reference: "refs/remotes/origin/main") == second)
        #expect(try b.contains(first))
        #expect(!FileManager.default.fileExists(atPath: b.gitDirectory + "FETCH_HEAD"))
        try fixture.fsck(b.workingDirectory!)
        #expect(try fixture.git(["log", "--format=%an", "refs/remotes/origin/main"], in: b.workingDirectory!)
            == "Inès Duval\nInès Duval")
    }

    @Test("a plain path to a bare repository")
    func plainPath() throws {
        let fixture = try RemoteFixture("remote-path")
        let hub = try fixture.makeHub()
        try roundTrip(fixture, hub: hub, url: hub) { _ in fixture.plainOptions }
    }

    @Test("a file:// URL")
    func fileURL() throws {
        let fixture = try RemoteFixture("remote-file")
        let hub = try fixture.makeHub()
        try roundTrip(fixture, hub: hub, url: "file://" + hub) { _ in fixture.plainOptions }
    }

    @Test("a hub on this machine runs its post-receive hook to its end before the push returns, as under git")
    func postReceiveHookRunsToItsEnd() throws {
        let fixture = try RemoteFixture("remote-post-receive")
        let hub = try fixture.makeHub()
        let marker = fixture.folder.url.appendingPathComponent("post-receive-done").path
        // libgit2 stops reading at the server's report; the hook runs after it, for a second.
        let hook = hub + "/hooks/post-receive"
        try "#!/bin/sh\ncat >/dev/null\necho 'mailing the desk editors'\nsleep 1\necho done > '\(marker)'\n"
            .write(toFile: hook, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook)
        let clone = try fixture.makeClone("a")
        try clone.addRemote(named: "origin", url: hub)
        let commit = try fixture.commit(in: clone, file: "claims/one.json")
        try clone.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], options: fixture.plainOptions)
        #expect(FileManager.default.fileExists(atPath: marker), "the push returned before the hub's post-receive hook ended")
        #expect(try fixture.main(of: hub) == commit.hex)
        try fixture.fsck(hub)
    }

    @Test("a refspec without destination downloads the objects and moves no reference")
    func downloadOnly() throws {
        let fixture = try RemoteFixture("remote-download")
        let hub = try fixture.makeHub()
        let a = try fixture.makeClone("a")
        try a.addRemote(named: "origin", url: hub)
        let commit = try fixture.commit(in: a, file: "claims/one.json")
        try a.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], options: fixture.plainOptions)
        let b = try fixture.makeClone("b")
        try b.addRemote(named: "origin", url: hub)
        let heads = try b.fetch(remote: "origin", refspecs: ["refs/heads/main"], options: fixture.plainOptions)
        #expect(heads.first { $0.name == "refs/heads/main" }?.target == commit)
        #expect(try b.contains(commit))
        #expect(try fixture.git(["for-each-ref"], in: b.workingDirectory!) == "")
        #expect(!FileManager.default.fileExists(atPath: b.gitDirectory + "FETCH_HEAD"))

        // No refspecs: only the advertisement (as `git ls-remote`); a FETCH_HEAD git wrote stays as it was.
        let c = try fixture.makeClone("c")
        try c.addRemote(named: "origin", url: hub)
        let fetchHead = "\(commit.hex)\t\tbranch 'main' of \(hub)\n"
        try fetchHead.write(toFile: c.gitDirectory + "FETCH_HEAD", atomically: true, encoding: .utf8)
        let advertised = try c.fetch(remote: "origin", refspecs: [], options: fixture.plainOptions)
        #expect(advertised.contains(RemoteHead(name: "refs/heads/main", target: commit)))
        #expect(try !c.contains(commit))
        #expect(try String(contentsOfFile: c.gitDirectory + "FETCH_HEAD", encoding: .utf8) == fetchHead)
    }

    @Test("git daemon on 127.0.0.1")
    func gitDaemon() throws {
        let fixture = try RemoteFixture("remote-daemon")
        let hub = try fixture.makeHub()
        let daemon = try GitDaemonServer(baseDirectory: fixture.hubs)
        defer { daemon.stop() }
        try roundTrip(fixture, hub: hub, url: daemon.url("desk.git")) { _ in fixture.plainOptions }
    }

    @Test("smart HTTP with basic auth: the password comes from git's credential store helper, which keeps it")
    func http() throws {
        let fixture = try RemoteFixture("remote-http")
        let hub = try fixture.makeHub()
        let server = try GitHTTPServer(projectRoot: fixture.hubs, user: "alice", password: "s3cret")
        defer { server.stop() }
        let store = fixture.folder.path("credentials")
        let entry = "http://alice:s3cret@127.0.0.1:\(server.port)"
        try (entry + "\n").write(toFile: store, atomically: true, encoding: .utf8)
        try roundTrip(fixture, hub: hub, url: server.url("desk.git")) { clone in
            try fixture.git(["config", "credential.helper", "store --file \(store)"], in: clone.workingDirectory!)
            return fixture.helperOptions(clone)
        }
        // `git credential approve` after each success keeps the entry in the store.
        let filled = try fixture.git(["-c", "credential.helper=store --file \(store)", "credential", "fill"],
                                     in: fixture.home, input: "url=\(server.url("desk.git"))\n\n")
        #expect(filled.contains("username=alice\npassword=s3cret"))
        #expect(server.log.contains("POST /desk.git/git-receive-pack 200"))
    }

    @Test("SSH with the user's key file, the host key checked against known_hosts")
    func sshKeyFile() throws {
        try #require(GitFeatures.hasSSH, "this libgit2 was built without SSH")
        let fixture = try RemoteFixture("remote-ssh")
        let hub = try fixture.makeHub()
        let server = try SSHServer(directory: fixture.folder.path("sshd").creatingFolder())
        defer { server.stop() }
        try roundTrip(fixture, hub: hub, url: server.url(hub)) { _ in server.clientOptions }
        #expect(server.log.contains("Accepted publickey"))
    }

    @Test("SSH with the key held by ssh-agent and no key file")
    func sshAgent() throws {
        try #require(GitFeatures.hasSSH, "this libgit2 was built without SSH")
        let fixture = try RemoteFixture("remote-agent")
        let hub = try fixture.makeHub()
        let server = try SSHServer(directory: fixture.folder.path("sshd").creatingFolder())
        defer { server.stop() }
        let agent = try SSHAgent(directory: fixture.folder.path("agent").creatingFolder())
        defer { agent.stop() }
        try agent.add(server.userKeyPath)
        // A home with known_hosts only: the agent is the one way in.
        let home = fixture.folder.path("agent-home")
        try FileManager.default.createDirectory(atPath: home + "/.ssh", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: server.home + "/.ssh/known_hosts", toPath: home + "/.ssh/known_hosts")
        // libssh2 finds the agent through SSH_AUTH_SOCK only.
        try withEnvironment("SSH_AUTH_SOCK", agent.socketPath) {
            try roundTrip(fixture, hub: hub, url: server.url(hub)) { _ in
                TransportOptions(credentialHelperDirectory: nil, home: home)
            }
        }
    }
}

extension RemoteFixture {
    /// Options asking git's credential helper configured in `clone`, with the fixture's HOME.
    func helperOptions(_ clone: Repository, maxAttempts: Int = 3) -> TransportOptions {
        var options = TransportOptions(credentialHelperDirectory: clone.workingDirectory, home: home,
                                       maxCredentialAttempts: maxAttempts)
        options.usesSSHAgent = false
        options.credentialHelperEnvironment = gitEnvironment
        return options
    }
}

extension SSHServer {
    /// Options using this server's ready-made home (key file and known_hosts), no agent.
    var clientOptions: TransportOptions {
        var options = TransportOptions(credentialHelperDirectory: nil, home: home)
        options.usesSSHAgent = false
        return options
    }
}

extension String {
    /// Creates this folder (and its parents) and returns its path.
    func creatingFolder() throws -> String {
        try FileManager.default.createDirectory(atPath: self, withIntermediateDirectories: true)
        return self
    }
}

/// Runs `body` with the environment variable `name` set to `value`, then sets it back. The old value
/// is written over rather than unset, so that glibc never reallocates `environ` under other threads.
func withEnvironment(_ name: String, _ value: String, _ body: () throws -> Void) rethrows {
    let previous = getenv(name).map { String(cString: $0) }
    setenv(name, value, 1)
    defer { setenv(name, previous ?? "", 1) }
    try body()
}
