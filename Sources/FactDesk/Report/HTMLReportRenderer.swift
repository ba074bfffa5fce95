/// Renders a verification report as one self-contained HTML page.
struct HTMLReportRenderer {
    let report: VerificationReport

    func render() -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Verification report</title>
        <style>
        body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
        .claim { border-left: 4px solid #c33; padding: .25rem .75rem; margin: .75rem 0; }
        .claim.settled { border-color: #999; }
        .status { font-weight: bold; text-transform: uppercase; font-size: .8rem; }
        blockquote { margin: .25rem 0; color: #444; }
        table { border-collapse: collapse; } td, th { padding: .2rem .6rem; border: 1px solid #ccc; }
        </style>
        </head>
        <body>
        <h1>Verification report</h1>

        """
        html += "<p>Generated \(report.generatedAt.readableUTC) · \(report.articles.count) article(s) · "
            + "\(report.totals.claims) claim(s) · <strong>\(report.totals.open) still unverified</strong></p>\n"
        html += "<table><tr><th>Status</th><th>Claims</th></tr>\n"
        for row in report.statusRows { html += "<tr><td>\(row.status.rawValue)</td><td>\(row.count)</td></tr>\n" }
        html += "</table>\n"
        if report.totals.flagged > 0 { html += "<h2>Lost their place in a revision (\(report.totals.flagged))</h2>\n" }
        for article in report.articles where !article.flagged.isEmpty {
            html += heading(article)
            for claim in article.flagged {
                html += "<div class=\"claim\" id=\"\(claim.id)\"><span class=\"status\">\(claim.anchorIssue.rawValue)</span> "
                    + "<code>\(claim.id)</code> · \(claim.status.rawValue) · revision \(claim.revision)\n"
                    + "<p>\(escape(claim.claim))</p>\n<blockquote>was: “\(escape(claim.previousQuote))”</blockquote></div>\n"
            }
        }
        html += "<h2>Still unverified (\(report.totals.open))</h2>\n"
        for article in report.articles where !article.unverified.isEmpty {
            html += heading(article)
            for claim in article.unverified {
                html += "<div class=\"claim\" id=\"\(claim.id)\"><span class=\"status\">\(claim.status.rawValue)</span> "
                    + "<code>\(claim.id)</code> · ¶\(claim.paragraph) · open \(VerificationReport.age(claim.ageDays)) · "
                    + "owner: \(escape(claim.owner))\n<p>\(escape(claim.claim))</p>\n"
                    + "<blockquote>“\(escape(claim.quote))”</blockquote>\n<p>Sources: \(sources(claim.sources))</p></div>\n"
            }
        }
        html += "<h2>Settled</h2>\n"
        for article in report.articles where !article.settled.isEmpty {
            html += heading(article)
            for claim in article.settled {
                html += "<div class=\"claim settled\" id=\"\(claim.id)\"><span class=\"status\">\(claim.status.rawValue)</span> "
                    + "<code>\(claim.id)</code> · ¶\(claim.paragraph) · by \(escape(VerificationReport.personName(claim.decidedBy))) on "
                    + "\(claim.decidedAt.readableDay)\n<p>\(escape(claim.claim))</p>\n"
                    + "<p>Sources: \(sources(claim.sources))</p></div>\n"
            }
        }
        return html + "</body>\n</html>\n"
    }

    private func heading(_ article: VerificationReport.ArticleReport) -> String {
        "<h3>\(escape(article.title)) <code>\(escape(article.id))</code></h3>\n"
    }

    private func sources(_ sources: [ClaimView.SourceView]) -> String {
        guard !sources.isEmpty else { return "none" }
        return sources.map { source in
            let label = escape(source.title ?? source.url)
            let linkable = ["http:", "https:", "ftp:", "mailto:"].contains { source.url.lowercased().hasPrefix($0) }
            return linkable ? "<a href=\"\(escape(source.url))\">\(label)</a>" : label
        }.joined(separator: ", ")
    }

    private func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
