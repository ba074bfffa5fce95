/// One change to the index, as `git add` or `git rm --cached` of one path would make it.
public enum IndexChange: Equatable, Sendable {
    /// Stages the working-tree file at `path` (relative to the working directory) as blob `id`,
    /// which must be its content, with the file's stat data as it is now.
    case upsert(path: String, id: ObjectID)
    /// Unstages `path`; nothing happens when it is not staged.
    case remove(path: String)

    var path: String {
        switch self {
        case .upsert(let path, _), .remove(let path): path
        }
    }
}

/// The changes of one update, ready to apply: one per path (the last one given wins), in index
/// order (by path bytes), each path one git accepts, and each upsert's new entry read from its file.
struct IndexChangeBatch {
    struct Item {
        let path: [UInt8]
        /// The new entry's fixed fields; nil for a removal.
        let newEntry: [UInt8]?
    }

    let items: [Item]

    init(_ changes: [IndexChange], in workingTree: WorkingTree) throws {
        var lastChange: [[UInt8]: IndexChange] = [:]
        for change in changes { lastChange[Array(change.path.utf8)] = change }
        let paths = lastChange.keys.sorted { $0.lexicographicallyPrecedes($1) }
        for path in paths where !Self.isStageable(path) {
            throw IndexFileError.unsupported("\(String(decoding: path, as: UTF8.self)) is not a path git can stage")
        }
        // Staging both `a` and `a/b` would leave `a` a file and a folder at once.
        let files = Set(paths.filter { if case .upsert = lastChange[$0] { true } else { false } })
        for path in files {
            for slash in path.indices where path[slash] == UInt8(ascii: "/") && files.contains(Array(path[..<slash])) {
                throw IndexFileError.unsupported("\(String(decoding: path[..<slash], as: UTF8.self)) would be both a file and a folder")
            }
        }
        items = try paths.map { path in
            guard case .upsert(_, let id) = lastChange[path] else { return Item(path: path, newEntry: nil) }
            return Item(path: path, newEntry: try workingTree.entryFields(path: path, id: id))
        }
    }

    /// Git's rules for an index path, in short (`verify_path`): relative, no empty, `.`, `..` or
    /// `.git` component, no NUL.
    private static func isStageable(_ path: [UInt8]) -> Bool {
        !path.contains(0) && path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && !part.elementsEqual(".".utf8) && !part.elementsEqual("..".utf8)
                && !part.map { $0 | 0x20 }.elementsEqual(".git".utf8)
        }
    }
}
