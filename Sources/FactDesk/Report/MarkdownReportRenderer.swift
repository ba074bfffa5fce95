/// Renders a verification report as Markdown to read in a terminal, paste or archive.
struct MarkdownReportRenderer {
    let report: VerificationReport

    /// Claims and quotes are folded onto one line and cut to this many characters.
    private static let lineLimit = 300

    func render() -> ReportBuffer {
        var out = ReportBuffer(capacity: report.estimatedRenderedSize(perClaim: 60, perArticle: 40))
        out.append("# Verification report\n\nGenerated ")
        out.append(raw: report.generatedAt.readableUTC)
        out.append(" · ")
        out.append(report.articles.count)
        out.append(" article(s) · ")
        out.append(report.totals.claims)
        out.append(" claim(s) · **")
        out.append(report.totals.open)
        out.append(" still unverified**")
        out.appendAttention(report.totals, strong: ("**", "**"))
        out.append("\n\n| Status | Claims |\n|---|---:|\n")
        for row in report.statusRows {
            out.append("| ")
            out.append(raw: row.status.rawValue)
            out.append(" | ")
            out.append(row.count)
            out.append(" |\n")
        }
        if !report.owners.isEmpty {
            out.append("\n| Owner | Open | Overdue |\n|---|---:|---:|\n")
            for load in report.owners {
                out.append("| ")
                out.append(load.owner, escaping: .markdown)
                out.append(" | ")
                out.append(load.open)
                out.append(" | ")
                out.append(load.overdue)
                out.append(" |\n")
            }
        }

        section("Lost their place in a revision", count: report.totals.flagged, \.flagged, flaggedClaim, into: &out)
        section("Merge conflicts to settle", count: report.totals.conflicted, \.conflicted, conflictedClaim, into: &out)

        out.append("\n## Still unverified (")
        out.append(report.totals.open)
        out.append(")\n")
        if !report.articles.contains(where: { !$0.unverified.isEmpty }) { out.append("\nNothing left to verify.\n") }
        for article in report.articles where !article.unverified.isEmpty {
            heading(article, into: &out)
            for claim in article.unverified { openClaim(claim, into: &out) }
        }

        let settled = report.articles.reduce(0) { $0 + $1.settled.count }
        out.append("\n## Settled (")
        out.append(settled)
        out.append(")\n")
        if settled == 0 { out.append("\nNo verdicts yet.\n") }
        var names = PersonNames()
        for article in report.articles where !article.settled.isEmpty {
            heading(article, into: &out)
            for claim in article.settled { settledClaim(claim, names: &names, into: &out) }
        }
        return out
    }

    private func heading(_ article: VerificationReport.ArticleReport, into out: inout ReportBuffer) {
        out.append("\n### ")
        out.append(article.title, escaping: .markdown)
        out.append(" (`")
        out.append(raw: article.id)
        out.append("`)\n\n")
    }

    private func flaggedClaim(_ claim: VerificationReport.FlaggedClaim, into out: inout ReportBuffer) {
        out.append("- **")
        out.append(raw: claim.id)
        out.append("** · ")
        out.append(raw: claim.status.rawValue)
        out.append(claim.anchorIssue == .orphaned ? " · **orphaned**: text not found" : " · **changed**: the text differs")
        out.append(" in revision ")
        out.append(claim.revision)
        out.append(" · re-attach with `factdesk reanchor ")
        out.append(raw: claim.id)
        out.append("`\n  - Claim: ")
        out.appendOneLine(claim.claim, limit: Self.lineLimit, escaping: .markdown)
        out.append("\n  - Was: “")
        out.appendOneLine(claim.previousQuote, limit: Self.lineLimit, escaping: .markdown)
        out.append("”\n")
        if claim.anchorIssue == .changed {
            out.append("  - Now: “")
            out.appendOneLine(claim.quote, limit: Self.lineLimit, escaping: .markdown)
            out.append("” (¶")
            out.append(claim.paragraph)
            out.append(")\n")
        }
    }

    /// A section listing, article by article, the claims `claims` picks; nothing when there are none.
    private func section<Claim>(_ title: StaticString, count: Int, _ claims: (VerificationReport.ArticleReport) -> [Claim],
                                _ write: (Claim, inout ReportBuffer) -> Void, into out: inout ReportBuffer) {
        guard count > 0 else { return }
        out.append("\n## ")
        out.append(title)
        out.append(" (")
        out.append(count)
        out.append(")\n")
        for article in report.articles where !claims(article).isEmpty {
            heading(article, into: &out)
            for claim in claims(article) { write(claim, &out) }
        }
    }

    /// `- **ID** · status · ¶N`, the start of a listed claim.
    private func claimLead(_ id: String, _ status: ClaimStatus, paragraph: Int, into out: inout ReportBuffer) {
        out.append("- **")
        out.append(raw: id)
        out.append("** · ")
        out.append(raw: status.rawValue)
        out.append(" · ¶")
        out.append(paragraph)
    }

    private func conflictedClaim(_ claim: VerificationReport.ConflictedClaim, into out: inout ReportBuffer) {
        claimLead(claim.id, claim.status, paragraph: claim.paragraph, into: &out)
        out.append(" · **needs review** · settle with `factdesk resolve ")
        out.append(raw: claim.id)
        out.append("`\n  - Claim: ")
        out.appendOneLine(claim.claim, limit: Self.lineLimit, escaping: .markdown)
        for conflict in claim.conflicts {
            out.append("\n  - Set aside: ")
            out.appendOneLine(conflict, limit: Self.lineLimit, escaping: .markdown)
        }
        out.append("\n")
    }

    private func openClaim(_ claim: VerificationReport.OpenClaim, into out: inout ReportBuffer) {
        claimLead(claim.id, claim.status, paragraph: claim.paragraph, into: &out)
        out.append(" · open ")
        out.appendAge(days: claim.ageDays)
        out.append(" · owner: ")
        out.append(claim.owner, escaping: .markdown)
        if let due = claim.due {
            out.append(claim.overdue ? " · **overdue**, due " : " · due ")
            out.append(due, escaping: .markdown)
        }
        if let verdict = claim.proposedVerdict, let proposer = claim.proposedBy {
            out.append("\n  - Awaiting a second editor: **")
            out.append(raw: verdict.rawValue)
            out.append("** proposed by ")
            out.append(proposer, escaping: .markdown)
        }
        out.append("\n  - Claim: ")
        out.appendOneLine(claim.claim, limit: Self.lineLimit, escaping: .markdown)
        out.append("\n  - Quote: “")
        out.appendOneLine(claim.quote, limit: Self.lineLimit, escaping: .markdown)
        out.append("”\n")
        sources(claim.sources, into: &out)
    }

    private func settledClaim(_ claim: VerificationReport.SettledClaim, names: inout PersonNames, into out: inout ReportBuffer) {
        out.append("- **")
        out.append(raw: claim.id)
        out.append("** · **")
        out.append(raw: claim.status.rawValue)
        out.append("** · ¶")
        out.append(claim.paragraph)
        out.append(" · by ")
        out.append(names.name(of: claim.decidedBy), escaping: .markdown)
        out.append(" on ")
        out.appendDay(claim.decidedAt)
        if let proposer = claim.proposedBy {
            out.append(" (proposed by ")
            out.append(names.name(of: proposer), escaping: .markdown)
            out.append(", approved as second editor)")
        }
        out.append("\n  - Claim: ")
        out.appendOneLine(claim.claim, limit: Self.lineLimit, escaping: .markdown)
        out.append("\n")
        sources(claim.sources, into: &out)
    }

    /// `  - Sources: [Title](url), <url>` or `none`.
    private func sources(_ sources: [ClaimView.SourceView], into out: inout ReportBuffer) {
        out.append("  - Sources: ")
        if sources.isEmpty { out.append("none") }
        for (index, source) in sources.enumerated() {
            if index > 0 { out.append(", ") }
            if let title = source.title {
                out.append("[")
                out.append(title, escaping: .markdown)
                out.append("](")
                out.append(raw: source.url)
                out.append(")")
            } else {
                out.append("<")
                out.append(raw: source.url)
                out.append(">")
            }
        }
        out.append("\n")
    }
}
