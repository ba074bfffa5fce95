import Foundation

/// Decides whether to trust an SSH server's host key, from the user's `known_hosts` only: an
/// unknown host is refused (there is nobody to ask), a changed key is refused loudly.
enum SSHHostKeyCheck {
    /// Throws a `GitError` whose `isHostKeyRefused` is true unless `key` is known for `url`'s host.
    static func verify(key: Data, host: String, port: Int?, options: TransportOptions) throws {
        let knownHosts = KnownHosts(path: options.knownHostsPath)
        let file = options.knownHostsDisplayName
        let server = port.map { "\(host):\($0)" } ?? host
        let name = KnownHosts.lookupName(host: host, port: port)
        let type = KnownHosts.keyType(of: key)
        let fingerprint = "\(type) \(KnownHosts.fingerprint(of: key))"
        let keyscan = "ssh-keyscan \(port.map { "-p \($0) " } ?? "")\(host) >> \(file)"
        switch knownHosts.verdict(host: host, port: port, key: key) {
        case .known:
            return
        case .unknown:
            throw GitError.hostKey("the SSH host key of \(server) is not in \(file); check its fingerprint "
                + "(\(fingerprint)) with the server's administrator and add it with `\(keyscan)`")
        case .unknownType(let knownTypes):
            throw GitError.hostKey("the SSH host key of \(server) is not in \(file): it holds only "
                + "\(knownTypes.joined(separator: ", ")) keys for \(name), and the server offered \(fingerprint); "
                + "check it with the server's administrator and add it with `\(keyscan)`")
        case .changed:
            throw GitError.hostKey("WARNING: THE SSH HOST KEY OF \(server) HAS CHANGED. \(file) holds another "
                + "\(type) key for \(name), and the server now offers \(fingerprint). Someone may be "
                + "intercepting the connection, or the server was reinstalled: refusing to connect. If the "
                + "change is expected, remove the old key with `ssh-keygen -R '\(name)'` and add the new one.")
        case .revoked:
            throw GitError.hostKey("the SSH host key of \(server) (\(fingerprint)) is marked @revoked in \(file): "
                + "refusing to connect")
        }
    }
}
