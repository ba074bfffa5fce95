/// Where each file of a desk lives, relative to the repository root:
/// `<desk>/desk.json`, `<desk>/articles/<xx>/<slug>/{article.json,text.txt,claims/<id>.json}`.
struct StoreLayout: Sendable {
    /// The desk's folder inside the repository ("" when the desk is the repository root).
    let deskPath: String

    var settingsFile: String { join("desk.json") }
    var articlesDirectory: String { join("articles") }

    func articleDirectory(_ slug: ArticleSlug) -> String { join("articles/\(slug.shard)/\(slug.value)") }
    func articleFile(_ slug: ArticleSlug) -> String { articleDirectory(slug) + "/article.json" }
    func textFile(_ slug: ArticleSlug) -> String { articleDirectory(slug) + "/text.txt" }
    func claimsDirectory(_ slug: ArticleSlug) -> String { articleDirectory(slug) + "/claims" }
    func claimFile(_ slug: ArticleSlug, _ id: ClaimID) -> String { claimsDirectory(slug) + "/\(id.value).json" }

    private func join(_ path: String) -> String {
        deskPath.isEmpty ? path : deskPath + "/" + path
    }
}
