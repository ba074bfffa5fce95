import GitKit

/// An article's id as used in paths and commands: lowercase letters, digits and inner hyphens.
/// Validated once at the edge so that no slug can escape the store or clash with a reserved name.
public struct ArticleSlug: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: String

    private static let reserved = Set(["con", "prn", "aux", "nul", "claims", "articles"]
        + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })

    public init(_ text: String) throws {
        let allowed = text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard !text.isEmpty, text.count <= 100, allowed, !text.hasPrefix("-"), !text.hasSuffix("-"),
              !Self.reserved.contains(text)
        else {
            throw FactDeskError.invalidInput(
                "invalid article id '\(text)': use 1–100 lowercase letters, digits and inner hyphens, like 'budget-vote-2026'")
        }
        value = text
    }

    /// A slug read back from the summary cache, which holds only slugs validated when first read.
    init(unchecked value: String) {
        self.value = value
    }

    /// The two-hex-digit folder that spreads articles over 256 shards: the first byte of the
    /// git blob id of the slug (`printf %s SLUG | git hash-object --stdin`).
    public var shard: String {
        String(ObjectID.hashing(blob: Array(value.utf8)).hex.prefix(2))
    }

    public var description: String { value }
    public static func < (lhs: ArticleSlug, rhs: ArticleSlug) -> Bool { lhs.value < rhs.value }
}

extension ArticleSlug: Codable {
    public init(from decoder: Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
