import CGit2

/// A git commit object. Owns its `git_commit` pointer and keeps its repository alive.
public final class Commit {
    let pointer: OpaquePointer
    let repository: Repository

    init(pointer: OpaquePointer, repository: Repository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit {
        git_commit_free(pointer)
    }

    public var id: ObjectID { ObjectID(git_commit_id(pointer).pointee) }
    public var treeID: ObjectID { ObjectID(git_commit_tree_id(pointer).pointee) }

    public var parentIDs: [ObjectID] {
        (0..<git_commit_parentcount(pointer)).map { ObjectID(git_commit_parent_id(pointer, $0).pointee) }
    }

    public var author: Signature { Signature(git_commit_author(pointer)) }
    public var committer: Signature { Signature(git_commit_committer(pointer)) }

    /// The full commit message.
    public var message: String { String(cString: git_commit_message(pointer)) }

    /// The first paragraph of the message, on one line.
    public var summary: String { git_commit_summary(pointer).map { String(cString: $0) } ?? "" }

    public func tree() throws -> Tree { try repository.tree(treeID) }
}
