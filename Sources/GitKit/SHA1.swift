import CGit2

/// A SHA-1 hash computed in steps, as the checksum that ends an index file needs. libgit2 exposes
/// no raw SHA-1; mbedtls, which Debian's libgit2 is built with, does.
public final class SHA1 {
    private var context = mbedtls_sha1_context()

    public init() throws {
        mbedtls_sha1_init(&context)
        try Self.check(mbedtls_sha1_starts_ret(&context), "start")
    }

    deinit {
        mbedtls_sha1_free(&context)
    }

    /// Adds `bytes` to the hashed data.
    public func update(_ bytes: UnsafeRawBufferPointer) throws {
        guard let base = bytes.baseAddress else { return }
        try Self.check(mbedtls_sha1_update_ret(&context, base.assumingMemoryBound(to: UInt8.self), bytes.count),
                       "update")
    }

    /// The 20-byte digest of everything added so far; the hasher then starts over, empty.
    public func finalize() throws -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 20)
        try Self.check(mbedtls_sha1_finish_ret(&context, &digest), "finish")
        try Self.check(mbedtls_sha1_starts_ret(&context), "restart")
        return digest
    }

    private static func check(_ code: Int32, _ step: String) throws {
        guard code != 0 else { return }
        throw GitError.custom("SHA-1 \(step) failed (mbedtls error \(code))")
    }
}
