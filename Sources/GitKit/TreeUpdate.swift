import CGit2
import Foundation

/// One change to a tree path: put a blob there, or remove what is there.
public enum TreeUpdate: Equatable, Sendable {
    case upsertBlob(path: String, id: ObjectID)
    case remove(path: String)

    public var path: String {
        switch self {
        case .upsertBlob(let path, _), .remove(let path): path
        }
    }

    /// Calls `body` with these updates as libgit2 `git_tree_update` values whose path
    /// strings live only for the call.
    static func withGitUpdates<T>(_ updates: [TreeUpdate],
                                  _ body: (UnsafeMutableBufferPointer<git_tree_update>) throws -> T) throws -> T {
        let paths = updates.map { strdup($0.path) }
        defer { paths.forEach { free($0) } }
        var gitUpdates = zip(updates, paths).map { update, path -> git_tree_update in
            var gitUpdate = git_tree_update()
            gitUpdate.path = UnsafePointer(path)
            switch update {
            case .upsertBlob(_, let id):
                gitUpdate.action = GIT_TREE_UPDATE_UPSERT
                gitUpdate.id = id.oid
                gitUpdate.filemode = GIT_FILEMODE_BLOB
            case .remove:
                gitUpdate.action = GIT_TREE_UPDATE_REMOVE
            }
            return gitUpdate
        }
        return try gitUpdates.withUnsafeMutableBufferPointer { try body($0) }
    }
}
