import Foundation

extension DeskStore {
    /// The verification report for `articles` (all articles when empty), as of now.
    public func report(articles slugs: [ArticleSlug] = []) throws -> VerificationReport {
        try read { snapshot in
            var seen = Set<ArticleSlug>()
            let chosen = slugs.isEmpty ? try snapshot.articleSlugs() : slugs.filter { seen.insert($0).inserted }
            let documents = try chosen.map { slug in
                (article: try snapshot.article(slug), claims: try snapshot.claims(in: slug))
            }
            return VerificationReport(documents: documents, now: clock())
        }
    }
}
