import CGit2

/// A walk over commits reachable from a start commit and not from a hidden one, newest first
/// (`git_revwalk`).
public final class RevisionWalk {
    let pointer: OpaquePointer
    let repository: Repository

    init(repository: Repository, start: ObjectID, hiding hidden: ObjectID? = nil) throws {
        var out: OpaquePointer?
        try check(git_revwalk_new(&out, repository.pointer), "cannot start a history walk")
        pointer = out!
        self.repository = repository
        git_revwalk_sorting(pointer, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue)
        try start.withOID { try check(git_revwalk_push(pointer, $0), "cannot walk from \(start)") }
        if let hidden {
            try hidden.withOID { try check(git_revwalk_hide(pointer, $0), "cannot hide \(hidden) from the walk") }
        }
    }

    deinit {
        git_revwalk_free(pointer)
    }

    /// The next commit id, or nil at the end of history; a missing or unreadable commit throws.
    public func next() throws -> ObjectID? {
        var oid = git_oid()
        let code = git_revwalk_next(&oid, pointer)
        if code == GIT_ITEROVER.rawValue { return nil }
        try check(code, "cannot walk the history")
        return ObjectID(oid)
    }

    /// Every remaining commit id, newest first.
    public func all() throws -> [ObjectID] {
        var ids: [ObjectID] = []
        while let id = try next() { ids.append(id) }
        return ids
    }
}
