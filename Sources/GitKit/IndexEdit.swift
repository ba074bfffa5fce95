/// What one update does to an index's entries: the existing entries it drops, and the new
/// entries it adds, each before the existing entry at its position (or after the last one).
struct IndexEdit {
    struct Insertion {
        let position: Int
        /// The new entry's fixed fields.
        let fields: [UInt8]
        /// Its path, in the table's `paths`.
        let path: Range<Int>
    }

    /// Existing entries to drop, ascending.
    let removed: [Int]
    /// New entries, in index order.
    let insertions: [Insertion]

    /// Finds each change's place among `table`'s entries, and adds the new entries' paths to it.
    /// Like `git add`, staging a file drops the entries inside the folder it replaces and the file
    /// it puts a folder in place of (`check_file_directory_conflict`).
    init(applying batch: IndexChangeBatch, to table: inout IndexEntryTable) throws {
        var removed = Set<Int>()
        var insertions: [Insertion] = []
        for item in batch.items {
            let current = table.entries(at: item.path)
            var replaced = [current]
            if item.newEntry != nil {
                replaced.append(table.entries(inFolder: item.path))
                for slash in item.path.indices where item.path[slash] == UInt8(ascii: "/") {
                    replaced.append(table.entries(at: Array(item.path[..<slash])))
                }
            }
            for entry in replaced.joined() {
                guard table.stage(entry) == 0 else {
                    throw IndexFileError.unsupported("\(String(decoding: item.path, as: UTF8.self)) is unmerged (a conflict is in progress)")
                }
                removed.insert(entry)
            }
            if let fields = item.newEntry {
                insertions.append(Insertion(position: current.lowerBound, fields: fields, path: table.appendPath(item.path)))
            }
        }
        self.removed = removed.sorted()
        self.insertions = insertions
    }
}
