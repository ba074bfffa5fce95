import GitKit

/// The commits that changed one path (a file or a folder): those where the object at the path
/// differs from every parent's, as `git log -- PATH` simplifies history. Comparing tree-entry
/// ids is far cheaper than diffing trees.
struct PathHistory {
    let repository: Repository

    /// Walks the whole history from `tip`, newest first.
    func changes(of path: String, from tip: ObjectID) throws -> [(commit: Commit, objectID: ObjectID?)] {
        try changes(of: path, among: repository.walk(from: tip).all())
    }

    /// Keeps, from `candidates` (newest first), the commits that really changed `path`.
    func changes(of path: String, among candidates: [ObjectID]) throws -> [(commit: Commit, objectID: ObjectID?)] {
        var objectAt: [ObjectID: ObjectID?] = [:]
        func object(in commit: Commit) throws -> ObjectID? {
            if let known = objectAt[commit.id] { return known }
            let id = try commit.tree().entry(atPath: path)?.id
            objectAt[commit.id] = id
            return id
        }
        var result: [(commit: Commit, objectID: ObjectID?)] = []
        for commitID in candidates {
            let commit = try repository.commit(commitID)
            let current = try object(in: commit)
            let parents = try commit.parentIDs.map { try repository.commit($0) }
            let changed = parents.isEmpty ? current != nil : try parents.allSatisfy { try object(in: $0) != current }
            if changed { result.append((commit, current)) }
        }
        return result
    }
}
