/// Why `IndexFile.update` did not write the index. Whatever the case, the index is left as it was.
public enum IndexFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The index or the change needs something this updater does not handle (no index file yet,
    /// a split or sparse index, an unknown version, an unmerged path among the changes, a path
    /// that is not a regular file): make the same change with `Index` (libgit2) instead.
    case unsupported(String)
    /// `index.lock` exists: another git process is writing the index. Try again after a pause.
    case locked(String)
    /// The index file is damaged (wrong checksum, truncated, entries out of order).
    case corrupt(String)
    /// Reading or writing a file failed.
    case fileSystem(String)

    public var description: String {
        switch self {
        case .unsupported(let message), .locked(let message), .corrupt(let message), .fileSystem(let message):
            message
        }
    }
}
