import Foundation

/// The person making a change, recorded as the commit author: `Name <email>`.
public struct Editor: Codable, Equatable, Sendable, CustomStringConvertible {
    public let name: String
    public let email: String

    public init(name: String, email: String) throws {
        let name = Self.trimmed(name)
        let email = Self.trimmed(email)
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard !name.isEmpty, !name.unicodeScalars.contains(where: TextPolicy.isForbiddenInLine),
              !name.contains(where: { "<>".contains($0) }),
              parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
              !email.unicodeScalars.contains(where: { $0.properties.isWhitespace || TextPolicy.isForbiddenInLine($0) || "<>".unicodeScalars.contains($0) })
        else {
            throw FactDeskError.invalidInput("editor needs a name and an email, as \"Jane Doe <jane@example.org>\"")
        }
        guard !Self.placeholderNames.contains(name.lowercased()), !Self.placeholderEmails.contains(email.lowercased()) else {
            throw FactDeskError.invalidInput("editor \"\(name) <\(email)>\" is a placeholder; give your own name and email")
        }
        self.name = name
        self.email = email
    }

    /// An editor read back from the summary cache, which holds only editors validated when first read.
    init(unchecked name: String, email: String) {
        self.name = name
        self.email = email
    }

    /// Identities that tools and templates put in by default: never a real person.
    private static let placeholderNames: Set<String> = ["your name", "name", "unknown", "user", "root", "nobody", "editor"]
    private static let placeholderEmails: Set<String> = ["you@example.com", "your@email.com", "email@example.com", "user@example.com", "root@localhost", "nobody@localhost"]

    /// `text` without surrounding spaces (Foundation's trimming is slow for millions of names).
    private static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !FoldedText.isWhitespace($0) }),
              let last = scalars.lastIndex(where: { !FoldedText.isWhitespace($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// Parses `Name <email>`.
    public init(parsing text: String) throws {
        let trimmed = Self.trimmed(text)
        guard trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") else {
            throw FactDeskError.invalidInput("editor '\(text)' is not of the form \"Jane Doe <jane@example.org>\"")
        }
        try self.init(name: String(trimmed[..<open]),
                      email: String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]))
    }

    public var description: String { "\(name) <\(email)>" }

    public init(from decoder: Decoder) throws {
        try self.init(parsing: decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
