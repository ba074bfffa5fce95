/// Renders a verification report as Markdown to read in a terminal, paste or archive.
struct MarkdownReportRenderer {
    let report: VerificationReport

    func render() -> String {
        var lines: [String] = []
        lines.append("# Verification report")
        lines.append("")
        lines.append("Generated \(report.generatedAt.readableUTC) · \(report.articles.count) article(s) · "
                     + "\(report.totals.claims) claim(s) · **\(report.totals.open) still unverified**")
        lines.append("")
        lines.append("| Status | Claims |")
        lines.append("|---|---:|")
        for row in report.statusRows { lines.append("| \(row.status.rawValue) | \(row.count) |") }

        let flagged = report.articles.filter { !$0.flagged.isEmpty }
        if !flagged.isEmpty {
            lines += ["", "## Lost their place in a revision (\(report.totals.flagged))"]
            for article in flagged {
                lines += heading(article)
                for claim in article.flagged {
                    let what = claim.anchorIssue == .orphaned ? "**orphaned**: text not found" : "**changed**: the text differs"
                    lines.append("- **\(claim.id)** · \(claim.status.rawValue) · \(what) in revision \(claim.revision) · "
                                 + "re-attach with `factdesk reanchor \(claim.id)`")
                    lines.append("  - Claim: \(escape(claim.claim.oneLine(limit: 300)))")
                    lines.append("  - Was: “\(escape(claim.previousQuote.oneLine(limit: 300)))”")
                    if claim.anchorIssue == .changed { lines.append("  - Now: “\(escape(claim.quote.oneLine(limit: 300)))” (¶\(claim.paragraph))") }
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
                             + "open \(VerificationReport.age(claim.ageDays)) · owner: \(escape(claim.owner))")
                lines.append("  - Claim: \(escape(claim.claim.oneLine(limit: 300)))")
                lines.append("  - Quote: “\(escape(claim.quote.oneLine(limit: 300)))”")
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
                             + "by \(escape(VerificationReport.personName(claim.decidedBy))) on \(claim.decidedAt.readableDay)")
                lines.append("  - Claim: \(escape(claim.claim.oneLine(limit: 300)))")
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
