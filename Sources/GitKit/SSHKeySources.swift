import Foundation

/// The SSH identities one connection offers, in order, each once: ssh-agent when `SSH_AUTH_SOCK`
/// is set, then `id_ed25519`, `id_ecdsa`, `id_rsa` from `home/.ssh` where they exist. Key files
/// protected by a passphrase are left out (nobody is there to type it): load them into ssh-agent.
struct SSHKeySources {
    enum Source: Equatable {
        case agent
        case file(privateKey: String, publicKey: String?)

        var label: String {
            switch self {
            case .agent: return "ssh-agent"
            case .file(let privateKey, _): return privateKey
            }
        }
    }

    private(set) var remaining: [Source]
    private(set) var tried: [Source] = []
    /// Key files left out because a passphrase protects them.
    let skipped: [String]

    init(options: TransportOptions) {
        var sources: [Source] = []
        // Read as libssh2 will read it, from the live environment.
        if options.usesSSHAgent, let socket = getenv("SSH_AUTH_SOCK"), socket.pointee != 0 {
            sources.append(.agent)
        }
        var skipped: [String] = []
        for name in ["id_ed25519", "id_ecdsa", "id_rsa"] {
            let path = (options.sshDirectory as NSString).appendingPathComponent(name)
            guard let contents = FileManager.default.contents(atPath: path) else { continue }
            if Self.isEncrypted(contents) {
                skipped.append(path)
                continue
            }
            let publicKey = path + ".pub"
            sources.append(.file(privateKey: path,
                                 publicKey: FileManager.default.fileExists(atPath: publicKey) ? publicKey : nil))
        }
        remaining = sources
        self.skipped = skipped
    }

    /// The next identity to offer; nil when all were tried.
    mutating func next() -> Source? {
        guard !remaining.isEmpty else { return nil }
        let source = remaining.removeFirst()
        tried.append(source)
        return source
    }

    /// Whether a private key file needs a passphrase: PEM's `ENCRYPTED` header, or an OpenSSH
    /// key whose cipher is not `none`.
    static func isEncrypted(_ contents: Data) -> Bool {
        let text = String(decoding: contents, as: UTF8.self)
        if text.contains("ENCRYPTED") { return true }
        guard text.contains("BEGIN OPENSSH PRIVATE KEY") else { return false }
        let body = text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("-----") }.joined()
        guard let blob = Data(base64Encoded: body) else { return false }
        let bytes = [UInt8](blob)
        let magic = Array("openssh-key-v1\0".utf8)
        guard bytes.count > magic.count + 4, Array(bytes[..<magic.count]) == magic else { return false }
        let start = magic.count
        let length = Int(bytes[start]) << 24 | Int(bytes[start + 1]) << 16 | Int(bytes[start + 2]) << 8 | Int(bytes[start + 3])
        guard start + 4 + length <= bytes.count else { return false }
        return String(decoding: bytes[(start + 4)..<(start + 4 + length)], as: UTF8.self) != "none"
    }
}
