extension VerificationReport {
    /// About how many bytes a rendering of this report takes, so that its buffer is reserved once:
    /// all the report's text plus a sixteenth for escapes, 40 bytes a source, and `perClaim` and
    /// `perArticle` bytes of markup. Formats leave some text out, so this errs high; room never
    /// written costs no memory, and a buffer that was reserved short grows.
    func estimatedRenderedSize(perClaim: Int, perArticle: Int) -> Int {
        func size(_ sources: [ClaimView.SourceView]) -> Int {
            sources.reduce(0) { $0 + 40 + $1.url.utf8.count + ($1.title?.utf8.count ?? 0) + ($1.note?.utf8.count ?? 0) }
        }
        var text = 0, claims = 0
        for article in articles {
            text += article.id.utf8.count + article.title.utf8.count + (article.url?.utf8.count ?? 0)
            claims += article.flagged.count + article.conflicted.count + article.unverified.count + article.settled.count
            for claim in article.conflicted {
                text += 2 * claim.id.utf8.count + claim.claim.utf8.count + claim.conflicts.reduce(0) { $0 + $1.utf8.count }
            }
            for claim in article.flagged {
                text += 2 * claim.id.utf8.count + claim.claim.utf8.count + claim.previousQuote.utf8.count + claim.quote.utf8.count
            }
            for claim in article.unverified {
                text += 2 * claim.id.utf8.count + claim.claim.utf8.count + claim.quote.utf8.count + claim.owner.utf8.count
                    + (claim.assignee?.utf8.count ?? 0) + size(claim.sources)
            }
            for claim in article.settled {
                text += 2 * claim.id.utf8.count + claim.claim.utf8.count + claim.quote.utf8.count + claim.decidedBy.utf8.count
                    + size(claim.sources)
            }
        }
        return 4096 + text + text / 16 + claims * perClaim + articles.count * perArticle
    }
}
