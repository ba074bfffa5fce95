import Foundation

/// The forms a verification report can be written in.
public enum ReportFormat: String, CaseIterable, Sendable {
    case markdown, json, html

    /// The report rendered in this format, ending with a newline.
    public func render(_ report: VerificationReport) throws -> String {
        switch self {
        case .markdown: MarkdownReportRenderer(report: report).render()
        case .html: HTMLReportRenderer(report: report).render()
        case .json: try FactDeskJSON.string(report)
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

    /// `2026-11-25`, for people.
    var readableDay: String { String(readableUTC.prefix(10)) }
}

extension VerificationReport {
    /// The statuses in report order, with their counts.
    var statusRows: [(status: ClaimStatus, count: Int)] {
        ClaimStatus.allCases.sorted().map { ($0, totals.byStatus[$0.rawValue] ?? 0) }
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
