import Foundation

/// What the cache files in `<git dir>/factdesk/` share: a checksum that tells a damaged file,
/// and a whole-file write that readers never see half done.
enum CacheFile {
    /// FNV-1a over 64-bit words, then the tail bytes.
    static func checksum(_ bytes: some ContiguousBytes) -> UInt64 {
        bytes.withUnsafeBytes { raw in
            var hash: UInt64 = 0xcbf29ce484222325
            let words = raw.count / 8
            for index in 0..<words {
                hash ^= raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
                hash = hash &* 0x100000001b3
            }
            for byte in raw[(words * 8)...] {
                hash ^= UInt64(byte)
                hash = hash &* 0x100000001b3
            }
            return hash
        }
    }

    /// `body` followed by its checksum, written to a temporary file and renamed over `path`.
    /// Failures are ignored: a cache is only ever an optimization.
    static func write(_ body: [UInt8], to path: String) {
        var bytes = body
        withUnsafeBytes(of: checksum(body).littleEndian) { bytes.append(contentsOf: $0) }
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        let temporary = path + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else { return }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    /// The file's body when it starts with `magic` and its checksum holds; nil otherwise.
    static func read(_ path: String, magic: [UInt8]) -> Data? {
        guard let data = FileManager.default.contents(atPath: path), data.starts(with: magic),
              data.count >= magic.count + 8 else { return nil }
        let body = data.prefix(data.count - 8)
        let stored = data.suffix(8).withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        return checksum(body) == stored ? Data(body) : nil
    }
}
