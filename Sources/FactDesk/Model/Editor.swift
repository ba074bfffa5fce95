import Foundation

/// The person making a change, recorded as the commit author: `Name <email>`.
public struct Editor: Codable, Equatable, Sendable, CustomStringConvertible {
    public let name: String
    public let email: String

    public init(name: String, email: String) throws {
        let name = name.trimmingCharacters(in: .whitespaces)
        let email = email.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !email.isEmpty,
              !name.contains(where: { "<>\n\r\0".contains($0) }),
              !email.contains(where: { "<>\n\r\0 ".contains($0) })
        else {
            throw FactDeskError.invalidInput("editor needs a name and an email, as \"Jane Doe <jane@example.org>\"")
        }
        self.name = name
        self.email = email
    }

    /// Parses `Name <email>`.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
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
