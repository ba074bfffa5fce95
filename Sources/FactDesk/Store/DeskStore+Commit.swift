import Foundation
import GitKit

extension DeskStore {
    /// How many times an operation is rebuilt on a newer tip after losing the race for the branch.
    static let maximumAttempts = 50

    /// The one write path. `build` stages the operation against the branch's current tip; its
    /// files become blobs, the tip's tree is updated on those paths only, one commit authored by
    /// `editor` is written, and the branch moves by compare-and-swap on the tip that was read.
    /// A lost race rebuilds the operation on the new tip. All this happens under the desk lock;
    /// a checked-out desk then writes the same files into its working tree and index, with a journal
    /// that lets the next writer finish the job if this process dies half-way. Nothing is visible
    /// until the branch moves; an operation that stages no file makes no commit.
    @discardableResult
    func commit<Result>(as editor: Editor, _ build: (DeskSnapshot) throws -> StagedChange<Result>) throws -> Result {
        try serialized {
            let lock = try acquireLock()
            defer { withExtendedLifetime(lock) {} }
            if kind == .checkedOut { try finishInterruptedWrite() }
            for attempt in 1...Self.maximumAttempts {
                let snapshot = try snapshot()
                let staged = try build(snapshot)
                if staged.files.isEmpty && staged.mergeParent == nil && staged.fastForward == nil { return staged.result }
                if kind == .checkedOut {
                    try refuseSymlinks(on: Array(staged.files.keys))
                    try refuseUncommittedEdits(on: Array(staged.files.keys), in: snapshot)
                }
                do {
                    let blobIDs = try gitCall { try writeCommit(staged, on: snapshot, as: editor) }
                    if kind == .checkedOut {
                        try updateWorkingTree(with: staged.files, blobIDs: blobIDs)
                        try WriteJournal(gitDirectory: repository.gitDirectory).clear()
                    }
                    return staged.result
                } catch is LostRace {
                    usleep(useconds_t(min(attempt, 20) * 2_000 + Int.random(in: 0..<2_000)))
                }
            }
            throw FactDeskError.storage("the branch \(branch) kept moving under \(Self.maximumAttempts) attempts; try again")
        }
    }

    /// Another writer moved the branch between reading the tip and moving it.
    private struct LostRace: Error {}

    /// Returns the blob id of each file written, by path.
    private func writeCommit<Result>(_ staged: StagedChange<Result>, on snapshot: DeskSnapshot,
                                     as editor: Editor) throws -> [String: ObjectID] {
        if let target = staged.fastForward {
            return try moveBranch(to: target, from: snapshot, files: staged.files, message: staged.message)
        }
        // A large change goes into one pack rather than a loose file per object.
        let packer = staged.files.count > Self.fsyncPerObjectLimit
            ? try PackedObjectWriter(gitDirectory: repository.gitDirectory) : nil
        let objects = packer?.repository ?? repository
        let writeBlob = packer?.writeBlob ?? repository.writeBlob
        let updates = try staged.files.sorted { $0.key < $1.key }.map { path, data -> TreeUpdate in
            guard let data else { return .remove(path: path) }
            return .upsertBlob(path: path, id: try writeBlob(data))
        }
        let treeID: ObjectID
        do {
            treeID = try objects.updatedTree(from: snapshot.rootTree?.id, applying: updates)
        } catch let error as GitError {
            throw FactDeskError.storage("cannot write \(updates.map(\.path).joined(separator: ", ")) into the desk's tree "
                                        + "(\(error.message)); run `factdesk check` to find what is in the way")
        }
        let signature = Signature(name: editor.name, email: editor.email, date: clock())
        let parents = (snapshot.commitID.map { [$0] } ?? []) + (staged.mergeParent.map { [$0] } ?? [])
        let commitID = try objects.createCommit(tree: treeID, parents: parents,
                                                author: signature, committer: signature, message: staged.message)
        let written = try gitCall { try Self.newObjects(of: updates, tree: treeID, commit: commitID, in: objects) }
        try packer?.finish(packing: written)
        // The objects reach the disk before the branch names them (a merge's other parent came
        // from a fetch, which libgit2 does not fsync), and the branch before success is reported:
        // each new loose object for a small change, one `syncfs` for a pack or a merge.
        if packer != nil || staged.mergeParent != nil {
            try repository.flushToDisk()
        } else {
            try gitCall { try repository.flush(files: written.map(Repository.looseObjectPath)) }
        }
        try moveBranch(to: commitID, from: snapshot, paths: Array(staged.files.keys), message: staged.message)
        return Dictionary(uniqueKeysWithValues: updates.compactMap { update in
            guard case .upsertBlob(let path, let id) = update else { return nil }
            return (path, id)
        })
    }

    /// Fast-forwards the branch to `target`, a commit fetched from elsewhere whose tree holds `files`;
    /// returns their blob ids for the working tree.
    private func moveBranch(to target: ObjectID, from snapshot: DeskSnapshot, files: [String: Data?],
                            message: String) throws -> [String: ObjectID] {
        try repository.flushToDisk()
        try moveBranch(to: target, from: snapshot, paths: Array(files.keys), message: message)
        return files.compactMapValues { data in data.map { ObjectID.hashing(blob: Array($0)) } }
    }

    /// Moves the branch from the snapshot's commit to `commitID` by compare-and-swap, journalling
    /// the working-tree paths that must follow.
    private func moveBranch(to commitID: ObjectID, from snapshot: DeskSnapshot, paths: [String], message: String) throws {
        let journal = kind == .checkedOut ? WriteJournal(gitDirectory: repository.gitDirectory) : nil
        try journal?.record(paths)
        do {
            try repository.updateReference(branch, to: commitID, expecting: snapshot.commitID,
                                           logMessage: "factdesk: " + message.prefix { $0 != "\n" })
        } catch let error as GitError where error.isLostRace {
            try journal?.clear()
            throw LostRace()
        } catch {
            try? journal?.clear()
            throw error
        }
        try repository.flush(files: [branch, "logs/" + branch])
    }

    /// Above this many changed files, objects go into one pack and one `syncfs` makes them durable.
    static let fsyncPerObjectLimit = 64

    /// The objects a commit made: its blobs, the trees on the changed paths, the commit itself.
    private static func newObjects(of updates: [TreeUpdate], tree: ObjectID, commit: ObjectID,
                                   in objects: Repository) throws -> Set<ObjectID> {
        var written: Set<ObjectID> = [tree, commit]
        var folders: Set<String> = []
        for update in updates {
            if case .upsertBlob(_, let id) = update { written.insert(id) }
            let components = update.path.split(separator: "/").dropLast()
            for depth in components.indices { folders.insert(components[...depth].joined(separator: "/")) }
        }
        let root = try objects.tree(tree)
        for folder in folders {
            // A folder whose last file was removed is gone from the tree.
            if let entry = try root.entry(atPath: folder), entry.kind == .tree { written.insert(entry.id) }
        }
        return written
    }

    /// Refuses, before anything is committed, to write a working-tree file through a symbolic
    /// link: a link in the desk folder could send FactDesk's writes outside the repository.
    func refuseSymlinks(on paths: [String]) throws {
        guard let root = repository.workingDirectory else { return }
        for path in paths {
            var prefix = root
            for component in path.split(separator: "/") {
                prefix += (prefix.hasSuffix("/") ? "" : "/") + component
                var info = stat()
                guard lstat(prefix, &info) == 0 else { break }
                if (info.st_mode & S_IFMT) == S_IFLNK {
                    throw FactDeskError.storage("\(prefix) is a symbolic link; FactDesk does not write through links in the desk folder")
                }
            }
        }
    }

    /// Refuses, before anything is committed, to overwrite a working-tree file that was edited
    /// by hand and not committed: the edit would be lost without a word.
    func refuseUncommittedEdits(on paths: [String], in snapshot: DeskSnapshot) throws {
        guard let root = repository.workingDirectory else { return }
        for path in paths {
            guard let bytes = FileManager.default.contents(atPath: root + path) else { continue }
            let committed = try gitCall { try snapshot.blobID(at: path) }
            if committed != ObjectID.hashing(blob: Array(bytes)) {
                throw FactDeskError.storage("\(path) has changes that are not committed; commit them or discard them (git checkout -- \(path)) first")
            }
        }
    }

    /// Takes the desk lock, recovering from a writer that died holding it.
    func acquireLock() throws -> DeskLock {
        try DeskLock.acquire(gitDirectory: repository.gitDirectory, branch: branch, notice: notice)
    }

    /// Runs `body` with this store's repository to itself: libgit2 objects are not to be used
    /// from two threads at once.
    func serialized<T>(_ body: () throws -> T) rethrows -> T {
        accessLock.lock()
        defer { accessLock.unlock() }
        return try body()
    }
}
