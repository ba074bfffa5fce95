import GitKit

/// Walks history from a commit and keeps the commits that changed one path (a file or a
/// folder): those where the object at the path differs from every parent's, as `git log -- PATH`
/// simplifies history. Comparing tree-entry ids is far cheaper than diffing trees.
struct PathHistory {
    let repository: Repository

    /// The commits that changed `path`, newest first, each with the object id there after it.
    func changes(of path: String, from tip: ObjectID) throws -> [(commit: Commit, objectID: ObjectID?)] {
        var result: [(commit: Commit, objectID: ObjectID?)] = []
        var objectAt: [ObjectID: ObjectID?] = [:]
        func object(in commit: Commit) throws -> ObjectID? {
            if let known = objectAt[commit.id] { return known }
            let id = try commit.tree().entry(atPath: path)?.id
            objectAt[commit.id] = id
            return id
        }
        for commitID in try repository.walk(from: tip) {
            let commit = try repository.commit(commitID)
            let current = try object(in: commit)
            let parents = try commit.parentIDs.map { try repository.commit($0) }
            let changed = parents.isEmpty ? current != nil : try parents.allSatisfy { try object(in: $0) != current }
            if changed { result.append((commit, current)) }
            objectAt[commitID] = nil
        }
        return result
    }
}
