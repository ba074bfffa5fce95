/// Writes an index the way git writes version 4: the header, the entries with each path stored
/// as the number of bytes to drop from the end of the previous path plus what follows (a varint,
/// then the rest, NUL-terminated, no padding), the extensions, and the SHA-1 of all that. The
/// bytes go to the lock file in chunks, each hashed while it is still in the CPU's cache.
enum IndexFileEncoder {
    private static let chunkSize = 128 << 10

    /// Writes to `lock` `table`'s entries with `edit` applied (kept entries byte for byte, except
    /// racily clean ones, smudged), then `extensions` (signature and data; empty ones left out).
    static func encode(_ table: IndexEntryTable, _ edit: IndexEdit, extensions: [(signature: String, data: [UInt8])],
                       racyCheck: RacyCleanCheck, to lock: IndexLock) throws {
        let hasher = try SHA1()
        var output: [UInt8] = []
        output.reserveCapacity(chunkSize + 2 * IndexEntryLayout.longPathLength)
        func flush() throws {
            try output.withUnsafeBytes { try hasher.update($0) }
            try lock.write(output)
            output.removeAll(keepingCapacity: true)
        }

        output.append(contentsOf: "DIRC".utf8)
        output.appendBigEndian(4)
        output.appendBigEndian(UInt32(table.count - edit.removed.count + edit.insertions.count))
        try table.paths.withUnsafeBufferPointer { paths in
            var previous = 0..<0
            /// The existing entry written last, when nothing was written after it.
            var previousEntry: Int?
            /// Appends one entry; returns where its size field is in `output`.
            func append(fields: UnsafeBufferPointer<UInt8>, path: Range<Int>) -> Int {
                let fieldsStart = output.count
                output.append(contentsOf: fields)
                var common = 0
                let limit = min(previous.count, path.count)
                while common < limit && paths[previous.lowerBound + common] == paths[path.lowerBound + common] { common += 1 }
                output.appendVarint(previous.count - common)
                output.append(contentsOf: paths.slice(path.lowerBound + common..<path.upperBound))
                output.append(0)
                previous = path
                return fieldsStart + IndexEntryLayout.size
            }
            var nextRemoved = edit.removed.startIndex
            var insertions = edit.insertions[...]
            for entry in 0...table.count {
                while let insertion = insertions.first, insertion.position == entry {
                    _ = insertion.fields.withUnsafeBufferPointer { append(fields: $0, path: insertion.path) }
                    insertions.removeFirst()
                    previousEntry = nil
                }
                guard entry < table.count else { break }
                if nextRemoved < edit.removed.endIndex && edit.removed[nextRemoved] == entry {
                    nextRemoved += 1
                    continue
                }
                let fields = table.fields(entry)
                let path = table.pathRange(entry)
                let size: Int
                if table.version == 4 && previousEntry == entry - 1 {
                    // Same previous path as in the file read: its bytes are already what to write.
                    size = output.count + IndexEntryLayout.size
                    output.append(contentsOf: table.storedBytes(entry))
                    previous = path
                } else {
                    size = append(fields: fields, path: path)
                }
                previousEntry = entry
                if racyCheck.mustSmudge(fields: fields, path: paths.slice(path)) {
                    for byte in size..<size + 4 { output[byte] = 0 }
                }
                if output.count >= chunkSize { try flush() }
            }
        }
        for (signature, data) in extensions where !data.isEmpty {
            output.append(contentsOf: signature.utf8)
            output.appendBigEndian(UInt32(data.count))
            output.append(contentsOf: data)
        }
        try flush()
        try lock.write(try hasher.finalize())
    }
}
