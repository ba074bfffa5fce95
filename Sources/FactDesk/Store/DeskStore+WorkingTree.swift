import Foundation
import GitKit

extension DeskStore {
    /// Brings the working tree and the index of a checked-out desk in step with a commit that
    /// changed `files`: each file is written whole and staged, so `git status` stays clean. Only
    /// the changed paths are touched: the index is read once and written once. `blobIDs` holds
    /// the blob id of every file written, as the commit recorded it.
    func updateWorkingTree(with files: [String: Data?], blobIDs: [String: ObjectID]) throws {
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
        try writeIndex(ordered.map { path, data in
            guard data != nil, let id = blobIDs[path] else { return .remove(path: path) }
            return .upsert(path: path, id: id)
        }, workingDirectory: root)
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
        var blobIDs: [String: ObjectID] = [:]
        for path in paths {
            let id = try gitCall { try snapshot.blobID(at: path) }
            files[path] = try id.map { id in try gitCall { try repository.blobData(id) } }
            blobIDs[path] = id
        }
        try updateWorkingTree(with: files, blobIDs: blobIDs)
    }

    /// Stages `changes` by rewriting the index file directly (`IndexFile`: one read and one
    /// write of the file, never a parse of every entry), or through libgit2's `Index` for an
    /// index that needs more than that (none yet, split, sparse). A held `index.lock` is waited
    /// for with a bounded back-off; one that outlives the wait and is older than `staleLockAge`
    /// was left by a crashed process, and is removed with a notice.
    func writeIndex(_ changes: [IndexChange], workingDirectory: String) throws {
        let lockPath = repository.gitDirectory + "index.lock"
        var pause: useconds_t = 1_000
        let deadline = Date().addingTimeInterval(Self.indexLockWait)
        while true {
            do {
                do {
                    return try IndexFile(gitDirectory: repository.gitDirectory, workingDirectory: workingDirectory).update(changes)
                } catch IndexFileError.unsupported {
                    return try stageThroughLibgit2(changes)
                }
            } catch let error as IndexFileError {
                guard case .locked(let message) = error else {
                    throw FactDeskError.storage("committed, but could not update the index (\(error)); run `factdesk check --repair`")
                }
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

    /// The same change through libgit2, for an index `IndexFile` does not rewrite itself.
    private func stageThroughLibgit2(_ changes: [IndexChange]) throws {
        let lockPath = repository.gitDirectory + "index.lock"
        do {
            try gitCall {
                let index = try repository.index()
                for change in changes {
                    switch change {
                    case .upsert(let path, _): try index.add(path: path)
                    case .remove(let path): try index.remove(path: path)
                    }
                }
                // Version 4 compresses paths: a 100,000-entry index is about half the bytes to hash and write.
                if index.version < 4 { try index.setVersion(4) }
                try index.write()
            }
        } catch FactDeskError.storage(let message) where FileManager.default.fileExists(atPath: lockPath) {
            throw IndexFileError.locked(message)
        }
    }

    static let indexLockWait: TimeInterval = 5
    static let staleLockAge: TimeInterval = 10
}
