import Foundation
import TestSupport
import Testing

/// `factdesk sync` over the transports newsrooms use, each a real server on 127.0.0.1 started
/// and stopped by the test: git daemon, git's smart HTTP behind basic auth with the credentials
/// from git's own credential helper, and sshd with the user's key and known_hosts.
@Suite(.serialized) struct SyncTransportTests {
    let ana = "Ana Ruiz <ana@example.org>", ben = "Ben Okafor <ben@example.org>"

    /// Two desks of `room`, both syncing with `url` instead of the hub's path.
    private func pair(_ room: SyncNewsroom, url: String) throws -> (SyncClone, SyncClone) {
        let a = try room.founder("a", editor: ana), b = try room.clone("b", editor: ben)
        for clone in [a, b] {
            try clone.succeed(["remote", "remove", "origin"])
            try clone.succeed(["remote", "add", "origin", url])
        }
        #expect(try a.succeed(["remote", "list"]) == "origin\t\(url)\n")
        return (a, b)
    }

    /// Files a claim on each side and syncs both ways through `url`, then checks the desks agree.
    private func exchange(_ room: SyncNewsroom, _ a: SyncClone, _ b: SyncClone, environment: [String: String] = [:]) throws {
        let mine = try a.annotate(quote: "$412 million", claim: "Budget")
        let theirs = try b.annotate(quote: "7 to 2", claim: "Vote")
        try a.succeed(["sync"], environment: environment)
        #expect(try b.succeed(["sync"], environment: environment).hasPrefix("1 in, 2 out"))
        try a.succeed(["sync"], environment: environment)
        for clone in [a, b] {
            #expect(try clone.claim(mine)["claim"] as? String == "Budget")
            #expect(try clone.claim(theirs)["claim"] as? String == "Vote")
        }
        try room.expectConverged([a, b], authors: ["ana@example.org", "ben@example.org"])
    }

    @Test func syncsThroughGitDaemonAndReportsAHookThatRefusesThePush() throws {
        let room = try SyncNewsroom()
        let daemon = try GitDaemonServer(baseDirectory: room.directory.path)
        defer { daemon.stop() }
        let (a, b) = try pair(room, url: daemon.url("hub.git"))
        try exchange(room, a, b)

        let hook = room.hub.appendingPathComponent("hooks/pre-receive")
        try "#!/bin/sh\necho 'desk frozen for election night' >&2\nexit 1\n".write(to: hook, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
        let id = try a.annotate(quote: "6.8%", claim: "Tax rise")
        let head = try a.git("rev-parse", "HEAD"), hubHead = try ProcessRunner.git(["rev-parse", "main"], in: room.hub)
        let refused = try a.run(["sync"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("desk frozen for election night"), "the hook's words should reach the editor: \(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(try a.git("rev-parse", "HEAD") == head)
        #expect(try ProcessRunner.git(["rev-parse", "main"], in: room.hub) == hubHead)
        #expect(try a.claim(id)["claim"] as? String == "Tax rise")
        try FileManager.default.removeItem(at: hook)
        try a.succeed(["sync"])
        try b.succeed(["sync"])
        try room.expectConverged([a, b], authors: ["ana@example.org", "ben@example.org"])
    }

    @Test func syncsThroughSmartHTTPWithGitsCredentialHelperAndStopsOnAWrongPassword() throws {
        let room = try SyncNewsroom()
        let server = try GitHTTPServer(projectRoot: room.directory.path, user: "ana", password: "s3cret-token")
        defer { server.stop() }
        let (a, b) = try pair(room, url: server.url("hub.git"))
        let store = room.directory.url.appendingPathComponent("credentials")
        try "http://ana:s3cret-token@127.0.0.1:\(server.port)\n".write(to: store, atomically: true, encoding: .utf8)
        for clone in [a, b] { try clone.git("config", "credential.helper", "store --file \(store.path)") }
        try exchange(room, a, b)

        let wrong = room.directory.url.appendingPathComponent("wrong-credentials")
        try "http://ana:not-the-token@127.0.0.1:\(server.port)\n".write(to: wrong, atomically: true, encoding: .utf8)
        try a.git("config", "credential.helper", "store --file \(wrong.path)")
        _ = try a.annotate(quote: "6.8%", claim: "Tax rise")
        let before = try StoreFingerprint(repository: a.url), refusalsBefore = server.unauthorizedCount
        let started = Date()
        let refused = try a.run(["sync"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("authentication") && refused.stderr.contains("ana"), "unclear: \(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(server.unauthorizedCount - refusalsBefore <= 6, "the wrong password was offered again and again")
        #expect(try StoreFingerprint(repository: a.url) == before)
    }

    @Test func syncsThroughSSHWithTheUsersKeyAndRefusesAnUnknownHostKey() throws {
        let room = try SyncNewsroom()
        let folder = try TemporaryDirectory("sshd")
        let server = try SSHServer(directory: folder.path)
        defer { server.stop() }
        let environment = ["HOME": server.home, "GIT_CONFIG_NOSYSTEM": "1", "SSH_AUTH_SOCK": ""]
        let (a, b) = try pair(room, url: server.url(room.hub.path))
        try exchange(room, a, b, environment: environment)

        // A home whose known_hosts does not list this server: refused before anything is sent.
        let stranger = folder.url.appendingPathComponent("stranger")
        try FileManager.default.createDirectory(at: stranger.appendingPathComponent(".ssh"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: server.userKeyPath, toPath: stranger.path + "/.ssh/id_ed25519")
        try "".write(to: stranger.appendingPathComponent(".ssh/known_hosts"), atomically: true, encoding: .utf8)
        _ = try a.annotate(quote: "6.8%", claim: "Tax rise")
        let before = try StoreFingerprint(repository: a.url)
        let refused = try a.run(["sync"], environment: ["HOME": stranger.path, "GIT_CONFIG_NOSYSTEM": "1", "SSH_AUTH_SOCK": ""])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("known_hosts"), "unclear: \(refused.stderr)")
        #expect(try StoreFingerprint(repository: a.url) == before)
    }
}
