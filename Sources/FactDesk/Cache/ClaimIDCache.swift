import Foundation
import GitKit

/// Which claims each article shard holds, keyed by the shard's git tree id, in
/// `<git dir>/factdesk/claim-ids`: finding a claim by id or prefix then reads one tree (the
/// desk's `articles` folder) and this file, and re-lists only the shards a commit changed.
/// A tree id names exactly one content, so an entry is right or unused; a damaged file (its
/// checksum tells) is ignored and rewritten, and git stays the source of truth.
final class ClaimIDCache {
    private static let magic = Array("FDIDSv2\n".utf8)
    private let path: String
    /// Read on first use: most commands never look a claim up by id.
    private lazy var stored: [ObjectID: ShardClaims] = load()
    private var added: [ObjectID: ShardClaims] = [:]

    init(gitDirectory: String) {
        path = gitDirectory + "factdesk/claim-ids"
    }

    /// The claims of the shard with this tree, if known.
    func claims(inShard tree: ObjectID) -> ShardClaims? {
        added[tree] ?? stored[tree]
    }

    func store(_ claims: ShardClaims, forShard tree: ObjectID) {
        added[tree] = claims
    }

    /// Saves what this run learned, keeping the entries of `shards` (the desk's shards now).
    func save(keeping shards: Set<ObjectID>) {
        guard !added.isEmpty || stored.keys.contains(where: { !shards.contains($0) }) else { return }
        var writer = ByteWriter()
        writer.raw(Self.magic)
        let kept = shards.compactMap { tree in claims(inShard: tree).map { (tree, $0) } }
        writer.int(kept.count)
        for (tree, claims) in kept {
            writer.raw(tree.bytes)
            writer.int(claims.lines.count)
            writer.raw(claims.lines)
        }
        CacheFile.write(writer.bytes, to: path)
    }

    private func load() -> [ObjectID: ShardClaims] {
        guard let body = CacheFile.read(path, magic: Self.magic) else { return [:] }
        var entries: [(ObjectID, Range<Int>)] = []
        let intact: Bool = body.withUnsafeBytes { buffer in
            var reader = ByteReader(buffer, offset: Self.magic.count)
            guard let count = try? reader.int(), (0...1_000_000).contains(count) else { return false }
            for _ in 0..<count {
                guard let raw = try? reader.bytes(20), let length = try? reader.int(), length >= 0 else { return false }
                let start = reader.offset
                guard (try? reader.bytes(length)) != nil else { return false }
                entries.append((ObjectID(raw: raw), start..<(start + length)))
            }
            return reader.isAtEnd
        }
        guard intact else { return [:] }
        // Slices share the file's bytes: nothing is copied or decoded until a shard is searched.
        return Dictionary(entries.map { ($0.0, ShardClaims(lines: body[$0.1])) }, uniquingKeysWith: { first, _ in first })
    }
}

/// The claims of one article shard as lines of `<claim id> <article slug>\n`, searched without
/// decoding the lines that do not match.
struct ShardClaims {
    let lines: Data

    init(lines: Data) {
        self.lines = lines
    }

    init(_ claims: [(id: ClaimID, slug: ArticleSlug)]) {
        lines = Data(claims.map { "\($0.id.value) \($0.slug.value)\n" }.joined().utf8)
    }

    /// The claims whose id starts with `prefix`.
    func matching(prefix: String) -> [(slug: ArticleSlug, id: ClaimID)] {
        let wanted = Array(prefix.utf8)
        var matches: [(slug: ArticleSlug, id: ClaimID)] = []
        lines.withUnsafeBytes { buffer in
            var start = 0
            while start < buffer.count {
                let end = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) ?? buffer.count
                if end - start > wanted.count, buffer[start..<(start + wanted.count)].elementsEqual(wanted),
                   let space = buffer[start..<end].firstIndex(of: UInt8(ascii: " ")),
                   let id = try? ClaimID(String(decoding: buffer[start..<space], as: UTF8.self)),
                   let slug = try? ArticleSlug(String(decoding: buffer[(space + 1)..<end], as: UTF8.self)) {
                    matches.append((slug, id))
                }
                start = end + 1
            }
        }
        return matches
    }
}
