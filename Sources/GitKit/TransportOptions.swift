import Foundation

/// Where a fetch or push finds its credentials: git's credential helpers for HTTP(S), ssh-agent
/// and key files for SSH, and `known_hosts` to check SSH servers.
public struct TransportOptions: Sendable {
    /// Where `git credential fill|approve|reject` runs (a repository's working directory or git
    /// directory), so that the repository's own `credential.helper` configuration applies; nil:
    /// no helper is asked, and a server that wants a password is refused.
    public var credentialHelperDirectory: String?
    /// The folder holding `.ssh` (key files and `known_hosts`).
    public var home: String
    /// How many credentials one operation offers a server at most before giving up.
    public var maxCredentialAttempts: Int
    /// Whether SSH tries the agent named by `SSH_AUTH_SOCK` before the key files. libssh2 reads
    /// that variable itself, so the agent can be turned off here but not pointed elsewhere.
    public var usesSSHAgent: Bool
    /// Variables added to the environment of `git credential` (for example `HOME`).
    public var credentialHelperEnvironment: [String: String]

    /// - Parameters:
    ///   - credentialHelperDirectory: where `git credential` runs; nil for no helper.
    ///   - home: where `.ssh` lives; nil for `$HOME`.
    ///   - maxCredentialAttempts: the most credentials offered to a server in one operation.
    public init(credentialHelperDirectory: String?, home: String? = nil, maxCredentialAttempts: Int = 3) {
        self.credentialHelperDirectory = credentialHelperDirectory
        self.home = home ?? ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        self.maxCredentialAttempts = max(1, maxCredentialAttempts)
        usesSSHAgent = true
        credentialHelperEnvironment = [:]
    }

    /// The `.ssh` folder under `home`.
    var sshDirectory: String { (home as NSString).appendingPathComponent(".ssh") }

    /// `home/.ssh/known_hosts`, written as `~/.ssh/known_hosts` when `home` is the user's own.
    var knownHostsPath: String { (sshDirectory as NSString).appendingPathComponent("known_hosts") }

    var knownHostsDisplayName: String {
        let userHome = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        return (home as NSString).standardizingPath == (userHome as NSString).standardizingPath
            ? "~/.ssh/known_hosts" : knownHostsPath
    }
}
