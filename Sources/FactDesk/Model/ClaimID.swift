/// A claim's id, `c-` followed by random lowercase base-32 digits: short enough to type,
/// random so that two editors on two machines never mint the same one.
public struct ClaimID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: String

    static let digits = Array("0123456789abcdefghjkmnpqrstvwxyz")

    /// Accepts an id exactly as stored (`c-` and 4–32 base-32 digits).
    public init(_ text: String) throws {
        guard Self.isWellFormed(text) else {
            throw FactDeskError.invalidInput("invalid claim id '\(text)': claim ids look like c-7k2q9x")
        }
        value = text
    }

    /// An id known to be well formed (generated, or read back from the summary cache).
    init(unchecked value: String) {
        self.value = value
    }

    static func isWellFormed(_ text: String) -> Bool {
        guard text.hasPrefix("c-") else { return false }
        let body = text.dropFirst(2)
        return (4...32).contains(body.count) && body.allSatisfy { Self.digits.contains($0) }
    }

    /// A new random id of `length` digits.
    public static func random(length: Int = 8) -> ClaimID {
        var generator = SystemRandomNumberGenerator()
        let body = String((0..<length).map { _ in digits.randomElement(using: &generator)! })
        return ClaimID(unchecked: "c-" + body)
    }

    public var description: String { value }
    public static func < (lhs: ClaimID, rhs: ClaimID) -> Bool { lhs.value < rhs.value }
}

extension ClaimID: Codable {
    public init(from decoder: Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
