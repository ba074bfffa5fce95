/// The store's own settings, `desk.json`: the schema version files are written in and the
/// desk's editorial policy. Keys added after a desk was made read as their defaults.
public struct DeskSettings: Codable, Equatable, Sendable {
    /// The layout and JSON schema this version of FactDesk reads and writes.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// Refuse `verified` for a claim without any source.
    public var verifiedRequiresSource: Bool
    /// A verdict is only proposed until a second editor approves it.
    public var secondReview: Bool
    /// The newsroom that publishes the verdicts (schema.org ClaimReview `author`).
    public var publisherName: String?
    /// The publisher's web address (http or https).
    public var publisherURL: String?

    public init(schemaVersion: Int = currentSchemaVersion, verifiedRequiresSource: Bool = true, secondReview: Bool = false,
                publisherName: String? = nil, publisherURL: String? = nil) {
        self.schemaVersion = schemaVersion
        self.verifiedRequiresSource = verifiedRequiresSource
        self.secondReview = secondReview
        self.publisherName = publisherName
        self.publisherURL = publisherURL
    }

    private enum CodingKeys: String, CodingKey {
        case schemaVersion, verifiedRequiresSource, secondReview, publisherName, publisherURL
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        verifiedRequiresSource = try container.decode(Bool.self, forKey: .verifiedRequiresSource)
        secondReview = try container.decodeIfPresent(Bool.self, forKey: .secondReview) ?? false
        publisherName = try container.decodeIfPresent(String.self, forKey: .publisherName)
        publisherURL = try container.decodeIfPresent(String.self, forKey: .publisherURL)
    }
}
