import Foundation

/// Evidence for or against a claim: where it is, what it is, who attached it and when.
public struct Source: Codable, Equatable, Sendable {
    public var url: String
    public var title: String?
    public var note: String?
    public var addedBy: Editor
    public var addedAt: Date

    public init(url: String, title: String? = nil, note: String? = nil, addedBy: Editor, addedAt: Date) throws {
        let url = url.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let parsed = URLComponents(string: url), let scheme = parsed.scheme?.lowercased(),
              Self.schemes.contains(scheme), !(parsed.host ?? "").isEmpty,
              url.count > scheme.count + 1
        else {
            throw FactDeskError.invalidInput("source '\(url)' is not a web address FactDesk cites; give an http or https URL such as https://example.org/report.pdf (for a DOI, https://doi.org/10.…)")
        }
        try TextPolicy.checkLine(url, field: "the source URL")
        guard !url.unicodeScalars.contains(where: FoldedText.isWhitespace) else {
            throw FactDeskError.invalidInput("the source URL contains white space; encode spaces as %20")
        }
        try TextPolicy.checkLine(title ?? "", field: "the source title")
        try TextPolicy.checkText(note ?? "", field: "the source note")
        self.url = url
        self.title = title.nonEmpty
        self.note = note.nonEmpty
        self.addedBy = addedBy
        self.addedAt = addedAt
    }
}

extension Source {
    /// A source read back from the summary cache, which holds only sources validated when first read.
    init(unchecked url: String, title: String?, note: String?, addedBy: Editor, addedAt: Date) {
        self.url = url
        self.title = title
        self.note = note
        self.addedBy = addedBy
        self.addedAt = addedAt
    }

    /// Schemes a source may use: web pages a reader (and a browser) can follow, never script,
    /// inline data or anything a page would hand to another program.
    static let schemes: Set<String> = ["http", "https"]
}

extension Optional where Wrapped == String {
    /// nil for nil, empty or whitespace-only text; otherwise the trimmed text.
    var nonEmpty: String? {
        guard let text = self?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}
