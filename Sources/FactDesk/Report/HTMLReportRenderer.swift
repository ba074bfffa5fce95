/// Renders a verification report as one self-contained HTML page.
struct HTMLReportRenderer {
    let report: VerificationReport
    /// A whole page with its own style; otherwise the body's content, for a page that has them.
    var standalone = true

    /// The report's style, in the page or in the stylesheet of a page that embeds the report.
    static let style: StaticString = """
    body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
    .claim { border-left: 4px solid #c33; padding: .25rem .75rem; margin: .75rem 0; }
    .claim.settled { border-color: #999; }
    .status { font-weight: bold; text-transform: uppercase; font-size: .8rem; }
    blockquote { margin: .25rem 0; color: #444; }
    table { border-collapse: collapse; } td, th { padding: .2rem .6rem; border: 1px solid #ccc; }

    """

    func render() -> ReportBuffer {
        var out = ReportBuffer(capacity: report.estimatedRenderedSize(perClaim: 140, perArticle: 60))
        if standalone {
            out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Verification report</title>\n<style>\n")
            out.append(Self.style)
            out.append("</style>\n</head>\n<body>\n")
        }
        out.append("<h1>Verification report</h1>\n")
        out.append("<p>Generated ")
        out.append(raw: report.generatedAt.readableUTC)
        out.append(" · ")
        out.append(report.articles.count)
        out.append(" article(s) · ")
        out.append(report.totals.claims)
        out.append(" claim(s) · <strong>")
        out.append(report.totals.open)
        out.append(" still unverified</strong>")
        out.appendAttention(report.totals, strong: ("<strong>", "</strong>"))
        out.append("</p>\n<table><tr><th>Status</th><th>Claims</th></tr>\n")
        for row in report.statusRows {
            out.append("<tr><td>")
            out.append(raw: row.status.rawValue)
            out.append("</td><td>")
            out.append(row.count)
            out.append("</td></tr>\n")
        }
        out.append("</table>\n")
        if !report.owners.isEmpty {
            out.append("<table><tr><th>Owner</th><th>Open</th><th>Overdue</th></tr>\n")
            for load in report.owners {
                out.append("<tr><td>")
                out.append(load.owner, escaping: .html)
                out.append("</td><td>")
                out.append(load.open)
                out.append("</td><td>")
                out.append(load.overdue)
                out.append("</td></tr>\n")
            }
            out.append("</table>\n")
        }

        section("Lost their place in a revision", count: report.totals.flagged, \.flagged, flaggedClaim, into: &out)
        section("Merge conflicts to settle", count: report.totals.conflicted, \.conflicted, conflictedClaim, into: &out)
        out.append("<h2>Still unverified (")
        out.append(report.totals.open)
        out.append(")</h2>\n")
        for article in report.articles where !article.unverified.isEmpty {
            heading(article, into: &out)
            for claim in article.unverified { openClaim(claim, into: &out) }
        }
        out.append("<h2>Settled</h2>\n")
        var names = PersonNames()
        for article in report.articles where !article.settled.isEmpty {
            heading(article, into: &out)
            for claim in article.settled { settledClaim(claim, names: &names, into: &out) }
        }
        if let markup = report.claimReviews {
            // JSON-LD of the settled verdicts, for search engines; `<` (only ever inside JSON strings)
            // written `\u003c`, so that no text a user wrote can end the script block.
            out.append("<script type=\"application/ld+json\">\n")
            out.append(raw: ScriptBlockJSON.escaped(markup))
            out.append("</script>\n")
        }
        if standalone { out.append("</body>\n</html>\n") }
        return out
    }

    private func heading(_ article: VerificationReport.ArticleReport, into out: inout ReportBuffer) {
        out.append("<h3>")
        out.append(article.title, escaping: .html)
        out.append(" <code>")
        out.append(article.id, escaping: .html)
        out.append("</code></h3>\n")
    }

    /// `<div class="claim" id="ID"><span class="status">` up to the claim's id in `<code>`.
    private func claimStart(id: String, label: String, settled: Bool = false, into out: inout ReportBuffer) {
        out.append(settled ? "<div class=\"claim settled\" id=\"" : "<div class=\"claim\" id=\"")
        out.append(raw: id)
        out.append("\"><span class=\"status\">")
        out.append(raw: label)
        out.append("</span> <code>")
        out.append(raw: id)
        out.append("</code> · ")
    }

    private func flaggedClaim(_ claim: VerificationReport.FlaggedClaim, into out: inout ReportBuffer) {
        claimStart(id: claim.id, label: claim.anchorIssue.rawValue, into: &out)
        out.append(raw: claim.status.rawValue)
        out.append(" · revision ")
        out.append(claim.revision)
        out.append("\n<p>")
        out.append(claim.claim, escaping: .html)
        out.append("</p>\n<blockquote>was: “")
        out.append(claim.previousQuote, escaping: .html)
        out.append("”</blockquote></div>\n")
    }

    /// A section listing, article by article, the claims `claims` picks; nothing when there are none.
    private func section<Claim>(_ title: StaticString, count: Int, _ claims: (VerificationReport.ArticleReport) -> [Claim],
                                _ write: (Claim, inout ReportBuffer) -> Void, into out: inout ReportBuffer) {
        guard count > 0 else { return }
        out.append("<h2>")
        out.append(title)
        out.append(" (")
        out.append(count)
        out.append(")</h2>\n")
        for article in report.articles where !claims(article).isEmpty {
            heading(article, into: &out)
            for claim in claims(article) { write(claim, &out) }
        }
    }

    private func conflictedClaim(_ claim: VerificationReport.ConflictedClaim, into out: inout ReportBuffer) {
        claimStart(id: claim.id, label: "needs review", into: &out)
        out.append(raw: claim.status.rawValue)
        out.append(" · ¶")
        out.append(claim.paragraph)
        out.append("\n<p>")
        out.append(claim.claim, escaping: .html)
        out.append("</p>\n")
        for conflict in claim.conflicts {
            out.append("<blockquote>set aside: ")
            out.append(conflict, escaping: .html)
            out.append("</blockquote>\n")
        }
        out.append("</div>\n")
    }

    private func openClaim(_ claim: VerificationReport.OpenClaim, into out: inout ReportBuffer) {
        claimStart(id: claim.id, label: claim.status.rawValue, into: &out)
        out.append("¶")
        out.append(claim.paragraph)
        out.append(" · open ")
        out.appendAge(days: claim.ageDays)
        out.append(" · owner: ")
        out.append(claim.owner, escaping: .html)
        if let due = claim.due {
            out.append(claim.overdue ? " · <strong>overdue</strong>, due " : " · due ")
            out.append(due, escaping: .html)
        }
        if let verdict = claim.proposedVerdict, let proposer = claim.proposedBy {
            out.append("\n<p>Awaiting a second editor: <strong>")
            out.append(raw: verdict.rawValue)
            out.append("</strong> proposed by ")
            out.append(proposer, escaping: .html)
            out.append("</p>")
        }
        out.append("\n<p>")
        out.append(claim.claim, escaping: .html)
        out.append("</p>\n<blockquote>“")
        out.append(claim.quote, escaping: .html)
        out.append("”</blockquote>\n")
        sources(claim.sources, into: &out)
    }

    private func settledClaim(_ claim: VerificationReport.SettledClaim, names: inout PersonNames, into out: inout ReportBuffer) {
        claimStart(id: claim.id, label: claim.status.rawValue, settled: true, into: &out)
        out.append("¶")
        out.append(claim.paragraph)
        out.append(" · by ")
        out.append(names.name(of: claim.decidedBy), escaping: .html)
        out.append(" on ")
        out.appendDay(claim.decidedAt)
        if let proposer = claim.proposedBy {
            out.append(" (proposed by ")
            out.append(names.name(of: proposer), escaping: .html)
            out.append(", approved as second editor)")
        }
        out.append("\n<p>")
        out.append(claim.claim, escaping: .html)
        out.append("</p>\n")
        sources(claim.sources, into: &out)
    }

    /// `<p>Sources: <a href="url">Title</a>, plain label</p>` (or `none`; web and mail addresses as
    /// links), which ends a claim's `<div>`.
    private func sources(_ sources: [ClaimView.SourceView], into out: inout ReportBuffer) {
        out.append("<p>Sources: ")
        if sources.isEmpty { out.append("none") }
        for (index, source) in sources.enumerated() {
            if index > 0 { out.append(", ") }
            let linkable = Self.linkSchemes.contains { source.url.hasPrefixIgnoringCase($0) }
            if linkable {
                out.append("<a href=\"")
                out.append(source.url, escaping: .html)
                out.append("\">")
            }
            out.append(source.title ?? source.url, escaping: .html)
            if linkable { out.append("</a>") }
        }
        out.append("</p></div>\n")
    }

    private static let linkSchemes = ["http:", "https:", "ftp:", "mailto:"]
}

private extension String {
    /// `lowercased().hasPrefix(prefix)` for a lowercase ASCII `prefix`, without lowercasing a copy
    /// when the text starts with ASCII (then its first Characters are its first bytes).
    func hasPrefixIgnoringCase(_ prefix: String) -> Bool {
        let head = utf8.prefix(prefix.utf8.count + 1)
        guard head.allSatisfy({ $0 < 0x80 }) else { return lowercased().hasPrefix(prefix) }
        return head.count >= prefix.utf8.count && zip(head, prefix.utf8).allSatisfy { byte, wanted in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 0x20 == wanted : byte == wanted
        }
    }
}
