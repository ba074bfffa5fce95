import Foundation
import GitKit

extension DeskStore {
    /// Brings the working tree and the index of a checked-out desk in step with a commit that
    /// changed `files`: each file is written whole and staged, so `git status` stays clean. Only
    /// the changed paths are touched: the index is read once and written once.
    func updateWorkingTree(with files: [String: Data?]) throws {
        guard let root = repository.workingDirectory else { return }
        let ordered = files.sorted { $0.key < $1.key }
        do {
            for (path, data) in ordered {
                if let data {
                    try FileWriter.write(data, to: root + path)
                } else if FileManager.default.fileExists(atPath: root + path) {
                    try FileManager.default.removeItem(atPath: root + path)
                }
            }
        } catch {
            throw FactDeskError.storage("committed, but could not update the working tree (\(error)); run `factdesk check --repair`")
        }
        try writeIndex { index in
            for (path, data) in ordered {
                if data == nil { try index.remove(path: path) } else { try index.add(path: path) }
            }
        }
    }

    /// Finishes a write that a killed process left half-done (see `WriteJournal`).
    func finishInterruptedWrite() throws {
        let journal = WriteJournal(gitDirectory: repository.gitDirectory)
        guard let paths = journal.pending() else { return }
        try syncWithBranch(paths)
        try journal.clear()
        notice("finished an interrupted write: \(paths.count) file(s) brought in step with \(branch)")
    }

    /// Makes the working-tree files and index entries at `paths` what the branch's tip holds.
    func syncWithBranch(_ paths: [String]) throws {
        let snapshot = try snapshot()
        var files: [String: Data?] = [:]
        for path in paths { files[path] = try gitCall { try snapshot.data(at: path) } }
        try updateWorkingTree(with: files)
    }

    /// Reads the index, lets `change` edit it, and writes it back. A held `index.lock` is waited
    /// for with a bounded back-off; one that outlives the wait and is older than `staleLockAge`
    /// was left by a crashed process, and is removed with a notice.
    func writeIndex(_ change: (Index) throws -> Void) throws {
        let lockPath = repository.gitDirectory + "index.lock"
        var pause: useconds_t = 1_000
        let deadline = Date().addingTimeInterval(Self.indexLockWait)
        while true {
            do {
                return try gitCall {
                    let index = try repository.index()
                    try change(index)
                    // Version 4 compresses paths: a 100,000-entry index is about half the bytes to hash and write.
                    if index.version < 4 { try index.setVersion(4) }
                    try index.write()
                }
            } catch FactDeskError.storage(let message) where FileManager.default.fileExists(atPath: lockPath) {
                if Date() < deadline {
                    usleep(pause)
                    pause = min(pause * 2, 100_000)
                    continue
                }
                let attributes = try? FileManager.default.attributesOfItem(atPath: lockPath)
                let age = (attributes?[.modificationDate] as? Date).map { Date().timeIntervalSince($0) } ?? 0
                guard age >= Self.staleLockAge, (try? FileManager.default.removeItem(atPath: lockPath)) != nil else {
                    throw FactDeskError.storage("committed, but the index is locked by another git process (\(message)); "
                                                + "run `factdesk check --repair` when it is done")
                }
                notice("removed a stale \(lockPath) left by a crashed git process (\(Int(age)) s old)")
            }
        }
    }

    static let indexLockWait: TimeInterval = 5
    static let staleLockAge: TimeInterval = 10
}
