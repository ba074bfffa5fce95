import Foundation
import GitKit

extension DeskStore {
    /// Every commit that changed a claim, newest first, with the claim's status after each.
    public func history(ofClaim reference: String) throws -> [HistoryEntry] {
        try read { snapshot in
            let location = try snapshot.locateClaim(reference)
            let path = layout.claimFile(location.slug, location.id)
            return try entries(changing: path, in: snapshot, detailsFor: location.id) { blobID in
                guard let blobID, let data = try? repository.blobData(blobID) else { return nil }
                return (try? DeskJSON.decode(StatusOnly.self, from: data, path: path))?.status
            }
        }
    }

    /// Every commit that changed an article, its text or any of its claims, newest first.
    public func history(ofArticle slug: ArticleSlug) throws -> [HistoryEntry] {
        try read { snapshot in
            _ = try snapshot.article(slug)
            return try entries(changing: layout.articleDirectory(slug), in: snapshot, detailsFor: nil) { _ in nil }
        }
    }

    private func entries(changing path: String, in snapshot: DeskSnapshot, detailsFor claim: ClaimID?,
                         status: (ObjectID?) throws -> ClaimStatus?) throws -> [HistoryEntry] {
        guard let tip = snapshot.commitID else { return [] }
        let history = PathHistory(repository: repository)
        let changes: [(commit: Commit, objectID: ObjectID?)]
        if usesCaches {
            let index = HistoryIndex(repository: repository, layout: layout)
            try index.refresh(to: tip)
            changes = try history.changes(of: path, among: index.candidates(HistoryIndex.hash(path)))
        } else {
            changes = try history.changes(of: path, from: tip)
        }
        return try changes.map { change in
            let author = change.commit.author
            return HistoryEntry(commit: change.commit.id.hex, date: author.date,
                                editor: "\(author.name) <\(author.email)>",
                                message: change.commit.summary, status: try status(change.objectID),
                                detail: claim.flatMap { Self.detail(of: $0, in: change.commit.message) })
        }
    }
}

extension DeskStore {
    /// The lines of a commit message body that speak of `claim`, if any.
    static func detail(of claim: ClaimID, in message: String) -> String? {
        let lines = message.split(separator: "\n").dropFirst().filter { $0.hasPrefix(claim.value + " ") }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }
}

/// Just the status of a stored claim, read from an old version whatever else it holds.
private struct StatusOnly: Decodable {
    let status: ClaimStatus
}
