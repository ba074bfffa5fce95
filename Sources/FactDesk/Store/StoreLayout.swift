/// Where each file of a desk lives, relative to the repository root:
/// `<desk>/desk.json`, `<desk>/articles/<xx>/<slug>/{article.json,text.txt,claims/<id>.json}`.
struct StoreLayout: Sendable {
    /// The desk's folder inside the repository ("" when the desk is the repository root).
    let deskPath: String

    var settingsFile: String { join("desk.json") }
    var articlesDirectory: String { join("articles") }
    /// The desk's `.gitattributes`, which routes its files to FactDesk's merge driver.
    var attributesFile: String { join(".gitattributes") }

    func articleDirectory(_ slug: ArticleSlug) -> String { join("articles/\(slug.shard)/\(slug.value)") }
    func articleFile(_ slug: ArticleSlug) -> String { articleDirectory(slug) + "/article.json" }
    func textFile(_ slug: ArticleSlug) -> String { articleDirectory(slug) + "/text.txt" }
    func claimsDirectory(_ slug: ArticleSlug) -> String { articleDirectory(slug) + "/claims" }
    func claimFile(_ slug: ArticleSlug, _ id: ClaimID) -> String { claimsDirectory(slug) + "/\(id.value).json" }

    /// The article folder (`<desk>/articles/<xx>/<slug>`) holding the file at `path`, with its slug.
    func articleFolder(of path: String) -> (path: String, slug: ArticleSlug)? {
        let base = articlesDirectory + "/"
        guard path.hasPrefix(base) else { return nil }
        let parts = path.dropFirst(base.count).split(separator: "/", maxSplits: 2)
        guard parts.count == 3, let slug = try? ArticleSlug(String(parts[1])) else { return nil }
        return (base + parts[0] + "/" + parts[1], slug)
    }

    private func join(_ path: String) -> String {
        deskPath.isEmpty ? path : deskPath + "/" + path
    }
}
