import Foundation

/// The lock that orders the writes of a checked-out desk (commit, then working tree and index)
/// across processes and threads: an advisory `flock` on `<git dir>/factdesk.lock`. The kernel
/// drops it when its holder dies, so a crashed writer never leaves a stale lock behind.
final class DeskLock {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Waits for the lock with a bounded back-off, then gives up with a clear error.
    static func acquire(path: String, timeout: TimeInterval = 30) throws -> DeskLock {
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw FactDeskError.storage("cannot lock the desk (\(path): \(String(cString: strerror(errno)))); is the repository read-only?")
        }
        let deadline = Date().addingTimeInterval(timeout)
        var pause: useconds_t = 1_000
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                close(descriptor)
                throw FactDeskError.storage("the desk is busy: another writer has held \(path) for \(Int(timeout)) s; try again")
            }
            usleep(pause + useconds_t.random(in: 0..<pause))
            pause = min(pause * 2, 50_000)
        }
        return DeskLock(descriptor: descriptor)
    }
}
