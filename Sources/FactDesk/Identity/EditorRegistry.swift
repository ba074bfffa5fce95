import Crypto
import Foundation

/// The editors who may sign in to this clone's web desk, each with the SHA-256 of their sign-in
/// token. Kept in the repository's git directory (`factdesk/editors.json`, readable by its owner
/// only): never committed, never pushed, like a remote's credentials. Tokens themselves are shown
/// once, when made, and stored nowhere.
struct EditorRegistry {
    /// One editor allowed to sign in.
    struct Entry: Codable, Equatable, Sendable {
        var editor: Editor
        /// Hex SHA-256 of the token.
        var tokenHash: String
        var addedAt: Date
    }

    let path: String

    init(gitDirectory: String) {
        path = gitDirectory + "factdesk/editors.json"
    }

    func entries() throws -> [Entry] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return try DeskJSON.decode([Entry].self, from: data, path: path)
    }

    func write(_ entries: [Entry]) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = path + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: try DeskJSON.encode(entries),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw FactDeskError.storage("cannot write \(temporary): \(String(cString: strerror(errno)))")
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw FactDeskError.storage("cannot replace \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// A new token: 32 random bytes, base64url, with a prefix that says what it is.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let base64 = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return "fdt_" + base64
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The entry whose token is `token`, compared in constant time over every entry.
    static func match(_ token: String, in entries: [Entry]) -> Entry? {
        let wanted = Array(hash(token).utf8)
        var found: Entry?
        for entry in entries {
            let stored = Array(entry.tokenHash.utf8)
            guard stored.count == wanted.count else { continue }
            var difference: UInt8 = 0
            for index in stored.indices { difference |= stored[index] ^ wanted[index] }
            if difference == 0 { found = entry }
        }
        return found
    }
}
