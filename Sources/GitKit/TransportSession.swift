import CGit2
import Foundation

/// The state of one fetch or push that libgit2's callbacks share: the credentials offered so far,
/// the SSH identities left, the server's messages and refusals, and the first error a callback
/// raised. libgit2 passes it back to the C callbacks as their payload (see `RemoteCallbacks`).
final class TransportSession {
    let remoteURL: String
    let url: TransportURL?
    let options: TransportOptions
    private let helper: GitCredentialHelper?

    /// The first error raised inside a callback; rethrown once libgit2 returns.
    var failure: GitError?
    /// `push_update_reference` statuses that were not nil: the references the server refused.
    var refusals: [(reference: String, reason: String)] = []
    /// Text the server sent on the side band (hooks' output), progress lines left out.
    private(set) var serverMessages = ""

    private var offered: [HelperCredential] = []
    /// The helper's credential most recently offered: approved on success, rejected when refused.
    private var lastOffered: HelperCredential?
    private var sshSources: SSHKeySources?

    init(remoteURL: String, options: TransportOptions) {
        self.remoteURL = remoteURL
        url = TransportURL(remoteURL)
        self.options = options
        helper = options.credentialHelperDirectory.map {
            GitCredentialHelper(directory: $0, environment: options.credentialHelperEnvironment)
        }
    }

    /// Refuses early, with a clear message, a remote this libgit2 cannot reach.
    func checkTransportSupport() throws {
        guard let scheme = url?.scheme else { return }
        if scheme == "ssh" || scheme == "ssh+git" || scheme == "git+ssh", !GitFeatures.hasSSH {
            throw GitError.custom("cannot reach \(shownURL): this libgit2 was built without SSH support (libssh2)")
        }
        if scheme == "https", !GitFeatures.hasHTTPS {
            throw GitError.custom("cannot reach \(shownURL): this libgit2 was built without HTTPS support")
        }
    }

    var shownURL: String { TransportURL.redacted(remoteURL) }

    /// The repository a local remote names (a path or `file://`); nil for a server.
    var localRepositoryPath: String? { Repository.localPath(ofRemoteURL: remoteURL) }

    /// Runs one libgit2 transfer with this session's callbacks: rethrows a callback's error in
    /// preference to libgit2's own message, and approves the helper's credential on success.
    func run(_ operation: @autoclosure () -> String, _ body: () -> Int32) throws {
        let code = withExtendedLifetime(self) { GitLibrary.withWidePackWindows(body) }
        if code < 0 {
            if let failure { throw failure }
            try check(code, operation())
        }
        if let lastOffered, let helper, let url { helper.approve(lastOffered, for: url) }
    }

    // MARK: Callbacks

    /// `credentials`: HTTP(S) from git's credential helper, SSH from the agent and key files.
    func acquireCredential(_ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>?, url callbackURL: String?,
                           usernameFromURL: String?, allowed: UInt32) -> Int32 {
        guard let out else { return GIT_ERROR.rawValue }
        do {
            if allowed & GIT_CREDENTIAL_USERNAME.rawValue != 0 {
                let name = usernameFromURL ?? url?.username ?? NSUserName()
                try check(git_credential_username_new(out, name), "cannot make SSH username credential")
                return 0
            }
            if allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 {
                return try nextSSHKey(out, username: usernameFromURL ?? url?.username ?? NSUserName())
            }
            if allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0 {
                return try nextPassword(out, url: callbackURL.flatMap(TransportURL.init) ?? url)
            }
            return GIT_PASSTHROUGH.rawValue
        } catch let error as GitError {
            return fail(error)
        } catch {
            return fail(.authentication("cannot find credentials for \(shownURL): \(error)"))
        }
    }

    private func nextPassword(_ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>, url target: TransportURL?) throws -> Int32 {
        if let refused = lastOffered, let helper, let target {
            helper.reject(refused, for: target)
        }
        let who = (lastOffered?.username ?? url?.username).map { " as \($0)" } ?? ""
        let refusedMessage = "authentication failed for \(shownURL)\(who): the server refused the credentials "
            + "from git's credential helper"
        guard let helper, let target else {
            throw GitError.authentication("\(shownURL) asks for a username and password, and no git credential "
                + "helper is available to give them")
        }
        guard offered.count < options.maxCredentialAttempts else {
            throw GitError.authentication(refusedMessage + " (\(offered.count) tried)")
        }
        guard let credential = try helper.fill(target) else {
            if lastOffered != nil { throw GitError.authentication(refusedMessage) }
            throw GitError.authentication("\(shownURL)\(who) asks for a password, and git's credential helper "
                + "has none for it (set credential.helper, or store one with `git credential approve`)")
        }
        guard !offered.contains(credential) else {
            throw GitError.authentication(refusedMessage)
        }
        offered.append(credential)
        lastOffered = credential
        try check(git_credential_userpass_plaintext_new(out, credential.username, credential.password),
                  "cannot make HTTP credential")
        return 0
    }

    private func nextSSHKey(_ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>, username: String) throws -> Int32 {
        if sshSources == nil { sshSources = SSHKeySources(options: options) }
        guard let source = sshSources?.next() else {
            let sources = sshSources!
            let skipped = sources.skipped.isEmpty ? ""
                : "; left out, as a passphrase protects them (add them to ssh-agent): "
                    + sources.skipped.joined(separator: ", ")
            if sources.tried.isEmpty {
                throw GitError.authentication("no SSH key to offer \(shownURL) as \(username): no ssh-agent "
                    + "(SSH_AUTH_SOCK) and no id_ed25519, id_ecdsa or id_rsa in \(options.sshDirectory)\(skipped)")
            }
            throw GitError.authentication("SSH authentication failed for \(shownURL) as \(username): the server "
                + "accepted none of \(sources.tried.map(\.label).joined(separator: ", "))\(skipped)")
        }
        switch source {
        case .agent:
            try check(git_credential_ssh_key_from_agent(out, username), "cannot ask ssh-agent")
        case .file(let privateKey, let publicKey):
            try check(git_credential_ssh_key_new(out, username, publicKey, privateKey, nil),
                      "cannot use SSH key \(privateKey)")
        }
        return 0
    }

    /// `certificate_check`: SSH host keys against known_hosts; TLS keeps libgit2's own validation.
    func checkCertificate(_ cert: UnsafeMutablePointer<git_cert>?, host: String?) -> Int32 {
        guard let cert, cert.pointee.cert_type == GIT_CERT_HOSTKEY_LIBSSH2 else { return GIT_PASSTHROUGH.rawValue }
        let hostKey = UnsafeMutableRawPointer(cert).assumingMemoryBound(to: git_cert_hostkey.self).pointee
        let server = host ?? url?.host ?? ""
        guard hostKey.type.rawValue & GIT_CERT_SSH_RAW.rawValue != 0, let raw = hostKey.hostkey else {
            return fail(.hostKey("cannot check the SSH host key of \(server): libgit2 did not pass the raw key"))
        }
        let key = Data(bytes: raw, count: hostKey.hostkey_len)
        // The callback names the host only: the port comes from the remote's URL.
        let port = url.flatMap { $0.host == server ? $0.port : nil }
        do {
            try SSHHostKeyCheck.verify(key: key, host: server, port: port, options: options)
            return 0
        } catch let error as GitError {
            return fail(error)
        } catch {
            return fail(.hostKey("cannot check the SSH host key of \(server): \(error)"))
        }
    }

    /// `push_update_reference`: a non-nil status is the server's reason for refusing `reference`.
    func pushUpdate(reference: String, status: String?) -> Int32 {
        if let status { refusals.append((reference, status)) }
        return 0
    }

    /// `sideband_progress`: keeps what the server says (a hook's output), not its progress meters.
    func serverSaid(_ text: String) -> Int32 {
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.contains("% (") else { continue }
            if serverMessages.utf8.count < 8192 { serverMessages += trimmed + "\n" }
        }
        return 0
    }

    /// Records `error` for the caller and hands libgit2 its message; returns the code to stop with.
    private func fail(_ error: GitError) -> Int32 {
        if failure == nil { failure = error }
        git_error_set_str(error.errorClass == 0 ? Int32(GIT_ERROR_CALLBACK.rawValue) : error.errorClass, error.message)
        return error.code < 0 ? error.code : GIT_EUSER.rawValue
    }
}
