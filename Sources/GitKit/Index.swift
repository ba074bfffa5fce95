import CGit2

/// The index (staging area) of a checked-out repository. Owns its `git_index` pointer.
public final class Index {
    let pointer: OpaquePointer
    let repository: Repository

    init(pointer: OpaquePointer, repository: Repository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit {
        git_index_free(pointer)
    }

    /// Stages the working-tree file at `path` (relative to the working directory),
    /// recording its current stat data so that `git status` needs no re-hash.
    public func add(path: String) throws {
        try check(git_index_add_bypath(pointer, path), "cannot stage \(path)")
    }

    /// Removes `path` from the index.
    public func remove(path: String) throws {
        try check(git_index_remove_bypath(pointer, path), "cannot unstage \(path)")
    }

    /// The on-disk format version (2, 3 or 4); version 4 compresses paths, so a large index
    /// is smaller to hash and write.
    public var version: UInt32 {
        get { git_index_version(pointer) }
    }

    public func setVersion(_ version: UInt32) throws {
        try check(git_index_set_version(pointer, version), "cannot set index version \(version)")
    }

    /// Writes the index back to disk through its lock file.
    public func write() throws {
        try check(git_index_write(pointer), "cannot write the index")
    }

    /// Every staged path with its blob id, in index order.
    public var entries: [(path: String, id: ObjectID)] {
        (0..<git_index_entrycount(pointer)).compactMap { position in
            git_index_get_byindex(pointer, position).map { (String(cString: $0.pointee.path), ObjectID($0.pointee.id)) }
        }
    }

    /// The blob id the index records for `path`, if any.
    public func entryID(path: String) -> ObjectID? {
        git_index_get_bypath(pointer, path, 0).map { ObjectID($0.pointee.id) }
    }
}
