/// Where an index entry's fixed fields lie, from the entry's first byte (gitformat-index).
enum IndexEntryLayout {
    static let mtimeSeconds = 8
    static let mode = 24
    static let size = 36
    static let objectID = 40
    static let flags = 60
    /// Stat data, object id and flags; two more bytes of extended flags follow when `extendedFlag` is set.
    static let fixedLength = 62
    static let extendedFlag: UInt16 = 0x4000
    /// The flags' 12-bit path length saturates at this value for longer paths.
    static let longPathLength = 0xfff
}

/// The entries of an index file (version 2, 3 or 4), parsed in one pass without an allocation per
/// entry: where each entry's fixed fields lie in the file, and every path, decoded from version
/// 4's prefix compression, back to back in one byte buffer that also takes the paths of new entries.
struct IndexEntryTable {
    /// The whole index file; valid as long as the caller keeps its bytes.
    let file: UnsafeBufferPointer<UInt8>
    let version: UInt32
    /// Offset in `file` of each entry's fixed fields.
    private var fieldOffsets: [Int] = []
    /// Entry `i`'s path is `paths[pathStarts[i]..<pathStarts[i + 1]]`.
    private var pathStarts: [Int] = [0]
    /// The entries' paths, then those added by `appendPath`.
    private(set) var paths: [UInt8] = []
    /// Where the entries end in `file`: at the first extension, or the checksum.
    private(set) var end = 0

    /// Parses `count` entries of an index file of `version`, from `start` up to `limit` (the checksum).
    init(file: UnsafeBufferPointer<UInt8>, version: UInt32, count: Int, start: Int, limit: Int) throws {
        self.file = file
        self.version = version
        // The header's count is only believed as far as the file could hold that many entries (62 bytes at least).
        let plausibleCount = min(count, max(0, limit - start) / 62)
        fieldOffsets.reserveCapacity(plausibleCount)
        pathStarts.reserveCapacity(plausibleCount + 1)
        // Version 4 paths decode to more bytes than they take in the file; unused capacity costs nothing.
        paths.reserveCapacity(2 * max(0, limit - start))
        var offset = start
        var previous: [UInt8] = []  // version 4: the previous entry's path, which the next one edits
        for index in 0..<count {
            guard limit - offset >= IndexEntryLayout.fixedLength else { throw Self.corrupt("is truncated") }
            let flags = file.bigEndianUInt16(at: offset + IndexEntryLayout.flags)
            // Only a split index's own file has entries without a path: they stand for shared ones.
            guard Int(flags) & IndexEntryLayout.longPathLength != 0 else {
                throw IndexFileError.unsupported("the index has an entry without a path, as a split index does")
            }
            let pathStart = offset + IndexEntryLayout.fixedLength + (flags & IndexEntryLayout.extendedFlag != 0 ? 2 : 0)
            let pathLength: Int
            if version == 4 {
                // The number of bytes to drop from the end of the previous path, then the rest of this one.
                let (strip, suffixStart) = try file.varint(at: pathStart, before: limit)
                guard strip <= previous.count else { throw Self.corrupt("has a path that removes too much") }
                let suffixEnd = try file.nul(from: suffixStart, before: limit)
                previous.removeLast(strip)
                previous.append(contentsOf: file.slice(suffixStart..<suffixEnd))
                paths.append(contentsOf: previous)
                pathLength = previous.count
                fieldOffsets.append(offset)
                offset = suffixEnd + 1
            } else {
                let length = Int(flags) & IndexEntryLayout.longPathLength
                let pathEnd = length < IndexEntryLayout.longPathLength
                    ? pathStart + length : try file.nul(from: pathStart, before: limit)
                guard pathEnd < limit, file[pathEnd] == 0 else { throw Self.corrupt("has a path without its NUL") }
                paths.append(contentsOf: file.slice(pathStart..<pathEnd))
                pathLength = pathEnd - pathStart
                fieldOffsets.append(offset)
                // Versions 2 and 3 pad each entry with NULs to a multiple of 8 bytes.
                offset += (pathStart - offset + pathLength + 8) & ~7
            }
            guard Int(flags) & IndexEntryLayout.longPathLength == min(pathLength, IndexEntryLayout.longPathLength)
            else { throw Self.corrupt("has a path whose length disagrees with its entry") }
            pathStarts.append(paths.count)
            if index > 0 && !isOrdered(index - 1, index) { throw Self.corrupt("has entries out of order") }
        }
        guard offset <= limit else { throw Self.corrupt("is truncated") }
        end = offset
    }

    var count: Int { fieldOffsets.count }

    func pathRange(_ entry: Int) -> Range<Int> {
        pathStarts[entry]..<pathStarts[entry + 1]
    }

    /// Entry `entry`'s fixed fields: stat data, object id, flags and extended flags if any.
    func fields(_ entry: Int) -> UnsafeBufferPointer<UInt8> {
        let offset = fieldOffsets[entry]
        let flags = file.bigEndianUInt16(at: offset + IndexEntryLayout.flags)
        let length = IndexEntryLayout.fixedLength + (flags & IndexEntryLayout.extendedFlag != 0 ? 2 : 0)
        return file.slice(offset..<offset + length)
    }

    /// Entry `entry` as the file stores it: fixed fields, then path (and padding before version 4).
    func storedBytes(_ entry: Int) -> UnsafeBufferPointer<UInt8> {
        file.slice(fieldOffsets[entry]..<(entry + 1 < count ? fieldOffsets[entry + 1] : end))
    }

    /// 0 for a merged entry; 1, 2 or 3 for the base, ours and theirs of a conflict.
    func stage(_ entry: Int) -> Int {
        Int(file.bigEndianUInt16(at: fieldOffsets[entry] + IndexEntryLayout.flags) >> 12) & 3
    }

    /// The entries at `path`, one per stage.
    func entries(at path: [UInt8]) -> Range<Int> {
        entries(startingWith: path, exactly: true)
    }

    /// The entries inside folder `path`.
    func entries(inFolder path: [UInt8]) -> Range<Int> {
        entries(startingWith: path + [UInt8(ascii: "/")], exactly: false)
    }

    /// Adds `path` to `paths` (for a new entry); returns where it is.
    mutating func appendPath(_ path: [UInt8]) -> Range<Int> {
        let start = paths.count
        paths.append(contentsOf: path)
        return start..<paths.count
    }

    /// The entries whose path is `prefix` (`exactly`) or starts with it: a run in index order.
    private func entries(startingWith prefix: [UInt8], exactly: Bool) -> Range<Int> {
        paths.withUnsafeBufferPointer { all in
            prefix.withUnsafeBufferPointer { prefix in
                var low = 0, high = count
                while low < high {
                    let middle = (low + high) / 2
                    if all.slice(pathRange(middle)).compareBytes(prefix) < 0 { low = middle + 1 } else { high = middle }
                }
                var end = low
                while end < count {
                    let path = pathRange(end)
                    guard exactly ? path.count == prefix.count : path.count >= prefix.count,
                          all.slice(path.lowerBound..<path.lowerBound + prefix.count).compareBytes(prefix) == 0
                    else { break }
                    end += 1
                }
                return low..<end
            }
        }
    }

    /// Whether entry `earlier` sorts before entry `later`: by path bytes, then by stage.
    private func isOrdered(_ earlier: Int, _ later: Int) -> Bool {
        let order = paths.withUnsafeBufferPointer { $0.slice(pathRange(earlier)).compareBytes($0.slice(pathRange(later))) }
        return order < 0 || order == 0 && stage(earlier) < stage(later)
    }

    private static func corrupt(_ problem: String) -> IndexFileError {
        .corrupt("the index \(problem)")
    }
}
