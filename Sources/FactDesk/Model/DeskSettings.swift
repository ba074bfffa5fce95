/// The store's own settings, `desk.json`: the schema version files are written in and the
/// desk's editorial policy.
public struct DeskSettings: Codable, Equatable, Sendable {
    /// The layout and JSON schema this version of FactDesk reads and writes.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// Refuse `verified` for a claim without any source.
    public var verifiedRequiresSource: Bool

    public init(schemaVersion: Int = currentSchemaVersion, verifiedRequiresSource: Bool = true) {
        self.schemaVersion = schemaVersion
        self.verifiedRequiresSource = verifiedRequiresSource
    }
}
