/// Renders a verification report as JSON, byte for byte what `DeskJSON.encode` makes of it
/// (sorted keys, `null` for absent values, ISO 8601 dates, a final newline), written by hand
/// because `JSONEncoder` takes a second for a desk of 100,000 claims. The keys below are the
/// report's property names in sorted order: a new property must be added here too.
struct JSONReportRenderer {
    let report: VerificationReport

    func render() -> ReportBuffer {
        var json = PrettyJSONWriter(capacity: report.estimatedRenderedSize(perClaim: 350, perArticle: 400))
        json.beginObject()
        json.key("articles")
        json.array(report.articles) { write($0, to: &$1) }
        json.member("generatedAt", ISODate.string(report.generatedAt))
        json.key("owners")
        json.array(report.owners) { owner, json in
            json.beginObject()
            json.member("open", owner.open)
            json.member("overdue", owner.overdue)
            json.member("owner", owner.owner)
            json.endObject()
        }
        json.key("totals")
        json.beginObject()
        json.member("awaitingReview", report.totals.awaitingReview)
        json.key("byStatus")
        json.object(report.totals.byStatus)
        json.member("claims", report.totals.claims)
        json.member("conflicted", report.totals.conflicted)
        json.member("flagged", report.totals.flagged)
        json.member("open", report.totals.open)
        json.member("overdue", report.totals.overdue)
        json.endObject()
        json.endObject()
        json.buffer.append("\n")
        return json.buffer
    }

    private func write(_ article: VerificationReport.ArticleReport, to json: inout PrettyJSONWriter) {
        json.beginObject()
        json.key("byStatus")
        json.object(article.byStatus)
        json.key("conflicted")
        json.array(article.conflicted) { write($0, to: &$1) }
        json.key("flagged")
        json.array(article.flagged) { write($0, to: &$1) }
        json.member("id", article.id)
        json.member("revision", article.revision)
        json.key("settled")
        json.array(article.settled) { write($0, to: &$1) }
        json.member("title", article.title)
        json.key("unverified")
        json.array(article.unverified) { write($0, to: &$1) }
        json.member("url", article.url)
        json.endObject()
    }

    private func write(_ claim: VerificationReport.ConflictedClaim, to json: inout PrettyJSONWriter) {
        json.beginObject()
        json.member("claim", claim.claim)
        json.key("conflicts")
        json.array(claim.conflicts) { $1.string($0) }
        json.member("id", claim.id)
        json.member("paragraph", claim.paragraph)
        json.member("status", claim.status.rawValue)
        json.endObject()
    }

    private func write(_ claim: VerificationReport.FlaggedClaim, to json: inout PrettyJSONWriter) {
        json.beginObject()
        json.member("anchorIssue", claim.anchorIssue.rawValue)
        json.member("claim", claim.claim)
        json.member("id", claim.id)
        json.member("paragraph", claim.paragraph)
        json.member("previousQuote", claim.previousQuote)
        json.member("quote", claim.quote)
        json.member("revision", claim.revision)
        json.member("status", claim.status.rawValue)
        json.endObject()
    }

    private func write(_ claim: VerificationReport.OpenClaim, to json: inout PrettyJSONWriter) {
        json.beginObject()
        json.member("ageDays", claim.ageDays)
        json.member("assignee", claim.assignee)
        json.member("claim", claim.claim)
        json.member("due", claim.due)
        json.member("end", claim.end)
        json.member("id", claim.id)
        json.member("overdue", claim.overdue)
        json.member("owner", claim.owner)
        json.member("paragraph", claim.paragraph)
        json.member("proposedBy", claim.proposedBy)
        json.member("proposedVerdict", claim.proposedVerdict?.rawValue)
        json.member("quote", claim.quote)
        json.key("sources")
        write(claim.sources, to: &json)
        json.member("start", claim.start)
        json.member("status", claim.status.rawValue)
        json.endObject()
    }

    private func write(_ claim: VerificationReport.SettledClaim, to json: inout PrettyJSONWriter) {
        json.beginObject()
        json.member("claim", claim.claim)
        json.member("decidedAt", ISODate.string(claim.decidedAt))
        json.member("decidedBy", claim.decidedBy)
        json.member("id", claim.id)
        json.member("paragraph", claim.paragraph)
        json.member("proposedBy", claim.proposedBy)
        json.member("quote", claim.quote)
        json.key("sources")
        write(claim.sources, to: &json)
        json.member("status", claim.status.rawValue)
        json.endObject()
    }

    private func write(_ sources: [ClaimView.SourceView], to json: inout PrettyJSONWriter) {
        json.beginArray()
        for source in sources {
            json.element()
            json.beginObject()
            json.member("note", source.note)
            json.member("title", source.title)
            json.member("url", source.url)
            json.endObject()
        }
        json.endArray()
    }
}
