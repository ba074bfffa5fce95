import Glibc

/// Git's guard against "racily clean" entries (gitformat-index, racy-git): a file changed in the
/// same second its entry was recorded keeps stat data that matches the entry. Readers therefore
/// re-hash any entry not older than the index file itself; but a rewritten index is newer, so
/// before writing one, git sets such an entry's size to 0 when its file's content differs
/// (`ce_smudge_racily_clean_entry`), and every reader then sees the file as changed.
struct RacyCleanCheck {
    let workingTree: WorkingTree
    /// The modification time, in seconds, of the index file that was read.
    let indexModified: Int

    /// Whether the kept entry with `fields` at `path` must be written with size 0.
    func mustSmudge(fields: UnsafeBufferPointer<UInt8>, path: UnsafeBufferPointer<UInt8>) -> Bool {
        let modified = fields.bigEndianUInt32(at: IndexEntryLayout.mtimeSeconds)
        guard modified >= UInt32(truncatingIfNeeded: indexModified) else { return false }
        // Only files and symbolic links have content to compare; a submodule's is its own checkout.
        let type = fields.bigEndianUInt32(at: IndexEntryLayout.mode) & UInt32(S_IFMT)
        guard type == UInt32(S_IFREG) || type == UInt32(S_IFLNK),
              let status = workingTree.status(of: path),
              status.st_mode & S_IFMT == type,
              UInt32(truncatingIfNeeded: status.st_mtim.tv_sec) == modified,
              UInt32(truncatingIfNeeded: status.st_size) == fields.bigEndianUInt32(at: IndexEntryLayout.size),
              let content = workingTree.content(of: path, status: status)
        else { return false }
        let recorded = ObjectID(raw: UnsafeRawBufferPointer(fields.slice(IndexEntryLayout.objectID..<IndexEntryLayout.flags)))
        return ObjectID.hashing(blob: content) != recorded
    }
}
