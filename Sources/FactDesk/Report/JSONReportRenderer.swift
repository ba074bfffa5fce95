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
        json.key("generatedAt")
        json.string(ISODate.string(report.generatedAt))
        json.key("totals")
        json.beginObject()
        json.key("byStatus")
        json.object(report.totals.byStatus)
        json.key("claims")
        json.number(report.totals.claims)
        json.key("flagged")
        json.number(report.totals.flagged)
        json.key("open")
        json.number(report.totals.open)
        json.endObject()
        json.endObject()
        json.buffer.append("\n")
        return json.buffer
    }

    private func write(_ article: VerificationReport.ArticleReport, to json: inout PrettyJSONWriter) {
        json.beginObject()
        json.key("byStatus")
        json.object(article.byStatus)
        json.key("flagged")
        json.array(article.flagged) { write($0, to: &$1) }
        json.key("id")
        json.string(article.id)
        json.key("revision")
        json.number(article.revision)
        json.key("settled")
        json.array(article.settled) { write($0, to: &$1) }
        json.key("title")
        json.string(article.title)
        json.key("unverified")
        json.array(article.unverified) { write($0, to: &$1) }
        json.key("url")
        json.string(article.url)
        json.endObject()
    }

    private func write(_ claim: VerificationReport.FlaggedClaim, to json: inout PrettyJSONWriter) {
        json.beginObject()
        json.key("anchorIssue")
        json.string(claim.anchorIssue.rawValue)
        json.key("claim")
        json.string(claim.claim)
        json.key("id")
        json.string(claim.id)
        json.key("paragraph")
        json.number(claim.paragraph)
        json.key("previousQuote")
        json.string(claim.previousQuote)
        json.key("quote")
        json.string(claim.quote)
        json.key("revision")
        json.number(claim.revision)
        json.key("status")
        json.string(claim.status.rawValue)
        json.endObject()
    }

    private func write(_ claim: VerificationReport.OpenClaim, to json: inout PrettyJSONWriter) {
        json.beginObject()
        json.key("ageDays")
        json.number(claim.ageDays)
        json.key("assignee")
        json.string(claim.assignee)
        json.key("claim")
        json.string(claim.claim)
        json.key("end")
        json.number(claim.end)
        json.key("id")
        json.string(claim.id)
        json.key("owner")
        json.string(claim.owner)
        json.key("paragraph")
        json.number(claim.paragraph)
        json.key("quote")
        json.string(claim.quote)
        json.key("sources")
        write(claim.sources, to: &json)
        json.key("start")
        json.number(claim.start)
        json.key("status")
        json.string(claim.status.rawValue)
        json.endObject()
    }

    private func write(_ claim: VerificationReport.SettledClaim, to json: inout PrettyJSONWriter) {
        json.beginObject()
        json.key("claim")
        json.string(claim.claim)
        json.key("decidedAt")
        json.string(ISODate.string(claim.decidedAt))
        json.key("decidedBy")
        json.string(claim.decidedBy)
        json.key("id")
        json.string(claim.id)
        json.key("paragraph")
        json.number(claim.paragraph)
        json.key("quote")
        json.string(claim.quote)
        json.key("sources")
        write(claim.sources, to: &json)
        json.key("status")
        json.string(claim.status.rawValue)
        json.endObject()
    }

    private func write(_ sources: [ClaimView.SourceView], to json: inout PrettyJSONWriter) {
        json.beginArray()
        for source in sources {
            json.element()
            json.beginObject()
            json.key("note")
            json.string(source.note)
            json.key("title")
            json.string(source.title)
            json.key("url")
            json.string(source.url)
            json.endObject()
        }
        json.endArray()
    }
}
