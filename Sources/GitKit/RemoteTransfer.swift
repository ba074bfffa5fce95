import CGit2
import Foundation

extension Repository {
    /// Fetches `refspecs` from remote `name` (e.g. `+refs/heads/main:refs/remotes/origin/main`; a
    /// refspec without destination only downloads objects). Follows no tags, prunes nothing and
    /// never writes FETCH_HEAD. Returns the references the remote advertised; with no refspecs,
    /// that is all it does (as `git ls-remote`).
    public func fetch(remote name: String, refspecs: [String], options: TransportOptions) throws -> [RemoteHead] {
        // An anonymous remote with the same URL: a named one would also update its configured
        // remote-tracking branches ("opportunistic updates"), even for a refspec without destination.
        let remote = try RemoteHandle.anonymous(for: RemoteHandle.require(name, in: self), in: self)
        let session = TransportSession(remoteURL: remote.configuredURL, options: options)
        try session.checkTransportSupport()
        if refspecs.isEmpty {
            // libgit2 would fetch the remote's HEAD for a fetch without refspecs: only connect and list.
            var callbacks = git_remote_callbacks()
            try check(git_remote_init_callbacks(&callbacks, UInt32(GIT_REMOTE_CALLBACKS_VERSION)), "cannot prepare callbacks")
            RemoteCallbacks.install(session, into: &callbacks)
            try session.run("cannot list the references of \(name) (\(session.shownURL))") {
                git_remote_connect(remote.pointer, GIT_DIRECTION_FETCH, &callbacks, nil, nil)
            }
            defer { git_remote_disconnect(remote.pointer) }
            return try remote.advertisedHeads()
        }
        var fetchOptions = git_fetch_options()
        try check(git_fetch_options_init(&fetchOptions, UInt32(GIT_FETCH_OPTIONS_VERSION)), "cannot prepare fetch options")
        fetchOptions.update_fetchhead = 0
        fetchOptions.prune = GIT_FETCH_NO_PRUNE
        fetchOptions.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
        RemoteCallbacks.install(session, into: &fetchOptions.callbacks)
        // libgit2 1.5 truncates FETCH_HEAD even when told not to update it: put it back as it was.
        let fetchHead = FetchHeadKeeper(gitDirectory: gitDirectory)
        defer { fetchHead.restore() }
        try withStringArray(refspecs) { array in
            try session.run("cannot fetch from \(name) (\(session.shownURL))") {
                git_remote_fetch(remote.pointer, array, &fetchOptions, "fetch: \(name)")
            }
        }
        return try remote.advertisedHeads()
    }

    /// Pushes `refspecs` (e.g. `refs/heads/main:refs/heads/main`) to remote `name`. Throws when a
    /// reference is refused, by libgit2 before sending (not a fast-forward) or by the server (its
    /// `push_update_reference` status): `isPushRejected`, and `isNonFastForward` when the remote
    /// moved (fetch, merge, push again). The message names the references and the server's reasons.
    public func push(remote name: String, refspecs: [String], options: TransportOptions) throws {
        let remote = try RemoteHandle.require(name, in: self)
        let session = TransportSession(remoteURL: remote.pushURL, options: options)
        try session.checkTransportSupport()
        var pushOptions = git_push_options()
        try check(git_push_options_init(&pushOptions, UInt32(GIT_PUSH_OPTIONS_VERSION)), "cannot prepare push options")
        pushOptions.pb_parallelism = 0
        RemoteCallbacks.install(session, into: &pushOptions.callbacks)
        let destination = "\(name) (\(session.shownURL))"
        do {
            try withStringArray(refspecs) { array in
                try session.run("cannot push to \(destination)") {
                    git_remote_push(remote.pointer, array, &pushOptions)
                }
            }
        } catch let error as GitError where error.code == GIT_ENONFASTFORWARD.rawValue {
            let reason = error.message.hasSuffix(".") ? String(error.message.dropLast()) : error.message
            throw GitError.pushRejected("\(reason); the remote has commits this repository lacks: "
                + "fetch and merge them, then push again", nonFastForward: true)
        }
        guard session.refusals.isEmpty else {
            throw Self.refusal(session, destination: destination)
        }
    }

    /// The error for the references a server refused, with its reasons and anything a hook said.
    private static func refusal(_ session: TransportSession, destination: String) -> GitError {
        // The reference moved, or another push was updating it at that moment (its lock file was
        // there: libgit2's local transport, or git's "cannot lock ref"): fetch, merge and push again.
        // git's receive-pack gives "failed to update ref" as the status and says why on the side band.
        let lockLost = session.serverMessages.lowercased().contains("cannot lock ref")
        let nonFastForward = session.refusals.contains { refusal in
            let reason = refusal.reason.lowercased()
            return ["non-fast-forward", "fetch first", "stale", "locked file", "cannot lock ref", "failed to lock"].contains { reason.contains($0) }
                || (lockLost && reason.contains("failed to update ref"))
        }
        let refs = session.refusals.map { "\($0.reference) (\($0.reason))" }.joined(separator: ", ")
        var message = "\(destination) refused to update \(refs)"
        let said = session.serverMessages.trimmingCharacters(in: .whitespacesAndNewlines)
        if !said.isEmpty { message += "; the server said: \(said)" }
        if nonFastForward { message += "; the remote has moved: fetch and merge, then push again" }
        return GitError.pushRejected(message, nonFastForward: nonFastForward)
    }
}

/// Keeps FETCH_HEAD as it was before a fetch: its bytes, or its absence.
private struct FetchHeadKeeper {
    let path: String
    let original: Data?

    init(gitDirectory: String) {
        path = gitDirectory + "FETCH_HEAD"
        original = FileManager.default.contents(atPath: path)
    }

    func restore() {
        if let original {
            if FileManager.default.contents(atPath: path) != original { try? original.write(to: URL(fileURLWithPath: path)) }
        } else {
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
