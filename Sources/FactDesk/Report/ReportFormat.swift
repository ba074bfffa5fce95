import Foundation

/// The forms a verification report can be written in.
public enum ReportFormat: String, CaseIterable, Sendable {
    case markdown, json, html

    /// The report rendered in this format, ending with a newline.
    /// (Nothing throws any more; `throws` stays for the callers written when JSON could.)
    public func render(_ report: VerificationReport) throws -> String {
        buffer(report).text()
    }

    /// The report rendered in this format as UTF-8 bytes, for writing out without a String's copy.
    public func renderUTF8(_ report: VerificationReport) -> Data {
        buffer(report).data()
    }

    /// The HTML report's content without its page and style, for a page of its own (the web desk's).
    public static func htmlFragment(_ report: VerificationReport) -> String {
        HTMLReportRenderer(report: report, standalone: false).render().text()
    }

    private func buffer(_ report: VerificationReport) -> ReportBuffer {
        switch self {
        case .markdown: MarkdownReportRenderer(report: report).render()
        case .html: HTMLReportRenderer(report: report).render()
        case .json: JSONReportRenderer(report: report).render()
        }
    }
}

/// JSON for people and scripts, in the store's own dialect (sorted keys, ISO 8601 dates).
public enum FactDeskJSON {
    public static func string<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try DeskJSON.encode(value), as: UTF8.self)
    }
}

extension Date {
    /// `2026-11-25 14:03 UTC`, for people.
    public var readableUTC: String {
        let iso = ISODate.string(self)
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5)) + " UTC"
    }
}

extension VerificationReport {
    /// The statuses in report order, with their counts.
    var statusRows: [(status: ClaimStatus, count: Int)] {
        ClaimStatus.allCases.sorted().map { ($0, totals.byStatus[$0.rawValue] ?? 0) }
    }
}

extension ReportBuffer {
    /// `3 days`, `1 day`, `< 1 day`.
    mutating func appendAge(days: Int) {
        switch days {
        case 0: append("< 1 day")
        case 1: append("1 day")
        default:
            append(days)
            append(" days")
        }
    }

    /// ` · 3 overdue · 1 awaiting a second editor` after the summary line's open count, each part
    /// only when there is something to say, the overdue count in `strong` markup.
    mutating func appendAttention(_ totals: VerificationReport.Totals, strong: (open: StaticString, close: StaticString)) {
        if totals.overdue > 0 {
            append(" · ")
            append(strong.open)
            append(totals.overdue)
            append(" overdue")
            append(strong.close)
        }
        if totals.awaitingReview > 0 {
            append(" · ")
            append(totals.awaitingReview)
            append(" awaiting a second editor")
        }
    }

    /// `2026-11-25`, the day of `date` in UTC, for people.
    mutating func appendDay(_ date: Date) {
        var iso = ISODate.string(date)
        iso.withUTF8 { append(UnsafeBufferPointer(rebasing: $0.prefix(10))) }
    }
}
