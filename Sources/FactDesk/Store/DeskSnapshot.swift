import Foundation
import GitKit

/// A read-only view of the desk as of one commit, read from git's objects: the same for a
/// checked-out and a bare desk, and never disturbed by files edited in the working tree.
final class DeskSnapshot {
    let repository: Repository
    let layout: StoreLayout
    /// The commit read; nil on an unborn branch (nothing committed yet).
    let commitID: ObjectID?
    let rootTree: Tree?
    /// Where `locateClaim` finds the claim ids of each article folder, when caches are in use.
    var claimIDCache: ClaimIDCache?
    /// Every claim's article, once `article(holding:)` has needed it.
    private var claimIndex: [ClaimID: ArticleSlug]?

    init(repository: Repository, layout: StoreLayout, commitID: ObjectID?) throws {
        self.repository = repository
        self.layout = layout
        self.commitID = commitID
        rootTree = try commitID.map { try repository.commit($0).tree() }
    }

    /// The blob id at `path`, if a file is there.
    func blobID(at path: String) throws -> ObjectID? {
        guard let entry = try rootTree?.entry(atPath: path), entry.kind == .blob else { return nil }
        return entry.id
    }

    /// The content of the file at `path`, if any.
    func data(at path: String) throws -> Data? {
        try blobID(at: path).map { try repository.blobData($0) }
    }

    func settings() throws -> DeskSettings {
        let path = layout.settingsFile
        guard let data = try data(at: path) else {
            throw FactDeskError.notADesk("no committed \(path): this is not a FactDesk store; create one with `factdesk init`")
        }
        let settings = try DeskJSON.decode(DeskSettings.self, from: data, path: path)
        if settings.schemaVersion > DeskSettings.currentSchemaVersion {
            throw FactDeskError.notADesk("\(path) has schema version \(settings.schemaVersion), written by a newer FactDesk; this one reads version \(DeskSettings.currentSchemaVersion): upgrade FactDesk")
        }
        guard settings.schemaVersion == DeskSettings.currentSchemaVersion else {
            throw FactDeskError.corruptFile(path: path, detail: "schema version \(settings.schemaVersion), this FactDesk reads version \(DeskSettings.currentSchemaVersion)")
        }
        return settings
    }

    func article(_ slug: ArticleSlug) throws -> Article {
        let path = layout.articleFile(slug)
        guard let data = try data(at: path) else {
            if try rootTree?.entry(atPath: layout.articleDirectory(slug)) != nil {
                throw FactDeskError.corruptFile(path: path, detail: "missing from an article folder that exists")
            }
            throw FactDeskError.unknownArticle(slug.value)
        }
        let article = try DeskJSON.decode(Article.self, from: data, path: path)
        guard article.id == slug else {
            throw FactDeskError.corruptFile(path: path, detail: "its id '\(article.id)' does not match its folder '\(slug)'")
        }
        return article
    }

    func text(_ slug: ArticleSlug) throws -> ArticleText {
        let path = layout.textFile(slug)
        guard let data = try data(at: path) else { throw FactDeskError.corruptFile(path: path, detail: "missing") }
        guard let string = String(validating: data, as: UTF8.self) else {
            throw FactDeskError.corruptFile(path: path, detail: "not valid UTF-8")
        }
        if let bad = string.unicodeScalars.first(where: TextPolicy.isForbiddenInText) {
            throw FactDeskError.corruptFile(path: path, detail: "it holds the control character \(TextPolicy.name(bad))")
        }
        return ArticleText(stored: string)
    }

    /// Every article's slug, sorted.
    func articleSlugs() throws -> [ArticleSlug] {
        try articleFolders().map(\.slug)
    }

    /// Every article's slug with the tree id of its folder, sorted by slug: reading shard trees
    /// only, never a file.
    func articleFolders() throws -> [(slug: ArticleSlug, tree: ObjectID)] {
        guard let articles = try rootTree?.subtree(atPath: layout.articlesDirectory) else { return [] }
        var folders: [(slug: ArticleSlug, tree: ObjectID)] = []
        for shard in articles.entries where shard.kind == .tree {
            for entry in try repository.tree(shard.id).entries where entry.kind == .tree {
                if let slug = try? ArticleSlug(entry.name) { folders.append((slug, entry.id)) }
            }
        }
        return folders.sorted { $0.slug < $1.slug }
    }

    /// The tree id of one article's folder.
    func articleFolder(_ slug: ArticleSlug) throws -> ObjectID {
        guard let entry = try rootTree?.entry(atPath: layout.articleDirectory(slug)), entry.kind == .tree else {
            throw FactDeskError.unknownArticle(slug.value)
        }
        return entry.id
    }

    /// Articles with their claims, from the summary cache where it holds their folder's tree,
    /// else from git (and then remembered). `slugs` nil reads every article.
    func records(_ slugs: [ArticleSlug]?, cache: SummaryCache?) throws -> [ArticleRecord] {
        let folders = try slugs.map { try $0.map { (slug: $0, tree: try articleFolder($0)) } } ?? articleFolders()
        let records = try folders.map { folder -> ArticleRecord in
            if let cached = cache?.record(for: folder.tree), cached.article.id == folder.slug { return cached }
            let loaded = try article(folder.slug)
            guard try blobID(at: layout.textFile(folder.slug)) != nil else {
                throw FactDeskError.corruptFile(path: layout.textFile(folder.slug), detail: "missing")
            }
            let record = ArticleRecord(article: loaded, claims: try claims(in: folder.slug))
            cache?.store(record, for: folder.tree)
            return record
        }
        cache?.save(complete: slugs == nil)
        return records
    }

    /// The ids of the claims filed under `slug`, sorted.
    func claimIDs(in slug: ArticleSlug) throws -> [ClaimID] {
        try claimFiles(in: slug).map(\.id)
    }

    /// The claim files under `slug` with their blob ids, sorted by claim id: one read of the
    /// claims tree, however many claims it holds.
    private func claimFiles(in slug: ArticleSlug) throws -> [(id: ClaimID, blob: ObjectID)] {
        guard let claims = try rootTree?.subtree(atPath: layout.claimsDirectory(slug)) else { return [] }
        return claims.entries.compactMap { entry -> (id: ClaimID, blob: ObjectID)? in
            guard entry.kind == .blob, entry.name.hasSuffix(".json"),
                  let id = try? ClaimID(String(entry.name.dropLast(5))) else { return nil }
            return (id, entry.id)
        }.sorted { $0.id < $1.id }
    }

    func claim(_ id: ClaimID, in slug: ArticleSlug) throws -> Claim {
        guard let blob = try blobID(at: layout.claimFile(slug, id)) else { throw FactDeskError.unknownClaim(id.value) }
        return try claim(id, in: slug, blob: blob)
    }

    private func claim(_ id: ClaimID, in slug: ArticleSlug, blob: ObjectID) throws -> Claim {
        let path = layout.claimFile(slug, id)
        let claim = try DeskJSON.decode(Claim.self, from: try repository.blobData(blob), path: path)
        guard claim.id == id, claim.article == slug else {
            throw FactDeskError.corruptFile(path: path, detail: "its id or article does not match where it is filed")
        }
        return claim
    }

    /// The claims of `slug` in text order.
    func claims(in slug: ArticleSlug) throws -> [Claim] {
        try claimFiles(in: slug).map { try claim($0.id, in: slug, blob: $0.blob) }
            .sorted { ($0.anchor.start, $0.id) < ($1.anchor.start, $1.id) }
    }

    /// The article holding the claim with exactly this id, if any: from an index of every claim
    /// of the desk, made on first use (from the claim-id cache where it holds a shard).
    func article(holding id: ClaimID) throws -> ArticleSlug? {
        if claimIndex == nil {
            var index: [ClaimID: ArticleSlug] = [:]
            for (slug, claim) in try shardClaims().flatMap({ $0.matching(prefix: "") }) { index[claim] = slug }
            claimIndex = index
        }
        return claimIndex?[id]
    }

    /// Finds the claim an editor means by `reference`: its full id or a unique prefix of it,
    /// with or without the `c-`.
    func locateClaim(_ reference: String) throws -> (slug: ArticleSlug, id: ClaimID) {
        let wanted = reference.hasPrefix("c-") ? reference : "c-" + reference
        guard wanted.count > 2, wanted.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
            throw FactDeskError.unknownClaim(reference)
        }
        var matches = try shardClaims().flatMap { $0.matching(prefix: wanted) }
        matches.sort { ($0.id, $0.slug) < ($1.id, $1.slug) }
        if let exact = matches.first(where: { $0.id.value == wanted }) { return exact }
        guard let first = matches.first else { throw FactDeskError.unknownClaim(reference) }
        guard matches.count == 1 else {
            throw FactDeskError.ambiguousClaim(reference, candidates: matches.map(\.id.value))
        }
        return first
    }

    /// Every claim filed in the article folders of one shard, read from its trees.
    /// The claims filed in each article shard, from the claim-id cache where it holds the shard's
    /// tree, else from git (and then remembered).
    private func shardClaims() throws -> [ShardClaims] {
        let shards = try rootTree?.subtree(atPath: layout.articlesDirectory)?.entries.filter { $0.kind == .tree } ?? []
        let claims = try shards.map { shard -> ShardClaims in
            if let cached = claimIDCache?.claims(inShard: shard.id) { return cached }
            let claims = ShardClaims(try claimsFiled(inShard: shard.id))
            claimIDCache?.store(claims, forShard: shard.id)
            return claims
        }
        claimIDCache?.save(keeping: Set(shards.map(\.id)))
        return claims
    }

    private func claimsFiled(inShard shard: ObjectID) throws -> [(id: ClaimID, slug: ArticleSlug)] {
        var claims: [(id: ClaimID, slug: ArticleSlug)] = []
        for folder in try repository.tree(shard).entries where folder.kind == .tree {
            guard let slug = try? ArticleSlug(folder.name),
                  let files = try repository.tree(folder.id).entry(named: "claims"), files.kind == .tree else { continue }
            for file in try repository.tree(files.id).entries where file.kind == .blob && file.name.hasSuffix(".json") {
                if let id = try? ClaimID(String(file.name.dropLast(5))) { claims.append((id, slug)) }
            }
        }
        return claims
    }
}
