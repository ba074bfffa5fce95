import CGit2
import Foundation

/// Writes many objects as one pack file instead of one loose file each: writes made through
/// `repository` (a handle of its own on the same git directory) collect in memory
/// (`git_mempack`) until `finish()` stores them as a single pack. For bulk changes, such as a
/// revision that rewrites a thousand claim files.
public final class PackedObjectWriter {
    /// The handle to write through; its object database sends writes to memory.
    public let repository: Repository
    /// The in-memory backend, owned by the handle's object database, which frees it.
    private let backend: UnsafeMutablePointer<git_odb_backend>

    public init(gitDirectory: String) throws {
        repository = try Repository.open(at: gitDirectory)
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, repository.pointer), "cannot open the object database")
        defer { git_odb_free(odb) }
        var mempack: UnsafeMutablePointer<git_odb_backend>?
        try check(git_mempack_new(&mempack), "cannot create an in-memory object store")
        guard let mempack else { throw GitError.custom("cannot create an in-memory object store") }
        let added = git_odb_add_backend(odb, mempack, 1_000)
        if added < 0 { mempack.pointee.free(mempack) }
        try check(added, "cannot add an in-memory object store")
        backend = mempack
    }

    /// Writes a blob straight into the in-memory store. Going through the object database
    /// would first look for the blob on disk, and on a miss rescan the pack folder: once per
    /// blob, which is most of the cost of a change to a thousand files.
    public func writeBlob(_ data: Data) throws -> ObjectID {
        var oid = git_oid()
        try data.withUnsafeBytes { buffer in
            try check(git_odb_hash(&oid, buffer.baseAddress, buffer.count, GIT_OBJECT_BLOB), "cannot hash a blob")
            guard let write = backend.pointee.write else { throw GitError.custom("the in-memory object store cannot write") }
            try check(write(backend, &oid, buffer.baseAddress, buffer.count, GIT_OBJECT_BLOB), "cannot write a blob")
        }
        return ObjectID(oid)
    }

    /// Stores `objects` (written through this writer; any already stored are packed again,
    /// harmlessly) as one pack with its index in the object database, then forgets what was
    /// written. Only these objects: libgit2's `git_mempack_dump` packs each commit with its
    /// whole tree, which on a large desk is every object of the desk.
    public func finish(packing objects: Set<ObjectID>) throws {
        var builder: OpaquePointer?
        try check(git_packbuilder_new(&builder, repository.pointer), "cannot start a pack")
        defer { git_packbuilder_free(builder) }
        _ = git_packbuilder_set_threads(builder, 0)
        for id in objects {
            try id.withOID { oid in try check(git_packbuilder_insert(builder, oid, nil), "cannot add \(id.hex) to a pack") }
        }
        var pack = git_buf()
        defer { git_buf_dispose(&pack) }
        try check(git_packbuilder_write_buf(&pack, builder), "cannot build a pack")
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, repository.pointer), "cannot open the object database")
        defer { git_odb_free(odb) }
        var writepack: UnsafeMutablePointer<git_odb_writepack>?
        try check(git_odb_write_pack(&writepack, odb, nil, nil), "cannot start writing a pack")
        guard let writepack else { throw GitError.custom("cannot start writing a pack") }
        defer { writepack.pointee.free(writepack) }
        var stats = git_indexer_progress()
        try check(writepack.pointee.append(writepack, pack.ptr, pack.size, &stats), "cannot write the pack")
        try check(writepack.pointee.commit(writepack, &stats), "cannot finish the pack")
        try check(git_mempack_reset(backend), "cannot empty the in-memory object store")
    }
}
