import Foundation
import GitKit

/// The history index as saved, read in place from its mapped file: the tip it was built at,
/// then the commit ids (newest first), where each commit's changed-path hashes start, and the
/// hashes. A query scans the hashes and decodes only the commits that match.
struct HistoryIndexFile {
    static let magic = Array("FDHISv3\n".utf8)

    let tip: ObjectID
    let commitCount: Int
    let hashCount: Int
    private let body: Data
    private let idsOffset: Int
    private let startsOffset: Int
    private let hashesOffset: Int

    /// Reads the layout of a body that `encode` wrote (checksum already verified); nil when it does not add up.
    init?(body: Data) {
        let header = Self.magic.count + 20 + 16
        guard body.count >= header else { return nil }
        let fields: (ObjectID?, Int, Int) = body.withUnsafeBytes { raw in
            (ObjectID(bytes: UnsafeRawBufferPointer(rebasing: raw[Self.magic.count..<(Self.magic.count + 20)])),
             Int(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: Self.magic.count + 20, as: Int64.self))),
             Int(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: Self.magic.count + 28, as: Int64.self))))
        }
        guard let tip = fields.0, (0...50_000_000).contains(fields.1), (0...500_000_000).contains(fields.2),
              body.count == header + fields.1 * 20 + (fields.1 + 1) * 8 + fields.2 * 8 else { return nil }
        (self.tip, commitCount, hashCount, self.body) = (tip, fields.1, fields.2, body)
        idsOffset = header
        startsOffset = idsOffset + commitCount * 20
        hashesOffset = startsOffset + (commitCount + 1) * 8
        guard start(0) == 0, start(commitCount) == hashCount else { return nil }
    }

    /// Commits whose changes include `pathHash`, newest first.
    func candidates(_ pathHash: UInt64) -> [ObjectID] {
        var result: [ObjectID] = []
        body.withUnsafeBytes { raw in
            for position in 0..<hashCount
            where UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: hashesOffset + position * 8, as: UInt64.self)) == pathHash {
                let id = commitID(raw, commitHolding(position))
                if result.last != id { result.append(id) }
            }
        }
        return result
    }

    /// The new commits (newest first, each with its hashes) on top of `older`, the index they continue; as file bytes.
    static func encode(tip: ObjectID, ids: [ObjectID], starts: [Int], hashes: [UInt64], above older: HistoryIndexFile?) -> [UInt8] {
        var writer = ByteWriter()
        let commits = ids.count + (older?.commitCount ?? 0), hashCount = hashes.count + (older?.hashCount ?? 0)
        writer.reserve(magic.count + 20 + 16 + commits * 28 + 8 + hashCount * 8)
        writer.raw(magic)
        writer.raw(tip.bytes)
        writer.int(ids.count + (older?.commitCount ?? 0))
        writer.int(hashes.count + (older?.hashCount ?? 0))
        for id in ids { writer.raw(id.bytes) }
        if let older { older.withBytes(at: older.idsOffset, count: older.commitCount * 20) { writer.raw($0) } }
        for start in starts { writer.int(start) }
        if let older {
            for commit in 1..<(older.commitCount + 1) { writer.int(older.start(commit) + hashes.count) }
        }
        for hash in hashes { writer.int(Int(bitPattern: UInt(hash))) }
        if let older { older.withBytes(at: older.hashesOffset, count: older.hashCount * 8) { writer.raw($0) } }
        return writer.bytes
    }

    private func withBytes(at offset: Int, count: Int, _ body: (UnsafeRawBufferPointer) -> Void) {
        self.body.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[offset..<(offset + count)])) }
    }

    private func start(_ commit: Int) -> Int {
        body.withUnsafeBytes { Int(Int64(littleEndian: $0.loadUnaligned(fromByteOffset: startsOffset + commit * 8, as: Int64.self))) }
    }

    /// The commit whose hashes include position `position`: the last one starting at or before it.
    private func commitHolding(_ position: Int) -> Int {
        var low = 0, high = commitCount - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if start(middle) <= position { low = middle } else { high = middle - 1 }
        }
        return low
    }

    private func commitID(_ raw: UnsafeRawBufferPointer, _ commit: Int) -> ObjectID {
        ObjectID(raw: UnsafeRawBufferPointer(rebasing: raw[(idsOffset + commit * 20)..<(idsOffset + commit * 20 + 20)]))
    }
}
