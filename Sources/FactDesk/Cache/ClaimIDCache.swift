import Foundation
import GitKit

/// The claim ids filed in each article folder, keyed by the folder's git tree id, in
/// `<git dir>/factdesk/claim-ids`: finding a claim by id or prefix then reads the shard trees
/// only, not one claims tree per article. Like the other caches, an entry is right or unused,
/// a damaged file (its checksum tells) is ignored and rewritten, and git stays the truth.
final class ClaimIDCache {
    private static let magic = Array("FDIDSv1\n".utf8)
    private let path: String
    /// Read on first use: most commands never look a claim up by id.
    private lazy var entries: [ObjectID: [String]] = load()
    private var used = Set<ObjectID>()
    private var changed = false

    init(gitDirectory: String) {
        path = gitDirectory + "factdesk/claim-ids"
    }

    /// The ids in the folder with this tree, if known.
    func ids(for tree: ObjectID) -> [String]? {
        guard let ids = entries[tree] else { return nil }
        used.insert(tree)
        return ids
    }

    func store(_ ids: [String], for tree: ObjectID) {
        entries[tree] = ids
        used.insert(tree)
        changed = true
    }

    /// Saves the entries of the folders seen in a walk over every article.
    func save() {
        guard changed || used.count != entries.count else { return }
        var writer = ByteWriter()
        writer.raw(Self.magic)
        let kept = entries.filter { used.contains($0.key) }
        writer.int(kept.count)
        for (tree, ids) in kept {
            writer.raw(tree.bytes)
            writer.int(ids.count)
            for id in ids { writer.string(id) }
        }
        CacheFile.write(writer.bytes, to: path)
    }

    private func load() -> [ObjectID: [String]] {
        guard let body = CacheFile.read(path, magic: Self.magic) else { return [:] }
        return body.withUnsafeBytes { buffer in
            var reader = ByteReader(buffer, offset: Self.magic.count)
            guard let count = try? reader.int(), (0...10_000_000).contains(count) else { return [:] }
            var loaded: [ObjectID: [String]] = [:]
            loaded.reserveCapacity(count)
            for _ in 0..<count {
                guard let raw = try? reader.bytes(20), let idCount = try? reader.int(), (0...1_000_000).contains(idCount),
                      let ids = try? (0..<idCount).map({ _ in try reader.string() }) else { return [:] }
                loaded[ObjectID(raw: raw)] = ids
            }
            return reader.isAtEnd ? loaded : [:]
        }
    }
}
