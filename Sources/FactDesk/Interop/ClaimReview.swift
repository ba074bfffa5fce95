import Foundation

/// Settled verdicts as schema.org `ClaimReview` (JSON-LD), the markup search engines and
/// fact-check aggregators read. The rating scale runs from worst to best: false 1, misleading 2,
/// verified ("True") 3; an unverifiable claim has a textual rating only.
enum ClaimReviewMarkup {
    struct Document: Encodable {
        let context = "https://schema.org"
        let graph: [Review]

        enum CodingKeys: String, CodingKey {
            case context = "@context"
            case graph = "@graph"
        }
    }

    struct Review: Encodable {
        let type = "ClaimReview"
        let url: String
        let claimReviewed: String
        let datePublished: String
        let author: Organization
        let itemReviewed: ReviewedClaim
        let reviewRating: Rating
        let reviewBody: String?

        enum CodingKeys: String, CodingKey {
            case type = "@type"
            case url, claimReviewed, datePublished, author, itemReviewed, reviewRating, reviewBody
        }
    }

    struct Organization: Encodable {
        let type = "Organization"
        let name: String
        let url: String

        enum CodingKeys: String, CodingKey {
            case type = "@type"
            case name, url
        }
    }

    /// The statement reviewed: who made it, when, and where.
    struct ReviewedClaim: Encodable {
        let type = "Claim"
        let author: Claimant?
        let datePublished: String?
        let appearance: [Work]?
        let firstAppearance: Work?

        enum CodingKeys: String, CodingKey {
            case type = "@type"
            case author, datePublished, appearance, firstAppearance
        }
    }

    struct Claimant: Encodable {
        let type: String
        let name: String

        enum CodingKeys: String, CodingKey {
            case type = "@type"
            case name
        }
    }

    struct Work: Encodable {
        let type = "CreativeWork"
        let url: String

        enum CodingKeys: String, CodingKey {
            case type = "@type"
            case url
        }
    }

    struct Rating: Encodable {
        let type = "Rating"
        let alternateName: String
        let ratingValue: Int?
        let bestRating: Int?
        let worstRating: Int?

        enum CodingKeys: String, CodingKey {
            case type = "@type"
            case alternateName, ratingValue, bestRating, worstRating
        }

        init(_ verdict: ClaimStatus) {
            let (name, value): (String, Int?) = switch verdict {
            case .false: ("False", 1)
            case .misleading: ("Misleading", 2)
            case .verified: ("True", 3)
            default: ("Unverifiable", nil)
            }
            alternateName = name
            ratingValue = value
            bestRating = value == nil ? nil : 3
            worstRating = value == nil ? nil : 1
        }
    }

    /// The publisher named by the desk's policy, or nil when it is not fully set.
    static func publisher(_ settings: DeskSettings) -> Organization? {
        guard let name = settings.publisherName, let url = settings.publisherURL else { return nil }
        return Organization(name: name, url: url)
    }

    /// One review per settled verdict of `records` whose article has a URL; unverified and
    /// in-review claims, and verdicts awaiting a second editor, are never published.
    static func reviews(_ records: [ArticleRecord], publisher: Organization) -> (reviews: [Review], withoutURL: [ArticleSlug]) {
        var reviews: [Review] = []
        var withoutURL: [ArticleSlug] = []
        for record in records {
            let settled = record.claims.filter { $0.status.isVerdict && !$0.awaitingReview }
            guard !settled.isEmpty else { continue }
            guard let articleURL = record.article.url else { withoutURL.append(record.article.id); continue }
            let page = articleURL.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? articleURL
            for claim in settled {
                let attribution = claim.attribution
                let works = attribution?.appearances.map(Work.init) ?? []
                reviews.append(Review(
                    url: page + "#" + claim.id.value,
                    claimReviewed: claim.claim,
                    datePublished: String(ISODate.string(claim.statusChangedAt).prefix(10)),
                    author: publisher,
                    itemReviewed: ReviewedClaim(
                        author: attribution?.claimant.map {
                            Claimant(type: attribution?.claimantKind == .organization ? "Organization" : "Person", name: $0)
                        },
                        datePublished: attribution?.date?.text,
                        appearance: works.isEmpty ? nil : works, firstAppearance: works.first),
                    reviewRating: Rating(claim.status),
                    reviewBody: claim.verdictNote))
            }
        }
        return (reviews, withoutURL)
    }

    static func jsonLD(_ reviews: [Review]) throws -> String {
        String(decoding: try DeskJSON.encode(Document(graph: reviews)), as: UTF8.self)
    }
}

extension Claim {
    /// The note given with the verdict: the proposer's, under the second-editor policy, else the
    /// note written when the status last changed.
    var verdictNote: String? {
        let (author, time) = review.map { ($0.proposedBy, $0.proposedAt) } ?? (statusChangedBy, statusChangedAt)
        return notes.last { $0.at == time && $0.by.isSamePerson(as: author) }?.text
    }
}

extension DeskStore {
    /// The settled verdicts of `articles` (all when empty) as schema.org ClaimReview JSON-LD.
    /// Refused until the policy names the publisher; verdicts of articles without a URL cannot be
    /// published and are listed in `withoutURL`.
    public func exportClaimReview(articles slugs: [ArticleSlug] = []) throws -> (jsonLD: String, count: Int, withoutURL: [String]) {
        try read { snapshot in
            guard let publisher = ClaimReviewMarkup.publisher(try snapshot.settings()) else {
                throw FactDeskError.policy("the desk names no publisher; set one with `factdesk policy set publisher-name NAME` and `factdesk policy set publisher-url URL`")
            }
            var seen = Set<ArticleSlug>()
            let chosen = slugs.isEmpty ? nil : slugs.filter { seen.insert($0).inserted }
            let (reviews, withoutURL) = ClaimReviewMarkup.reviews(try snapshot.records(chosen, cache: summaryCache()), publisher: publisher)
            return (try ClaimReviewMarkup.jsonLD(reviews), reviews.count, withoutURL.map(\.value))
        }
    }
}
