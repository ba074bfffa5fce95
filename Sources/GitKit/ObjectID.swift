import CGit2

/// A git object id (SHA-1), a value type safe to store, compare and hash.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible {
    /// The 20 raw bytes of the id.
    public let bytes: [UInt8]

    init(_ oid: git_oid) {
        var copy = oid
        bytes = withUnsafeBytes(of: &copy.id) { Array($0) }
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
        withUnsafeMutableBytes(of: &oid.id) { raw in
            raw.copyBytes(from: bytes)
        }
        return try body(&oid)
    }

    var oid: git_oid {
        withOID { $0.pointee }
    }
}
