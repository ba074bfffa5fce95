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
    private static let magic = Array("FDHISv2\n".utf8)
    private let path: String
    private let repository: Repository
    private let layout: StoreLayout
    /// The commits, newest first; commit `i` changed `hashes[starts[i]..<starts[i + 1]]`.
    /// Flat arrays: a desk's history has hundreds of thousands of commits.
    private var ids: [ObjectID] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    private var tip: ObjectID?

    init(repository: Repository, layout: StoreLayout) {
        self.repository = repository
        self.layout = layout
        // One index per desk: a repository may hold several desks in different folders.
        path = repository.gitDirectory + "factdesk/history" + (layout.deskPath.isEmpty ? "" : "-" + String(Self.hash(layout.deskPath), radix: 16))
        load()
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
        guard tip != branchTip else { return }
        // Follow the chain of parents down to the tip the index knows: O(new commits), where a
        // revision walk would first sort the whole history. Not reaching it (rewritten history),
        // the chain covered everything: a rebuild. A merge on the way: the exact walk instead.
        var known = tip
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
            if let old = known, !(try repository.walk(from: branchTip).all().contains(old)) { known = nil }
            (newIDs, newStarts, newHashes) = ([], [0], [])
            for id in try repository.walk(from: branchTip, hiding: known).all() {
                newIDs.append(id)
                newHashes += try changedHashes(of: repository.commit(id))
                newStarts.append(newHashes.count)
            }
        }
        if known != nil {
            // The new commits go in front of the old ones, whose offsets shift by the new hashes.
            newStarts += starts.dropFirst().map { $0 + newHashes.count }
            newIDs += ids
            newHashes += hashes
        }
        (ids, starts, hashes) = (newIDs, newStarts, newHashes)
        tip = branchTip
        save()
    }

    /// Candidate commits whose changes include `pathHash`, newest first.
    func candidates(_ pathHash: UInt64) -> [ObjectID] {
        var result: [ObjectID] = []
        var commit = 0
        for (position, hash) in hashes.enumerated() where hash == pathHash {
            while starts[commit + 1] <= position { commit += 1 }
            if result.last != ids[commit] { result.append(ids[commit]) }
        }
        return result
    }

    // MARK: What a commit changed

    private func changedHashes(of commit: Commit) throws -> [UInt64] {
        let tree = try deskTree(of: commit)
        let parent = try commit.parentIDs.first.flatMap { try deskTree(of: repository.commit($0)) }
        var changed = Set<String>()
        try difference(parent, tree, prefix: layout.deskPath, into: &changed)
        var hashes = Set<UInt64>()
        for file in changed {
            hashes.insert(Self.hash(file))
            if let folder = articleFolder(of: file) { hashes.insert(Self.hash(folder)) }
        }
        return Array(hashes)
    }

    private func deskTree(of commit: Commit) throws -> Tree? {
        let root = try commit.tree()
        return layout.deskPath.isEmpty ? root : try root.subtree(atPath: layout.deskPath)
    }

    /// Files whose blob differs between two trees, pruning identical subtrees by id.
    private func difference(_ old: Tree?, _ new: Tree?, prefix: String, into changed: inout Set<String>) throws {
        guard old?.id != new?.id else { return }
        var oldEntries: [String: TreeEntry] = [:]
        for entry in old?.entries ?? [] { oldEntries[entry.name] = entry }
        var newNames = Set<String>()
        for entry in new?.entries ?? [] {
            newNames.insert(entry.name)
            try compare(oldEntries[entry.name], entry, prefix: prefix, into: &changed)
        }
        for (name, entry) in oldEntries where !newNames.contains(name) {
            try compare(entry, nil, prefix: prefix, into: &changed)
        }
    }

    private func compare(_ old: TreeEntry?, _ new: TreeEntry?, prefix: String, into changed: inout Set<String>) throws {
        guard old?.id != new?.id || old?.kind != new?.kind, let name = new?.name ?? old?.name else { return }
        let path = prefix.isEmpty ? name : prefix + "/" + name
        let oldTree = try old.flatMap { $0.kind == .tree ? try repository.tree($0.id) : nil }
        let newTree = try new.flatMap { $0.kind == .tree ? try repository.tree($0.id) : nil }
        if oldTree != nil || newTree != nil { try difference(oldTree, newTree, prefix: path, into: &changed) }
        if old?.kind == .blob || new?.kind == .blob { changed.insert(path) }
    }

    /// `<desk>/articles/<xx>/<slug>` for a file inside an article folder.
    private func articleFolder(of file: String) -> String? {
        let base = layout.articlesDirectory + "/"
        guard file.hasPrefix(base) else { return nil }
        let parts = file.dropFirst(base.count).split(separator: "/", maxSplits: 2)
        guard parts.count == 3 else { return nil }
        return base + parts[0] + "/" + parts[1]
    }

    // MARK: The file

    private func load() {
        guard let body = CacheFile.read(path, magic: Self.magic) else { return }
        body.withUnsafeBytes { buffer in
            var reader = ByteReader(buffer, offset: Self.magic.count)
            guard let tipBytes = try? reader.bytes(20), let savedTip = ObjectID(bytes: tipBytes),
                  let commitCount = try? reader.int(), let hashCount = try? reader.int(),
                  (0...50_000_000).contains(commitCount), (0...500_000_000).contains(hashCount),
                  let rawIDs = try? reader.bytes(commitCount * 20), let rawStarts = try? reader.bytes((commitCount + 1) * 8),
                  let rawHashes = try? reader.bytes(hashCount * 8), reader.isAtEnd
            else { return }
            ids = (0..<commitCount).map { ObjectID(raw: UnsafeRawBufferPointer(rebasing: rawIDs[($0 * 20)..<($0 * 20 + 20)])) }
            starts = (0...commitCount).map { Int(Int64(littleEndian: rawStarts.loadUnaligned(fromByteOffset: $0 * 8, as: Int64.self))) }
            hashes = [UInt64](unsafeUninitializedCapacity: hashCount) { target, initialized in
                UnsafeMutableRawBufferPointer(target).copyMemory(from: rawHashes)
                initialized = hashCount
            }
            if UInt64(littleEndian: 1) != 1 { hashes = hashes.map { UInt64(littleEndian: $0) } }
            guard ids.count == commitCount, starts.last == hashCount else {
                (ids, starts, hashes) = ([], [0], [])
                return
            }
            tip = savedTip
        }
    }

    private func save() {
        guard let tip else { return }
        var writer = ByteWriter()
        writer.raw(Self.magic)
        writer.raw(tip.bytes)
        writer.int(ids.count)
        writer.int(hashes.count)
        for id in ids { writer.raw(id.bytes) }
        for start in starts { writer.int(start) }
        hashes.map(\.littleEndian).withUnsafeBytes { writer.raw(Array($0)) }
        CacheFile.write(writer.bytes, to: path)
    }
}
