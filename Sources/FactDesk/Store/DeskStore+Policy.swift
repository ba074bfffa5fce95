import Foundation

extension DeskStore {
    /// The desk's policy as committed in `desk.json`.
    public func policy() throws -> DeskSettings {
        try read { try $0.settings() }
    }

    /// Sets (or, with nil, unsets) one policy key, in one commit.
    @discardableResult
    public func setPolicy(_ key: PolicyKey, to value: String?, editor: Editor) throws -> DeskSettings {
        try commit(as: editor) { snapshot in
            var settings = try snapshot.settings()
            let before = key.value(in: settings)
            try key.apply(value, to: &settings)
            let after = key.value(in: settings)
            guard after != before else {
                throw FactDeskError.invalidInput("\(key.rawValue) is already \(after ?? "unset")")
            }
            return StagedChange(files: [layout.settingsFile: try DeskJSON.encode(settings)],
                                message: "policy: \(key.rawValue) \(after ?? "unset") (was \(before ?? "unset"))\n", result: settings)
        }
    }
}
