import CGit2
import Foundation

/// OpenSSH's `known_hosts` file, read to decide whether an SSH server's host key is the one the
/// user accepted before: plain names, `[host]:port`, comma lists, `*`/`?` wildcards, `!` negations
/// and hashed `|1|salt|hmac` names. `@revoked` keys are refused; `@cert-authority` lines are skipped
/// (libssh2 offers no host certificates to check them against).
struct KnownHosts {
    /// One key line: who it is for and the key.
    struct Entry {
        var revoked: Bool
        var patterns: [String]
        var keyType: String
        var key: Data
    }

    /// What the file says of one server's key.
    enum Verdict: Equatable {
        case known
        /// No line names the host.
        case unknown
        /// Lines name the host, but only with keys of other types (`types`).
        case unknownType(knownTypes: [String])
        /// A line names the host with another key of the same type.
        case changed
        /// The key is marked `@revoked`.
        case revoked
    }

    let entries: [Entry]

    /// Reads `path`; a missing file knows no hosts.
    init(path: String) {
        guard let data = FileManager.default.contents(atPath: path) else {
            entries = []
            return
        }
        entries = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).compactMap(Self.parse)
    }

    init(entries: [Entry]) {
        self.entries = entries
    }

    private static func parse(_ line: Substring) -> Entry? {
        var fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = fields.first, !first.hasPrefix("#") else { return nil }
        var revoked = false
        if first.hasPrefix("@") {
            guard first == "@revoked" else { return nil }
            revoked = true
            fields.removeFirst()
        }
        guard fields.count >= 3, let key = Data(base64Encoded: fields[2]) else { return nil }
        return Entry(revoked: revoked, patterns: fields[0].split(separator: ",").map(String.init),
                     keyType: fields[1], key: key)
    }

    /// The name known_hosts files a server under: `host`, or `[host]:port` off port 22.
    static func lookupName(host: String, port: Int?) -> String {
        guard let port, port != 22 else { return host }
        return "[\(host)]:\(port)"
    }

    /// Checks `key` (the raw SSH key blob) offered by `host` on `port`.
    func verdict(host: String, port: Int?, key: Data) -> Verdict {
        let name = Self.lookupName(host: host, port: port)
        let keyType = Self.keyType(of: key)
        let matching = entries.filter { Self.matches(name: name, patterns: $0.patterns) }
        if matching.contains(where: { $0.revoked && $0.key == key }) { return .revoked }
        let current = matching.filter { !$0.revoked }
        if current.contains(where: { $0.key == key }) { return .known }
        if current.isEmpty { return .unknown }
        if current.contains(where: { $0.keyType == keyType }) { return .changed }
        return .unknownType(knownTypes: Array(Set(current.map(\.keyType))).sorted())
    }

    /// Whether `name` is matched by a comma list of patterns: one positive match and no negated one.
    static func matches(name: String, patterns: [String]) -> Bool {
        var matched = false
        for pattern in patterns {
            if pattern.hasPrefix("!") {
                if wildcardMatch(String(pattern.dropFirst()).lowercased(), name.lowercased()) { return false }
            } else if pattern.hasPrefix("|1|") {
                if hashedMatch(pattern, name: name) { matched = true }
            } else if wildcardMatch(pattern.lowercased(), name.lowercased()) {
                matched = true
            }
        }
        return matched
    }

    /// `|1|base64(salt)|base64(HMAC-SHA1(salt, name))`.
    private static func hashedMatch(_ pattern: String, name: String) -> Bool {
        let parts = pattern.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 4, let salt = Data(base64Encoded: String(parts[2])),
              let expected = Data(base64Encoded: String(parts[3])) else { return false }
        var digest = [UInt8](repeating: 0, count: 20)
        let nameBytes = Array(name.utf8)
        let ok = salt.withUnsafeBytes { saltBuffer in
            cgit2_hmac_sha1(saltBuffer.baseAddress, Int32(saltBuffer.count), nameBytes, nameBytes.count, &digest)
        }
        return ok == 1 && Data(digest) == expected
    }

    /// OpenSSH's host patterns: `*` any run of characters, `?` one character.
    static func wildcardMatch(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.utf8), t = Array(text.utf8)
        var pi = 0, ti = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] == UInt8(ascii: "?") || p[pi] == t[ti] {
                pi += 1; ti += 1
            } else if pi < p.count, p[pi] == UInt8(ascii: "*") {
                star = pi; mark = ti; pi += 1
            } else if star >= 0 {
                pi = star + 1; mark += 1; ti = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }

    /// The algorithm name that starts an SSH key blob (`ssh-ed25519`, `ssh-rsa`, ...).
    static func keyType(of key: Data) -> String {
        let bytes = [UInt8](key)
        guard bytes.count >= 4 else { return "unknown" }
        let length = Int(bytes[0]) << 24 | Int(bytes[1]) << 16 | Int(bytes[2]) << 8 | Int(bytes[3])
        guard length > 0, 4 + length <= bytes.count else { return "unknown" }
        return String(decoding: bytes[4..<(4 + length)], as: UTF8.self)
    }

    /// OpenSSH's fingerprint of a key blob: `SHA256:` and the unpadded base64 of its SHA-256.
    static func fingerprint(of key: Data) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        _ = key.withUnsafeBytes { EVP_Digest($0.baseAddress, $0.count, &digest, &length, EVP_sha256(), nil) }
        var text = Data(digest).base64EncodedString()
        while text.hasSuffix("=") { text.removeLast() }
        return "SHA256:" + text
    }
}
