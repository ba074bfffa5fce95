/// Stages and unstages a few paths by rewriting `.git/index` directly, as `git add` and
/// `git rm --cached` of those paths would. libgit2's `Index` parses every entry into a hash map
/// and sorts them (about 100 ms for 100,000 entries); this reads the file once, checks its
/// checksum, copies the untouched entries' bytes and writes version 4 through `index.lock`.
/// What it does not handle, it refuses with `IndexFileError.unsupported`, for the caller to make
/// the same change with `Index`.
public struct IndexFile: Sendable {
    /// The git directory that holds `index`.
    public let gitDirectory: String
    /// The working directory that the index's paths are relative to.
    public let workingDirectory: String

    public init(gitDirectory: String, workingDirectory: String) {
        self.gitDirectory = gitDirectory
        self.workingDirectory = workingDirectory
    }

    /// Applies `changes` (for a path changed twice, the last change) and writes the index, or
    /// throws an `IndexFileError` and leaves it as it was. Each upsert's file is read with lstat
    /// now; its content must be the blob id given.
    public func update(_ changes: [IndexChange]) throws {
        guard !changes.isEmpty else { return }
        let workingTree = WorkingTree(root: workingDirectory)
        let batch = try IndexChangeBatch(changes, in: workingTree)
        let indexPath = gitDirectory + (gitDirectory.hasSuffix("/") ? "" : "/") + "index"
        let lock = try IndexLock(index: indexPath)
        do {
            guard let (bytes, status) = try PosixFile.read(indexPath) else {
                throw IndexFileError.unsupported("there is no index file yet at \(indexPath)")
            }
            let racyCheck = RacyCleanCheck(workingTree: workingTree, indexModified: status.st_mtim.tv_sec)
            try bytes.withUnsafeBufferPointer { file in
                var index = try ParsedIndexFile(file: file)
                let edit = try IndexEdit(applying: batch, to: &index.entries)
                let extensions = try Self.keptExtensions(of: index, changing: batch.items.map(\.path))
                try IndexFileEncoder.encode(index.entries, edit, extensions: extensions, racyCheck: racyCheck, to: lock)
            }
            try lock.commit()
        } catch let error as GitError {
            // SHA-1 refused (a FIPS-only OpenSSL, say): libgit2 hashes with its own code.
            lock.rollback()
            throw IndexFileError.unsupported("cannot compute the index checksum: \(error.message)")
        } catch {
            lock.rollback()
            throw error
        }
    }

    /// The extensions to write after changing `paths`: the cache tree with the folders on those
    /// paths invalidated, and the resolve-undo data as it is. The other optional extensions are
    /// left out, as git leaves out those it does not know: their content would be wrong (the
    /// untracked cache, the fsmonitor token) or holds offsets into the old file (EOIE, IEOT).
    private static func keptExtensions(of index: ParsedIndexFile, changing paths: [[UInt8]]) throws
        -> [(signature: String, data: [UInt8])] {
        try index.extensions.compactMap { extensionData in
            let data = index.entries.file.slice(extensionData.data)
            switch extensionData.signature {
            case "TREE":
                var cacheTree = try CacheTreeExtension(parsing: data)
                for path in paths { cacheTree.invalidate(path: path) }
                return ("TREE", cacheTree.serialized())
            case "REUC":
                return ("REUC", Array(data))
            default:
                return nil
            }
        }
    }
}
