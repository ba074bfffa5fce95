/// The files whose blob differs between two trees, found by pruning identical subtrees by id:
/// the cost follows the changed paths, not the size of the trees.
public enum TreeDifference {
    /// Every file path below `prefix` that differs between `old` and `new` (nil: an empty tree),
    /// with its blob id in `new` (nil: removed there).
    public static func files(from old: Tree?, to new: Tree?, prefix: String = "") throws -> [String: ObjectID?] {
        var changed: [String: ObjectID?] = [:]
        try difference(old, new, prefix: prefix, into: &changed)
        return changed
    }

    private static func difference(_ old: Tree?, _ new: Tree?, prefix: String, into changed: inout [String: ObjectID?]) throws {
        guard old?.id != new?.id else { return }
        for change in Tree.changes(from: old, to: new) {
            guard change.old?.id != change.new?.id || change.old?.kind != change.new?.kind,
                  let name = change.new?.name ?? change.old?.name else { continue }
            let path = prefix.isEmpty ? name : prefix + "/" + name
            let repository = (new ?? old)!.repository
            let oldTree = try change.old.flatMap { $0.kind == .tree ? try repository.tree($0.id) : nil }
            let newTree = try change.new.flatMap { $0.kind == .tree ? try repository.tree($0.id) : nil }
            if oldTree != nil || newTree != nil { try difference(oldTree, newTree, prefix: path, into: &changed) }
            if change.new?.kind == .blob {
                changed[path] = .some(change.new!.id)
            } else if change.old?.kind == .blob {
                changed[path] = .some(nil)
            }
        }
    }
}
