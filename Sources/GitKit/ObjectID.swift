import CGit2

/// A git object id (SHA-1), a value type safe to store, compare and hash.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible {
    /// The id's 20 bytes, held inline (no allocation): a desk walk creates millions of ids.
    private let high: UInt64
    private let middle: UInt64
    private let low: UInt32

    init(_ oid: git_oid) {
        var copy = oid
        (high, middle, low) = withUnsafeBytes(of: &copy.id) { raw in
            (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
        }
    }

    /// An id from its 20 raw bytes; nil unless there are exactly 20.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 20 else { return nil }
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { $0.copyBytes(from: bytes) }
        self.init(oid)
    }

    /// An id from the first 20 bytes of `raw` (which must hold at least 20), without copying.
    public init(raw: UnsafeRawBufferPointer) {
        precondition(raw.count >= 20, "an object id has 20 bytes")
        high = raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
        middle = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        low = raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self)
    }

    /// The 20 raw bytes of the id.
    public var bytes: [UInt8] {
        var copy = (high, middle, low)
        return withUnsafeBytes(of: &copy) { Array($0.prefix(20)) }
    }

    /// Parses a full 40-digit hexadecimal id; nil when it is not one.
    public init?(hex: String) {
        guard hex.utf8.count == 40 else { return nil }
        GitLibrary.ensureInitialized()
        var oid = git_oid()
        guard git_oid_fromstr(&oid, hex) == 0 else { return nil }
        self.init(oid)
    }

    /// The id of `data` as a blob, as `git hash-object` computes it, without writing it.
    public static func hashing(blob data: [UInt8]) -> ObjectID {
        GitLibrary.ensureInitialized()
        var oid = git_oid()
        data.withUnsafeBytes { buffer in
            _ = git_odb_hash(&oid, buffer.baseAddress, buffer.count, GIT_OBJECT_BLOB)
        }
        return ObjectID(oid)
    }

    /// The 40-digit lowercase hexadecimal form.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(40)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public var description: String { hex }

    /// Calls `body` with this id as a libgit2 `git_oid`.
    func withOID<T>(_ body: (UnsafePointer<git_oid>) throws -> T) rethrows -> T {
        var oid = git_oid()
        var copy = (high, middle, low)
        withUnsafeBytes(of: &copy) { source in
            withUnsafeMutableBytes(of: &oid.id) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: source.prefix(20))) }
        }
        return try body(&oid)
    }

    var oid: git_oid {
        withOID { $0.pointee }
    }
}
