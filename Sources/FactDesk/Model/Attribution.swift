import Foundation

/// Who made a checked statement, when, and where it appeared: what schema.org calls the
/// reviewed `Claim`, published with a verdict as ClaimReview.
public struct Attribution: Codable, Equatable, Sendable {
    /// Whether the claimant is a person or an organization (schema.org `Person` or `Organization`).
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case person, organization
    }

    /// The person or organization who made the statement.
    public var claimant: String?
    public var claimantKind: Kind?
    /// When the statement was made.
    public var date: DeskDate?
    /// Where it was made (http or https URLs), first appearance first.
    public var appearances: [String]

    public init(claimant: String? = nil, claimantKind: Kind? = nil, date: DeskDate? = nil, appearances: [String] = []) {
        self.claimant = claimant
        self.claimantKind = claimantKind
        self.date = date
        self.appearances = appearances
    }

    public var isEmpty: Bool { claimant == nil && date == nil && appearances.isEmpty }

    /// The attribution as an editor typed it (the CLI's options, the API's fields); nil when
    /// nothing was given. The kind is `person` or `organization`; the date is a `DeskDate`.
    public static func parsing(claimant: String?, kind: String?, date: String?, appearances: [String],
                               now: Date) throws -> Attribution? {
        let parsedKind = try kind.map { text -> Kind in
            guard let parsed = Kind(rawValue: text.lowercased()) else {
                throw FactDeskError.invalidInput("the claimant kind is person or organization, not '\(text.oneLine(limit: 40))'")
            }
            return parsed
        }
        let parsedDate = try date.map { try DeskDate(parsing: $0, field: "the claim date", now: now) }
        let attribution = Attribution(claimant: claimant, claimantKind: parsedKind, date: parsedDate, appearances: appearances)
        return attribution.isEmpty && parsedKind == nil ? nil : attribution
    }

    /// Checks every field an editor gave: one-line claimant, http(s) appearance URLs, no duplicates.
    func validated() throws -> Attribution {
        var result = self
        result.claimant = claimant.nonEmpty
        if let name = result.claimant { try TextPolicy.checkLine(name, field: "the claimant") }
        var seen = Set<String>()
        result.appearances = try appearances.compactMap { url in
            let checked = try WebURL.checked(url, field: "--appearance")
            return seen.insert(checked).inserted ? checked : nil
        }
        return result
    }
}

/// Web addresses that a reader or a search engine can open: http or https with a host.
enum WebURL {
    static func checked(_ text: String, field: String) throws -> String {
        let url = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(), scheme == "http" || scheme == "https",
              !(parts.host ?? "").isEmpty, !url.unicodeScalars.contains(where: FoldedText.isWhitespace)
        else {
            throw FactDeskError.invalidInput("\(field) '\(text.oneLine(limit: 60))' is not a web address; give an http or https URL such as https://example.org/page")
        }
        try TextPolicy.checkLine(url, field: field)
        return url
    }
}
