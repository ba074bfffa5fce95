import Foundation
import GitKit

/// Which desk files each commit changed, newest first, in `<git dir>/factdesk/history`: lets
/// `history` find a claim's commits without walking and diffing the whole history. Paths are
/// kept as 64-bit FNV-1a hashes of the file path and of its article folder; a hash match is
/// only a candidate, confirmed against git, so a collision can never add a wrong entry. The
/// index knows the tip it was built at: newer commits are added by walking from the branch
/// down to that tip; a tip that is no longer an ancestor (rewritten history), a damaged file or
/// a missing one (its checksum tells) means a rebuild from scratch. Git stays the source of truth.
final class HistoryIndex {
    private let path: String
    private let repository: Repository
    private let layout: StoreLayout
    /// The index as last saved; nil when missing, damaged or foreign (then rebuilt).
    private var file: HistoryIndexFile?

    init(repository: Repository, layout: StoreLayout) {
        self.repository = repository
        self.layout = layout
        // One index per desk: a repository may hold several desks in different folders.
        path = repository.gitDirectory + "factdesk/history" + (layout.deskPath.isEmpty ? "" : "-" + String(Self.hash(layout.deskPath), radix: 16))
        file = CacheFile.read(path, magic: HistoryIndexFile.magic).flatMap(HistoryIndexFile.init(body:))
    }

    /// The hash stored for a desk path: FNV-1a, 64 bits.
    static func hash(_ path: String) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in path.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100000001b3
        }
        return hash
    }

    /// Brings the index up to `branchTip`, saving it when it changed.
    func refresh(to branchTip: ObjectID) throws {
        guard file?.tip != branchTip else { return }
        // Follow the chain of parents down to the tip the index knows: O(new commits), where a
        // revision walk would first sort the whole history. Not reaching it (rewritten history),
        // the chain covered everything: a rebuild. A merge on the way: the exact walk instead.
        var known = file?.tip
        var newIDs: [ObjectID] = [], newStarts: [Int] = [0], newHashes: [UInt64] = []
        var next: ObjectID? = branchTip, reachedKnown = false, sawMerge = false
        while let id = next, !sawMerge {
            if id == known { reachedKnown = true; break }
            let commit = try repository.commit(id)
            sawMerge = commit.parentIDs.count > 1
            newIDs.append(id)
            newHashes += try changedHashes(of: commit)
            newStarts.append(newHashes.count)
            next = commit.parentIDs.first
        }
        if !reachedKnown && !sawMerge { known = nil }
        if sawMerge {
            // Still an ancestor of the tip? Their merge base says so without walking the whole history.
            if let old = known, try repository.mergeBase(old, branchTip) != old { known = nil }
            (newIDs, newStarts, newHashes) = ([], [0], [])
            for id in try repository.walk(from: branchTip, hiding: known).all() {
                newIDs.append(id)
                newHashes += try changedHashes(of: repository.commit(id))
                newStarts.append(newHashes.count)
            }
        }
        let bytes = HistoryIndexFile.encode(tip: branchTip, ids: newIDs, starts: newStarts, hashes: newHashes,
                                            above: known == nil ? nil : file)
        CacheFile.write(bytes, to: path)
        file = HistoryIndexFile(body: Data(bytes))
    }

    /// Candidate commits whose changes include `pathHash`, newest first.
    func candidates(_ pathHash: UInt64) -> [ObjectID] {
        file?.candidates(pathHash) ?? []
    }

    // MARK: What a commit changed

    private func changedHashes(of commit: Commit) throws -> [UInt64] {
        let tree = try deskTree(of: commit)
        let parent = try commit.parentIDs.first.flatMap { try deskTree(of: repository.commit($0)) }
        let changed = try TreeDifference.files(from: parent, to: tree, prefix: layout.deskPath).keys
        var hashes = Set<UInt64>()
        for file in changed {
            hashes.insert(Self.hash(file))
            if let folder = layout.articleFolder(of: file) { hashes.insert(Self.hash(folder.path)) }
        }
        return Array(hashes)
    }

    private func deskTree(of commit: Commit) throws -> Tree? {
        let root = try commit.tree()
        return layout.deskPath.isEmpty ? root : try root.subtree(atPath: layout.deskPath)
    }
}
