import FactDesk
import Hummingbird

/// The verification report as `factdesk report --format html` writes it, inside the desk's page,
/// after a bar chart of claims by status drawn as inline SVG.
enum ReportPage {
    static func render(_ report: VerificationReport, editor: SignedInEditor) -> Response {
        Page.make(title: "Verification report", editor: editor, bodyClass: "report-page") { html in
            chart(report, into: &html)
            html.raw("<div class=\"report\">\n")
            html.raw(ReportFormat.htmlFragment(report))
            html.raw("</div>\n")
        }
    }

    /// One bar per status, labelled with its count; the chart's text alternative says the same.
    static func chart(_ report: VerificationReport, into html: inout HTML) {
        let rows = ClaimStatus.allCases.map { ($0, report.totals.byStatus[$0.rawValue] ?? 0) }
        let most = max(1, rows.map(\.1).max() ?? 1)
        let summary = rows.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ")
        let barHeight = 22, width = 520, labelWidth = 110
        html.raw("<figure class=\"chart\"><svg role=\"img\" aria-labelledby=\"chart-title\" viewBox=\"0 0 \(width) \(rows.count * (barHeight + 8))\" width=\"\(width)\">")
        html.raw("<title id=\"chart-title\">Claims by status: \(HTML.escape(summary))</title>")
        for (index, (status, count)) in rows.enumerated() {
            let y = index * (barHeight + 8)
            let length = count == 0 ? 0 : max(2, (width - labelWidth - 50) * count / most)
            html.raw("<text x=\"0\" y=\"\(y + 16)\" class=\"chart-label\">\(status.rawValue)</text>")
            html.raw("<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(length)\" height=\"\(barHeight)\" class=\"bar s-\(status.rawValue)\"></rect>")
            html.raw("<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 16)\" class=\"chart-count\">\(count)</text>")
        }
        html.raw("</svg><figcaption>Claims by status</figcaption></figure>\n")
    }
}
