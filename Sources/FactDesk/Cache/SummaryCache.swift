import Foundation
import GitKit

/// A cache of decoded article folders, keyed by the git tree id of each folder, in
/// `<git dir>/factdesk/summaries`. Git stays the source of truth: a tree id names exactly one
/// content, so an entry is either right or damaged, and a damaged, missing or foreign file only
/// costs a re-read from git. Entries are appended under an advisory lock; the file is rewritten
/// whole (temporary file, then rename) when it holds too many entries for trees no longer in
/// use. Readers never lock: a half-written tail fails its checksum and is ignored.
final class SummaryCache {
    private static let magic = Array("FDSUMv4\n".utf8)
    private let path: String
    private let data: Data
    /// Where each entry's payload is in `data`, with its checksum.
    private var entries: [ObjectID: (range: Range<Int>, checksum: UInt64)] = [:]
    private var pending: [(ObjectID, [UInt8])] = []
    private var used = Set<ObjectID>()
    private var damaged = false

    init(gitDirectory: String) {
        path = gitDirectory + "factdesk/summaries"
        data = CacheFile.map(path) ?? Data()
        index()
    }

    /// The cached record for an article folder's tree, if present and intact.
    func record(for tree: ObjectID) -> ArticleRecord? {
        guard let entry = entries[tree] else { return nil }
        let record: ArticleRecord? = data.withUnsafeBytes { buffer in
            let payload = UnsafeRawBufferPointer(rebasing: buffer[entry.range])
            guard CacheFile.checksum(payload) == entry.checksum else { return nil }
            var reader = ByteReader(payload)
            return try? ArticleRecord(from: &reader)
        }
        if record == nil { damaged = true } else { used.insert(tree) }
        return record
    }

    /// Remembers a record read from git, to be saved by `save()`.
    func store(_ record: ArticleRecord, for tree: ObjectID) {
        var writer = ByteWriter()
        record.encode(into: &writer)
        pending.append((tree, writer.bytes))
        used.insert(tree)
    }

    /// Writes what this run learned; after a run that visited every article (`complete`), entries
    /// for trees no longer in use may be dropped. Failures are ignored: the cache is only an optimization.
    func save(complete: Bool) {
        guard !pending.isEmpty || damaged else { return }
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        let lock = open(path + ".lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard lock >= 0 else { return }
        defer { close(lock) }
        guard flock(lock, LOCK_EX) == 0 else { return }
        let stale = entries.count - entries.keys.filter(used.contains).count
        if damaged || data.count < Self.magic.count || (complete && stale > max(1_000, used.count)) {
            rewrite(complete: complete)
        } else {
            append(complete: complete)
        }
        pending.removeAll()
    }

    private func append(complete: Bool) {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { return rewrite(complete: complete) }
        defer { close(descriptor) }
        for (tree, payload) in pending {
            guard payload.withUnsafeBytes({ Self.writeEntry(tree, $0, to: descriptor) }) else { return }
        }
    }

    /// Writes the intact entries in use (all of them after an incomplete run) and the new ones as
    /// a fresh file, entry by entry: a cache of 100,000 claims is never held twice in memory.
    private func rewrite(complete: Bool) {
        let temporary = CacheFile.temporaryPath(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        var written = Self.magic.withUnsafeBytes { CacheFile.writeAll($0, to: descriptor) }
        let added = Set(pending.map(\.0))
        data.withUnsafeBytes { buffer in
            for (tree, entry) in entries where written && (!complete || used.contains(tree)) && !added.contains(tree) {
                let payload = UnsafeRawBufferPointer(rebasing: buffer[entry.range])
                if CacheFile.checksum(payload) == entry.checksum { written = Self.writeEntry(tree, payload, to: descriptor) }
            }
        }
        for (tree, payload) in pending where written {
            written = payload.withUnsafeBytes { Self.writeEntry(tree, $0, to: descriptor) }
        }
        close(descriptor)
        if !written || rename(temporary, path) != 0 { unlink(temporary) }
    }

    /// One entry (tree id, length, checksum, payload) in one write, so that appends by two
    /// processes never interleave inside an entry.
    private static func writeEntry(_ tree: ObjectID, _ payload: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        var writer = ByteWriter()
        writer.raw(tree.bytes)
        writer.uint32(UInt32(payload.count))
        writer.int(Int(bitPattern: UInt(CacheFile.checksum(payload))))
        writer.raw(payload)
        return writer.bytes.withUnsafeBytes { CacheFile.writeAll($0, to: descriptor) }
    }

    /// Finds every entry; stops at the first one that does not fit (a torn append).
    private func index() {
        guard data.count >= Self.magic.count, Array(data.prefix(Self.magic.count)) == Self.magic else {
            damaged = !data.isEmpty
            return
        }
        data.withUnsafeBytes { buffer in
            var reader = ByteReader(buffer, offset: Self.magic.count)
            while !reader.isAtEnd {
                guard let key = try? reader.bytes(20), let tree = ObjectID(bytes: key),
                      let length = try? reader.uint32(), let checksum = try? reader.int(),
                      reader.offset + Int(length) <= buffer.count
                else { damaged = true; return }
                entries[tree] = (reader.offset..<(reader.offset + Int(length)), UInt64(UInt(bitPattern: checksum)))
                _ = try? reader.bytes(Int(length))
            }
        }
    }
}
