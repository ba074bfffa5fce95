/// The desk policy settings editors change with `factdesk policy set KEY VALUE`, by the names
/// they type; each knows how to read and check its value.
public enum PolicyKey: String, CaseIterable, Sendable {
    case verifiedRequiresSource = "verified-requires-source"
    case secondReview = "second-review"
    case publisherName = "publisher-name"
    case publisherURL = "publisher-url"

    /// Parses a key as typed, with a clear error listing the valid ones.
    public static func parse(_ text: String) throws -> PolicyKey {
        guard let key = PolicyKey(rawValue: text.lowercased()) else {
            throw FactDeskError.invalidInput("unknown policy key '\(text.oneLine(limit: 40))'; use one of: \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return key
    }

    /// What a key does, for `factdesk policy`.
    public var summary: String {
        switch self {
        case .verifiedRequiresSource: "a claim needs a source before it can be verified"
        case .secondReview: "a verdict stays proposed until a second editor approves it"
        case .publisherName: "the newsroom named as author of published ClaimReviews"
        case .publisherURL: "the newsroom's web address in published ClaimReviews"
        }
    }

    /// The key's value in `settings`, as shown to editors; nil when unset.
    public func value(in settings: DeskSettings) -> String? {
        switch self {
        case .verifiedRequiresSource: settings.verifiedRequiresSource ? "on" : "off"
        case .secondReview: settings.secondReview ? "on" : "off"
        case .publisherName: settings.publisherName
        case .publisherURL: settings.publisherURL
        }
    }

    /// Sets the key in `settings` from `text` (nil unsets it, where it can be unset).
    func apply(_ text: String?, to settings: inout DeskSettings) throws {
        switch self {
        case .verifiedRequiresSource: settings.verifiedRequiresSource = try Self.switchValue(text, key: self)
        case .secondReview: settings.secondReview = try Self.switchValue(text, key: self)
        case .publisherName:
            if let name = text.nonEmpty { try TextPolicy.checkLine(name, field: "publisher-name") }
            settings.publisherName = text.nonEmpty
        case .publisherURL:
            settings.publisherURL = try text.nonEmpty.map { try WebURL.checked($0, field: "publisher-url") }
        }
    }

    private static func switchValue(_ text: String?, key: PolicyKey) throws -> Bool {
        switch text?.lowercased() {
        case "on", "true", "yes", "1": return true
        case "off", "false", "no", "0": return false
        case nil: throw FactDeskError.invalidInput("\(key.rawValue) cannot be unset; set it on or off")
        default: throw FactDeskError.invalidInput("\(key.rawValue) is on or off, not '\(text!.oneLine(limit: 40))'")
        }
    }
}
