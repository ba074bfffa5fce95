import CGit2

/// A git tree object. Owns its `git_tree` pointer and keeps its repository alive.
public final class Tree {
    let pointer: OpaquePointer
    let repository: Repository

    init(pointer: OpaquePointer, repository: Repository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit {
        git_tree_free(pointer)
    }

    public var id: ObjectID { ObjectID(git_tree_id(pointer).pointee) }

    /// The tree's direct entries, in git's order.
    public var entries: [TreeEntry] {
        (0..<git_tree_entrycount(pointer)).map { TreeEntry(git_tree_entry_byindex(pointer, $0)) }
    }

    /// The direct entry called `name`, if any.
    public func entry(named name: String) -> TreeEntry? {
        git_tree_entry_byname(pointer, name).map(TreeEntry.init)
    }

    /// The entry at a slash-separated `path` below this tree, if any.
    public func entry(atPath path: String) throws -> TreeEntry? {
        var entry: OpaquePointer?
        let code = git_tree_entry_bypath(&entry, pointer, path)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "cannot read \(path)")
        defer { git_tree_entry_free(entry) }
        return TreeEntry(entry!)
    }

    /// The entries that differ between two trees (nil: an empty tree), paired by name in git's
    /// order: changed ones as (old, new), removed ones as (old, nil), added ones as (nil, new).
    /// Entries that are the same are compared in libgit2 and never read into Swift values.
    public static func changes(from old: Tree?, to new: Tree?) -> [(old: TreeEntry?, new: TreeEntry?)] {
        let oldCount = old.map { git_tree_entrycount($0.pointer) } ?? 0
        let newCount = new.map { git_tree_entrycount($0.pointer) } ?? 0
        var changes: [(old: TreeEntry?, new: TreeEntry?)] = []
        var oldIndex = 0, newIndex = 0
        while oldIndex < oldCount || newIndex < newCount {
            let oldEntry = oldIndex < oldCount ? git_tree_entry_byindex(old!.pointer, oldIndex) : nil
            let newEntry = newIndex < newCount ? git_tree_entry_byindex(new!.pointer, newIndex) : nil
            let order = oldEntry == nil ? 1 : newEntry == nil ? -1 : git_tree_entry_cmp(oldEntry, newEntry)
            if order == 0 {
                if git_oid_equal(git_tree_entry_id(oldEntry), git_tree_entry_id(newEntry)) == 0
                    || git_tree_entry_filemode(oldEntry) != git_tree_entry_filemode(newEntry) {
                    changes.append((TreeEntry(oldEntry!), TreeEntry(newEntry!)))
                }
                oldIndex += 1
                newIndex += 1
            } else if order < 0 {
                changes.append((TreeEntry(oldEntry!), nil))
                oldIndex += 1
            } else {
                changes.append((nil, TreeEntry(newEntry!)))
                newIndex += 1
            }
        }
        return changes
    }

    /// The subtree at `path`, if there is a tree there.
    public func subtree(atPath path: String) throws -> Tree? {
        guard let entry = try entry(atPath: path), entry.kind == .tree else { return nil }
        return try repository.tree(entry.id)
    }
}

/// One entry of a tree: a name, the object it points at and what kind it is.
public struct TreeEntry: Equatable, Sendable {
    /// The kind of object an entry points at.
    public enum Kind: Sendable { case blob, tree, other }

    public let name: String
    public let id: ObjectID
    public let kind: Kind

    init(_ entry: OpaquePointer) {
        name = String(cString: git_tree_entry_name(entry))
        id = ObjectID(git_tree_entry_id(entry).pointee)
        switch git_tree_entry_type(entry) {
        case GIT_OBJECT_BLOB: kind = .blob
        case GIT_OBJECT_TREE: kind = .tree
        default: kind = .other
        }
    }
}
