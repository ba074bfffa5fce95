import Foundation

extension DeskStore {
    /// The verification report for `articles` (all articles when empty), as of now, with the
    /// settled verdicts' ClaimReview markup (for the HTML page) when asked and the desk names its publisher.
    public func report(articles slugs: [ArticleSlug] = [], claimReviews: Bool = false) throws -> VerificationReport {
        try read { snapshot in
            var seen = Set<ArticleSlug>()
            let chosen = slugs.isEmpty ? nil : slugs.filter { seen.insert($0).inserted }
            let records = try snapshot.records(chosen, cache: summaryCache())
            var markup: String?
            if claimReviews, let publisher = ClaimReviewMarkup.publisher(try snapshot.settings()) {
                let reviews = ClaimReviewMarkup.reviews(records, publisher: publisher).reviews
                if !reviews.isEmpty { markup = try ClaimReviewMarkup.jsonLD(reviews) }
            }
            return VerificationReport(documents: records, now: clock(), claimReviews: markup)
        }
    }
}
