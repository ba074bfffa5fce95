import Foundation
@testable import FactDesk

// The report renderers as they were before they were rewritten to append bytes to one buffer,
// written with plain strings, plus the later owners table, deadlines and second-editor reviews:
// the reference the fast renderers must match byte for byte (ReportRenderingTests). Kept apart,
// helpers included, so that a change to the library's helpers cannot move both sides at once.
// The JSON reference is `DeskJSON.encode(report)`, JSONEncoder itself.

/// What the reference renderers render to, for comparing with `ReportFormat.render`.
enum Reference {
    static func render(_ report: VerificationReport, as format: ReportFormat) throws -> String {
        switch format {
        case .markdown: ReferenceMarkdownReportRenderer(report: report).render()
        case .html: ReferenceHTMLReportRenderer(report: report).render()
        case .json: String(decoding: try DeskJSON.encode(report), as: UTF8.self)
        }
    }

    /// The statuses in report order, with their counts.
    static func statusRows(_ report: VerificationReport) -> [(status: ClaimStatus, count: Int)] {
        ClaimStatus.allCases.sorted().map { ($0, report.totals.byStatus[$0.rawValue] ?? 0) }
    }

    /// `3 days`, `1 day`, `< 1 day`.
    static func age(_ days: Int) -> String {
        days == 0 ? "< 1 day" : days == 1 ? "1 day" : "\(days) days"
    }

    /// `Jane Doe` from `Jane Doe <jane@example.org>`.
    static func personName(_ editor: String) -> String {
        editor.firstIndex(of: "<").map { String(editor[..<$0]).trimmingCharacters(in: .whitespaces) } ?? editor
    }
}

extension Date {
    /// `readableUTC` as the reference renderers used it.
    var referenceReadableUTC: String {
        let iso = ISODate.string(self)
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5)) + " UTC"
    }

    /// `readableDay` as the reference renderers used it.
    var referenceReadableDay: String { String(referenceReadableUTC.prefix(10)) }
}

extension String {
    /// `oneLine(limit:)` as it was before its fast path learnt non-ASCII text.
    func referenceOneLine(limit: Int) -> String {
        // Fast path, taken by most claims and quotes: short, and no white space to fold.
        var bytes = 0, previousSpace = true, clean = true
        for byte in utf8 {
            bytes += 1
            let space = byte == 0x20
            if byte < 0x21 && !space || byte >= 0x7F || (space && previousSpace) { clean = false; break }
            previousSpace = space
        }
        if clean && !previousSpace && bytes <= limit { return self }
        var folded: [UInt8] = []
        folded.reserveCapacity(utf8.count)
        var pendingSpace = false
        for scalar in unicodeScalars {
            if FoldedText.isWhitespace(scalar) {
                pendingSpace = !folded.isEmpty
            } else {
                if pendingSpace { folded.append(0x20) }
                pendingSpace = false
                folded.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        let words = String(decoding: folded, as: UTF8.self)
        guard words.utf8.count > limit, words.count > limit else { return words }
        return String(words.prefix(limit - 1)) + "…"
    }
}

/// The Markdown renderer as it was before the byte-buffer rewrite, unchanged but for names.
struct ReferenceMarkdownReportRenderer {
    let report: VerificationReport

    func render() -> String {
        var lines: [String] = []
        lines.append("# Verification report")
        lines.append("")
        lines.append("Generated \(report.generatedAt.referenceReadableUTC) · \(report.articles.count) article(s) · "
                     + "\(report.totals.claims) claim(s) · **\(report.totals.open) still unverified**"
                     + (report.totals.overdue > 0 ? " · **\(report.totals.overdue) overdue**" : "")
                     + (report.totals.awaitingReview > 0 ? " · \(report.totals.awaitingReview) awaiting a second editor" : ""))
        lines.append("")
        lines.append("| Status | Claims |")
        lines.append("|---|---:|")
        for row in Reference.statusRows(report) { lines.append("| \(row.status.rawValue) | \(row.count) |") }
        if !report.owners.isEmpty {
            lines += ["", "| Owner | Open | Overdue |", "|---|---:|---:|"]
            for load in report.owners { lines.append("| \(escape(load.owner)) | \(load.open) | \(load.overdue) |") }
        }

        let flagged = report.articles.filter { !$0.flagged.isEmpty }
        if !flagged.isEmpty {
            lines += ["", "## Lost their place in a revision (\(report.totals.flagged))"]
            for article in flagged {
                lines += heading(article)
                for claim in article.flagged {
                    let what = claim.anchorIssue == .orphaned ? "**orphaned**: text not found" : "**changed**: the text differs"
                    lines.append("- **\(claim.id)** · \(claim.status.rawValue) · \(what) in revision \(claim.revision) · "
                                 + "re-attach with `factdesk reanchor \(claim.id)`")
                    lines.append("  - Claim: \(escape(claim.claim.referenceOneLine(limit: 300)))")
                    lines.append("  - Was: “\(escape(claim.previousQuote.referenceOneLine(limit: 300)))”")
                    if claim.anchorIssue == .changed { lines.append("  - Now: “\(escape(claim.quote.referenceOneLine(limit: 300)))” (¶\(claim.paragraph))") }
                }
            }
        }
        if report.totals.conflicted > 0 {
            lines += ["", "## Merge conflicts to settle (\(report.totals.conflicted))"]
            for article in report.articles where !article.conflicted.isEmpty {
                lines += heading(article)
                for claim in article.conflicted {
                    lines.append("- **\(claim.id)** · \(claim.status.rawValue) · ¶\(claim.paragraph) · **needs review** · "
                                 + "settle with `factdesk resolve \(claim.id)`")
                    lines.append("  - Claim: \(escape(claim.claim.referenceOneLine(limit: 300)))")
                    for conflict in claim.conflicts { lines.append("  - Set aside: \(escape(conflict.referenceOneLine(limit: 300)))") }
                }
            }
        }
        lines.append("")
        lines.append("## Still unverified (\(report.totals.open))")
        let withOpen = report.articles.filter { !$0.unverified.isEmpty }
        if withOpen.isEmpty { lines += ["", "Nothing left to verify."] }
        for article in withOpen {
            lines += heading(article)
            for claim in article.unverified {
                lines.append("- **\(claim.id)** · \(claim.status.rawValue) · ¶\(claim.paragraph) · "
                             + "open \(Reference.age(claim.ageDays)) · owner: \(escape(claim.owner))"
                             + (claim.due.map { (claim.overdue ? " · **overdue**, due " : " · due ") + escape($0) } ?? ""))
                if let verdict = claim.proposedVerdict, let proposer = claim.proposedBy {
                    lines.append("  - Awaiting a second editor: **\(verdict.rawValue)** proposed by \(escape(proposer))")
                }
                lines.append("  - Claim: \(escape(claim.claim.referenceOneLine(limit: 300)))")
                lines.append("  - Quote: “\(escape(claim.quote.referenceOneLine(limit: 300)))”")
                lines.append("  - Sources: " + sources(claim.sources))
            }
        }

        let settled = report.articles.filter { !$0.settled.isEmpty }
        let settledCount = settled.reduce(0) { $0 + $1.settled.count }
        lines += ["", "## Settled (\(settledCount))"]
        if settled.isEmpty { lines += ["", "No verdicts yet."] }
        for article in settled {
            lines += heading(article)
            for claim in article.settled {
                lines.append("- **\(claim.id)** · **\(claim.status.rawValue)** · ¶\(claim.paragraph) · "
                             + "by \(escape(Reference.personName(claim.decidedBy))) on \(claim.decidedAt.referenceReadableDay)"
                             + (claim.proposedBy.map { " (proposed by \(escape(Reference.personName($0))), approved as second editor)" } ?? ""))
                lines.append("  - Claim: \(escape(claim.claim.referenceOneLine(limit: 300)))")
                lines.append("  - Sources: " + sources(claim.sources))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func heading(_ article: VerificationReport.ArticleReport) -> [String] {
        ["", "### \(escape(article.title)) (`\(article.id)`)", ""]
    }

    private func sources(_ sources: [ClaimView.SourceView]) -> String {
        guard !sources.isEmpty else { return "none" }
        return sources.map { source in
            source.title.map { "[\(escape($0))](\(source.url))" } ?? "<\(source.url)>"
        }.joined(separator: ", ")
    }

    /// Keeps user text from being read as Markdown markup.
    /// Which bytes Markdown could read as markup, as a table indexed by byte.
    private static let special: [Bool] = (0..<256).map { "\\`*_[]<>|#".utf8.contains(UInt8($0)) }

    private func escape(_ text: String) -> String {
        let special = Self.special
        guard text.utf8.contains(where: { special[Int($0)] }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            if special[Int(byte)] { out.append(UInt8(ascii: "\\")) }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The HTML renderer as it was before the byte-buffer rewrite, unchanged but for names.
struct ReferenceHTMLReportRenderer {
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
        html += "<p>Generated \(report.generatedAt.referenceReadableUTC) · \(report.articles.count) article(s) · "
            + "\(report.totals.claims) claim(s) · <strong>\(report.totals.open) still unverified</strong>"
            + (report.totals.overdue > 0 ? " · <strong>\(report.totals.overdue) overdue</strong>" : "")
            + (report.totals.awaitingReview > 0 ? " · \(report.totals.awaitingReview) awaiting a second editor" : "") + "</p>\n"
        html += "<table><tr><th>Status</th><th>Claims</th></tr>\n"
        for row in Reference.statusRows(report) { html += "<tr><td>\(row.status.rawValue)</td><td>\(row.count)</td></tr>\n" }
        html += "</table>\n"
        if !report.owners.isEmpty {
            html += "<table><tr><th>Owner</th><th>Open</th><th>Overdue</th></tr>\n"
            for load in report.owners { html += "<tr><td>\(escape(load.owner))</td><td>\(load.open)</td><td>\(load.overdue)</td></tr>\n" }
            html += "</table>\n"
        }
        if report.totals.flagged > 0 { html += "<h2>Lost their place in a revision (\(report.totals.flagged))</h2>\n" }
        for article in report.articles where !article.flagged.isEmpty {
            html += heading(article)
            for claim in article.flagged {
                html += "<div class=\"claim\" id=\"\(claim.id)\"><span class=\"status\">\(claim.anchorIssue.rawValue)</span> "
                    + "<code>\(claim.id)</code> · \(claim.status.rawValue) · revision \(claim.revision)\n"
                    + "<p>\(escape(claim.claim))</p>\n<blockquote>was: “\(escape(claim.previousQuote))”</blockquote></div>\n"
            }
        }
        if report.totals.conflicted > 0 { html += "<h2>Merge conflicts to settle (\(report.totals.conflicted))</h2>\n" }
        for article in report.articles where !article.conflicted.isEmpty {
            html += heading(article)
            for claim in article.conflicted {
                html += "<div class=\"claim\" id=\"\(claim.id)\"><span class=\"status\">needs review</span> "
                    + "<code>\(claim.id)</code> · \(claim.status.rawValue) · ¶\(claim.paragraph)\n<p>\(escape(claim.claim))</p>\n"
                    + claim.conflicts.map { "<blockquote>set aside: \(escape($0))</blockquote>\n" }.joined() + "</div>\n"
            }
        }
        html += "<h2>Still unverified (\(report.totals.open))</h2>\n"
        for article in report.articles where !article.unverified.isEmpty {
            html += heading(article)
            for claim in article.unverified {
                html += "<div class=\"claim\" id=\"\(claim.id)\"><span class=\"status\">\(claim.status.rawValue)</span> "
                    + "<code>\(claim.id)</code> · ¶\(claim.paragraph) · open \(Reference.age(claim.ageDays)) · "
                    + "owner: \(escape(claim.owner))"
                    + (claim.due.map { (claim.overdue ? " · <strong>overdue</strong>, due " : " · due ") + escape($0) } ?? "")
                    + (claim.proposedVerdict.map { verdict in
                        "\n<p>Awaiting a second editor: <strong>\(verdict.rawValue)</strong> proposed by \(escape(claim.proposedBy ?? ""))</p>"
                    } ?? "")
                    + "\n<p>\(escape(claim.claim))</p>\n"
                    + "<blockquote>“\(escape(claim.quote))”</blockquote>\n<p>Sources: \(sources(claim.sources))</p></div>\n"
            }
        }
        html += "<h2>Settled</h2>\n"
        for article in report.articles where !article.settled.isEmpty {
            html += heading(article)
            for claim in article.settled {
                html += "<div class=\"claim settled\" id=\"\(claim.id)\"><span class=\"status\">\(claim.status.rawValue)</span> "
                    + "<code>\(claim.id)</code> · ¶\(claim.paragraph) · by \(escape(Reference.personName(claim.decidedBy))) on "
                    + "\(claim.decidedAt.referenceReadableDay)"
                    + (claim.proposedBy.map { " (proposed by \(escape(Reference.personName($0))), approved as second editor)" } ?? "")
                    + "\n<p>\(escape(claim.claim))</p>\n"
                    + "<p>Sources: \(sources(claim.sources))</p></div>\n"
            }
        }
        if let markup = report.claimReviews {
            html += "<script type=\"application/ld+json\">\n" + markup.replacingOccurrences(of: "<", with: "\\u003c") + "</script>\n"
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
