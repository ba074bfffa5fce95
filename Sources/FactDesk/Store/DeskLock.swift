import Foundation

/// The lock that orders a desk's writes (commit, then working tree and index) across processes
/// and threads: an advisory `flock` on `<git dir>/factdesk.lock`. The kernel drops it when its
/// holder dies, so the lock itself never goes stale. The holder's pid is kept in
/// `<git dir>/factdesk.owner` while it writes: a new holder that finds that file knows the last
/// writer died mid-write, and removes the git lock files (`index.lock`, the branch's `.lock`)
/// that writer left, which would otherwise block every later write.
final class DeskLock {
    private let descriptor: Int32
    private let ownerPath: String

    private init(descriptor: Int32, ownerPath: String) {
        self.descriptor = descriptor
        self.ownerPath = ownerPath
    }

    deinit {
        unlink(ownerPath)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Waits for the lock with a bounded back-off, then gives up with a clear error.
    static func acquire(gitDirectory: String, branch: String, timeout: TimeInterval = 30,
                        notice: (String) -> Void) throws -> DeskLock {
        let path = gitDirectory + "factdesk.lock"
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
        let lock = DeskLock(descriptor: descriptor, ownerPath: gitDirectory + "factdesk.owner")
        lock.removeLocksOfDeadWriter(gitDirectory: gitDirectory, branch: branch, notice: notice)
        do {
            try Data("\(getpid())\n".utf8).write(to: URL(fileURLWithPath: lock.ownerPath))
        } catch {
            throw FactDeskError.storage("cannot write \(lock.ownerPath): \(error.localizedDescription); is the repository read-only?")
        }
        return lock
    }

    /// The git lock files a writer may hold while it commits.
    static func gitLockFiles(gitDirectory: String, branch: String) -> [String] {
        [gitDirectory + branch + ".lock", gitDirectory + "index.lock"]
    }

    private func removeLocksOfDeadWriter(gitDirectory: String, branch: String, notice: (String) -> Void) {
        guard let owner = FileManager.default.contents(atPath: ownerPath),
              let since = (try? FileManager.default.attributesOfItem(atPath: ownerPath))?[.modificationDate] as? Date
        else { return }
        let pid = String(decoding: owner, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        for lockFile in Self.gitLockFiles(gitDirectory: gitDirectory, branch: branch) {
            guard let created = (try? FileManager.default.attributesOfItem(atPath: lockFile))?[.modificationDate] as? Date,
                  created >= since.addingTimeInterval(-1)
            else { continue }
            // A git process that took the lock since then holds it for moments: give it two seconds.
            let deadline = Date().addingTimeInterval(2)
            while FileManager.default.fileExists(atPath: lockFile) && Date() < deadline { usleep(20_000) }
            guard unlink(lockFile) == 0 else { continue }
            notice("removed \(lockFile), left by factdesk process \(pid), which died while writing")
        }
    }
}
