import Foundation

extension DeskStore {
    /// The verification report for `articles` (all articles when empty), as of now.
    public func report(articles slugs: [ArticleSlug] = []) throws -> VerificationReport {
        try read { snapshot in
            var seen = Set<ArticleSlug>()
            let chosen = slugs.isEmpty ? nil : slugs.filter { seen.insert($0).inserted }
            return VerificationReport(documents: try snapshot.records(chosen, cache: summaryCache()), now: clock())
        }
    }
}
