import CGit2
import Foundation

/// An open git repository (checked-out or bare). Owns its `git_repository` pointer.
public final class Repository {
    let pointer: OpaquePointer

    private init(pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        git_repository_free(pointer)
    }

    /// Opens the repository whose working directory or git directory is exactly `path`.
    public static func open(at path: String) throws -> Repository {
        GitLibrary.ensureInitialized()
        var pointer: OpaquePointer?
        try check(git_repository_open_ext(&pointer, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil),
                  "cannot open repository at \(path)")
        return Repository(pointer: pointer!)
    }

    /// Finds the repository enclosing `path` (itself or a parent directory); nil when there is none.
    public static func discover(from path: String) throws -> Repository? {
        GitLibrary.ensureInitialized()
        var pointer: OpaquePointer?
        let code = git_repository_open_ext(&pointer, path, 0, nil)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "cannot open repository enclosing \(path)")
        return Repository(pointer: pointer!)
    }

    /// Creates a new repository at `path`, checked-out or bare, with HEAD on `main`.
    public static func create(at path: String, bare: Bool) throws -> Repository {
        GitLibrary.ensureInitialized()
        var options = git_repository_init_options()
        try check(git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)),
                  "cannot prepare repository options")
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue
        if bare { options.flags |= GIT_REPOSITORY_INIT_BARE.rawValue }
        var pointer: OpaquePointer?
        try "main".withCString { head in
            options.initial_head = head
            try check(git_repository_init_ext(&pointer, path, &options), "cannot create repository at \(path)")
        }
        return Repository(pointer: pointer!)
    }

    /// True for a repository without a working tree.
    public var isBare: Bool { git_repository_is_bare(pointer) == 1 }

    /// The working directory, with a trailing slash; nil for a bare repository.
    public var workingDirectory: String? {
        git_repository_workdir(pointer).map { String(cString: $0) }
    }

    /// The git directory (`.git/` or the bare repository itself), with a trailing slash.
    public var gitDirectory: String {
        String(cString: git_repository_path(pointer))
    }

    // MARK: Objects

    /// Looks up the commit `id`.
    public func commit(_ id: ObjectID) throws -> Commit {
        var out: OpaquePointer?
        try id.withOID { try check(git_commit_lookup(&out, pointer, $0), "cannot read commit \(id)") }
        return Commit(pointer: out!, repository: self)
    }

    /// Looks up the tree `id`.
    public func tree(_ id: ObjectID) throws -> Tree {
        var out: OpaquePointer?
        try id.withOID { try check(git_tree_lookup(&out, pointer, $0), "cannot read tree \(id)") }
        return Tree(pointer: out!, repository: self)
    }

    /// The content of blob `id`.
    public func blobData(_ id: ObjectID) throws -> Data {
        var blob: OpaquePointer?
        try id.withOID { try check(git_blob_lookup(&blob, pointer, $0), "cannot read blob \(id)") }
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let bytes = git_blob_rawcontent(blob) else { return Data() }
        return Data(bytes: bytes, count: size)
    }

    /// True when the object database holds `id`.
    public func contains(_ id: ObjectID) throws -> Bool {
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, pointer), "cannot open the object database")
        defer { git_odb_free(odb) }
        return id.withOID { git_odb_exists(odb, $0) == 1 }
    }

    /// Writes `data` as a blob into the object database.
    public func writeBlob(_ data: Data) throws -> ObjectID {
        var oid = git_oid()
        try data.withUnsafeBytes { buffer in
            try check(git_blob_create_from_buffer(&oid, pointer, buffer.baseAddress, buffer.count),
                      "cannot write blob")
        }
        return ObjectID(oid)
    }

    /// Builds a new tree from `base` (nil: an empty tree) with `updates` applied, touching only
    /// the trees on the updated paths (`git_tree_create_updated`).
    public func updatedTree(from base: ObjectID?, applying updates: [TreeUpdate]) throws -> ObjectID {
        let baseTree = try base.map { try tree($0) }
        return try withExtendedLifetime(baseTree) {
            try TreeUpdate.withGitUpdates(updates) { gitUpdates in
                var oid = git_oid()
                try check(git_tree_create_updated(&oid, pointer, baseTree?.pointer, gitUpdates.count, gitUpdates.baseAddress),
                          "cannot build updated tree")
                return ObjectID(oid)
            }
        }
    }

    /// Writes a commit object without moving any reference; returns its id.
    public func createCommit(tree treeID: ObjectID, parents parentIDs: [ObjectID],
                             author: Signature, committer: Signature, message: String) throws -> ObjectID {
        let commitTree = try tree(treeID)
        let parents = try parentIDs.map { try commit($0) }
        var parentPointers: [OpaquePointer?] = parents.map { $0.pointer }
        var oid = git_oid()
        // The tree and parents must outlive the call that reads their pointers: without this,
        // Swift may free them as soon as their pointers are taken.
        try withExtendedLifetime((commitTree, parents)) {
            try author.withGitSignature { authorSignature in
                try committer.withGitSignature { committerSignature in
                    try parentPointers.withUnsafeMutableBufferPointer { buffer in
                        try check(git_commit_create(&oid, pointer, nil, authorSignature, committerSignature, "UTF-8",
                                                    message, commitTree.pointer, buffer.count, buffer.baseAddress),
                                  "cannot create commit")
                    }
                }
            }
        }
        return ObjectID(oid)
    }

    /// Makes the named files of the git directory durable: each file, then each folder that holds
    /// one, is fsynced. Files that are not there (an object that was already packed) are skipped.
    /// Unlike `flushToDisk()`, this never waits for other programs' writes to the same disk.
    public func flush(files relativePaths: [String]) throws {
        var folders = Set<String>()
        for relative in relativePaths {
            let path = gitDirectory + relative
            let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            guard fsync(descriptor) == 0 else { throw GitError.custom("cannot flush \(path) to disk") }
            folders.insert((path as NSString).deletingLastPathComponent)
        }
        for folder in folders.sorted() {
            let descriptor = Glibc.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            guard fsync(descriptor) == 0 else { throw GitError.custom("cannot flush \(folder) to disk") }
        }
    }

    /// Where object `id` is stored as a loose object, relative to the git directory.
    public static func looseObjectPath(_ id: ObjectID) -> String {
        let hex = id.hex
        return "objects/\(hex.prefix(2))/\(hex.dropFirst(2))"
    }

    /// Makes everything written so far durable (objects, references, the index) with one
    /// `syncfs` of the file system holding the git directory, as git's `core.fsyncMethod=batch`
    /// does: the cheaper way after writing many objects.
    public func flushToDisk() throws {
        let descriptor = Glibc.open(gitDirectory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw GitError.custom("cannot open \(gitDirectory) to flush it") }
        defer { close(descriptor) }
        guard cgit2_syncfs(descriptor) == 0 else { throw GitError.custom("cannot flush \(gitDirectory) to disk") }
    }

    // MARK: References

    /// Where HEAD points: a branch (possibly unborn) or a detached commit.
    public func head() throws -> Head {
        var reference: OpaquePointer?
        try check(git_reference_lookup(&reference, pointer, "HEAD"), "cannot read HEAD")
        defer { git_reference_free(reference) }
        if git_reference_type(reference) == GIT_REFERENCE_SYMBOLIC {
            return .branch(String(cString: git_reference_symbolic_target(reference)))
        }
        guard let target = git_reference_target(reference) else { throw GitError.custom("HEAD has no target") }
        return .detached(ObjectID(target.pointee))
    }

    /// The commit a reference resolves to; nil when the reference does not exist (an unborn branch).
    public func resolve(reference name: String) throws -> ObjectID? {
        var oid = git_oid()
        let code = git_reference_name_to_id(&oid, pointer, name)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "cannot resolve \(name)")
        return ObjectID(oid)
    }

    /// Moves reference `name` to `target` only if it still points at `expected`
    /// (nil: only if it does not exist yet). A lost race throws a `GitError` whose
    /// `isLostRace` is true.
    public func updateReference(_ name: String, to target: ObjectID, expecting expected: ObjectID?,
                                logMessage: String) throws {
        var reference: OpaquePointer?
        try target.withOID { newID in
            if let expected {
                try expected.withOID { oldID in
                    let code = git_reference_create_matching(&reference, pointer, name, newID, 1, oldID, logMessage)
                    // A branch deleted since it was read has moved too: that is a lost race, not a missing ref.
                    try check(code == GIT_ENOTFOUND.rawValue ? GIT_EMODIFIED.rawValue : code, "cannot move \(name)")
                }
            } else {
                try check(git_reference_create(&reference, pointer, name, newID, 0, logMessage),
                          "cannot create \(name)")
            }
        }
        git_reference_free(reference)
    }

    // MARK: Configuration

    /// A value from the repository's git configuration (local, global, system); nil when unset.
    public func configString(_ key: String) throws -> String? {
        var config: OpaquePointer?
        try check(git_repository_config_snapshot(&config, pointer), "cannot read git configuration")
        defer { git_config_free(config) }
        var value: UnsafePointer<CChar>?
        let code = git_config_get_string(&value, config, key)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "cannot read \(key)")
        return value.map { String(cString: $0) }
    }

    // MARK: Index and history

    /// The repository's index, read from disk. Throws for a bare repository.
    public func index() throws -> Index {
        guard !isBare else { throw GitError.custom("a bare repository has no index") }
        var out: OpaquePointer?
        try check(git_repository_index(&out, pointer), "cannot open the index")
        let index = Index(pointer: out!, repository: self)
        // libgit2 keeps one index per repository handle: re-read it if another process wrote it.
        try check(git_index_read(out, 0), "cannot read the index")
        return index
    }

    /// A walk over the history reachable from `start` but not from `hidden`, newest first.
    public func walk(from start: ObjectID, hiding hidden: ObjectID? = nil) throws -> RevisionWalk {
        try RevisionWalk(repository: self, start: start, hiding: hidden)
    }
}

/// Where HEAD points.
public enum Head: Equatable, Sendable {
    /// HEAD names a branch, such as `refs/heads/main`, which may not exist yet.
    case branch(String)
    /// HEAD holds a commit id directly.
    case detached(ObjectID)
}

/// Reading git configuration outside any repository (global and system files).
public enum GitConfiguration {
    /// A value from the user's and system's git configuration; nil when unset.
    public static func defaultString(_ key: String) throws -> String? {
        GitLibrary.ensureInitialized()
        var config: OpaquePointer?
        try check(git_config_open_default(&config), "cannot read git configuration")
        defer { git_config_free(config) }
        var snapshot: OpaquePointer?
        try check(git_config_snapshot(&snapshot, config), "cannot read git configuration")
        defer { git_config_free(snapshot) }
        var value: UnsafePointer<CChar>?
        let code = git_config_get_string(&value, snapshot, key)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "cannot read \(key)")
        return value.map { String(cString: $0) }
    }
}
