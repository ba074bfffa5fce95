/// The three-way merge of the desk's settings (`desk.json`), setting by setting: a setting changed
/// on one side takes that side's value; one set two ways is a clash, kept as ours unless `take`
/// says theirs.
struct SettingsMerge {
    let settings: DeskSettings
    /// The settings set two ways, each naming both values.
    let clashes: [String]

    init(base: DeskSettings?, ours: DeskSettings, theirs: DeskSettings, take: MergeSide?) {
        var merged = ours, clashes: [String] = []
        func field<Value: Equatable>(_ name: String, _ key: WritableKeyPath<DeskSettings, Value>) {
            if let value = ThreeWay.merge(base: base?[keyPath: key], ours: ours[keyPath: key], theirs: theirs[keyPath: key]) {
                merged[keyPath: key] = value
            } else {
                clashes.append("\(name): ours \(Self.show(ours[keyPath: key])), theirs \(Self.show(theirs[keyPath: key]))")
                if take == .theirs { merged[keyPath: key] = theirs[keyPath: key] }
            }
        }
        field("schemaVersion", \.schemaVersion)
        field(PolicyKey.verifiedRequiresSource.rawValue, \.verifiedRequiresSource)
        field(PolicyKey.secondReview.rawValue, \.secondReview)
        field(PolicyKey.publisherName.rawValue, \.publisherName)
        field(PolicyKey.publisherURL.rawValue, \.publisherURL)
        settings = merged
        self.clashes = clashes
    }

    private static func show<Value>(_ value: Value) -> String {
        if let text = value as? String? { return text.map { "“\($0)”" } ?? "unset" }
        return "\(value)"
    }
}
