import Glibc

/// `index.lock`, git's lock on the index: created exclusively, filled with the new index, then
/// renamed over `index`; removed instead when anything fails, leaving the index as it was.
final class IndexLock {
    private let indexPath: String
    private let lockPath: String
    private var descriptor: Int32

    /// Takes the lock; throws `IndexFileError.locked` when another process holds it.
    init(index indexPath: String) throws {
        self.indexPath = indexPath
        lockPath = indexPath + ".lock"
        descriptor = open(lockPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            if errno == EEXIST {
                throw IndexFileError.locked("the index is locked: \(lockPath) exists, another git process is writing the index")
            }
            throw PosixFile.failure("cannot create", lockPath)
        }
    }

    /// Appends `bytes` to the new index.
    func write(_ bytes: [UInt8]) throws {
        try PosixFile.write(bytes, to: descriptor, path: lockPath)
    }

    /// Renames the new index into place, which releases the lock.
    func commit() throws {
        let closed = close(descriptor)
        descriptor = -1
        guard closed == 0 else { throw PosixFile.failure("cannot write", lockPath) }
        guard rename(lockPath, indexPath) == 0 else { throw PosixFile.failure("cannot rename into place", lockPath) }
    }

    /// Removes the lock file, leaving the index untouched.
    func rollback() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(lockPath)
    }
}
