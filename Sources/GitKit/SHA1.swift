import CGit2

/// A SHA-1 hash computed in steps, as the checksum that ends an index file needs. libgit2
/// exposes no raw SHA-1; OpenSSL, which Debian's libgit2 packages pull in, does. Owns its
/// `EVP_MD_CTX` pointer.
public final class SHA1 {
    private let context: OpaquePointer

    public init() throws {
        guard let context = EVP_MD_CTX_new() else { throw GitError.custom("SHA-1: cannot allocate a digest context") }
        self.context = context
        try start()
    }

    deinit {
        EVP_MD_CTX_free(context)
    }

    /// Adds `bytes` to the hashed data.
    public func update(_ bytes: UnsafeRawBufferPointer) throws {
        guard let base = bytes.baseAddress else { return }
        try Self.check(EVP_DigestUpdate(context, base, bytes.count), "update")
    }

    /// The 20-byte digest of everything added so far; the hasher then starts over, empty.
    public func finalize() throws -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        try Self.check(EVP_DigestFinal_ex(context, &digest, &length), "finish")
        try start()
        return Array(digest.prefix(Int(length)))
    }

    private func start() throws {
        try Self.check(EVP_DigestInit_ex(context, EVP_sha1(), nil), "start")
    }

    private static func check(_ result: Int32, _ step: String) throws {
        guard result != 1 else { return }
        throw GitError.custom("SHA-1 \(step) failed (OpenSSL)")
    }
}
