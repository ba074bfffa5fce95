import Foundation

/// The person making a change, recorded as the commit author: `Name <email>`.
public struct Editor: Codable, Hashable, Sendable, CustomStringConvertible {
    public let name: String
    public let email: String

    public init(name: String, email: String) throws {
        let name = Self.trimmed(name)
        let email = Self.trimmed(email)
        guard !name.isEmpty, name.unicodeScalars.allSatisfy(Self.isAllowedInName), Self.isWellFormed(email: email) else {
            throw FactDeskError.invalidInput("editor needs a name and an email, as \"Jane Doe <jane@example.org>\"")
        }
        // Every placeholder is short: most names skip the lowercased copy.
        guard name.utf8.count > 9 || !Self.placeholderNames.contains(name.lowercased()),
              email.utf8.count > 20 || !Self.placeholderEmails.contains(email.lowercased()) else {
            throw FactDeskError.invalidInput("editor \"\(name) <\(email)>\" is a placeholder; give your own name and email")
        }
        self.name = name
        self.email = email
    }

    /// Scalar checks, not Character ones: a desk's files hold millions of editors to read back.
    private static func isAllowedInName(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "<" && scalar != ">" && !TextPolicy.isForbiddenInLine(scalar)
    }

    /// One `@`, something before it, a dot in the domain but not first; no white space, control
    /// characters or angle brackets anywhere.
    private static func isWellFormed(email: String) -> Bool {
        let bytes = email.utf8
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at != bytes.startIndex else { return false }
        let domain = bytes[bytes.index(after: at)...]
        guard !domain.contains(UInt8(ascii: "@")), domain.contains(UInt8(ascii: ".")), domain.first != UInt8(ascii: ".") else {
            return false
        }
        return email.unicodeScalars.allSatisfy { scalar in
            // Printable ASCII needs no lookup in Unicode's tables.
            (0x21..<0x7F).contains(scalar.value) ? scalar != "<" && scalar != ">"
                : isAllowedInName(scalar) && !scalar.properties.isWhitespace
        }
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
        if let first = scalars.first, let last = scalars.last, !FoldedText.isWhitespace(first), !FoldedText.isWhitespace(last) {
            return text
        }
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
