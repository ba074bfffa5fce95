import Foundation
import GitKit

/// The git merge driver: merges one desk file as `factdesk sync` does, so that a plain
/// `git merge` or `git pull` merges claims claim by claim. Claim files merge field by field
/// (`ClaimMerge`), `desk.json` setting by setting (`SettingsMerge`).
public enum MergeDriver {
    /// The driver's name in git's configuration and in `.gitattributes`.
    public static let name = "factdesk"

    /// The `.gitattributes` lines that route the desk's files to the driver.
    private static let attributes = [
        "articles/*/*/claims/*.json merge=\(name)",
        "desk.json merge=\(name)",
    ]

    /// `existing` (a desk's `.gitattributes`, "" when there is none) with the driver's lines
    /// added; nil when it already has them.
    static func attributesText(adding existing: String) -> String? {
        let lines = existing.split(separator: "\n").map(String.init)
        let missing = attributes.filter { !lines.contains($0) }
        guard !missing.isEmpty else { return nil }
        let header = existing.isEmpty ? "# FactDesk merges claims and desk settings field by field (factdesk merge-driver install).\n" : ""
        return existing + (existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n") + header + missing.joined(separator: "\n") + "\n"
    }

    /// The merged bytes of the desk file at `path` (relative to the repository) from its three
    /// versions (`base` nil: added on both sides); nil when the versions cannot merge (a policy set
    /// two ways), which git then reports as a conflict.
    public static func merge(base: Data?, ours: Data, theirs: Data, path: String) throws -> Data? {
        if (path as NSString).lastPathComponent == "desk.json" {
            let decode = { (data: Data) in try DeskJSON.decode(DeskSettings.self, from: data, path: path) }
            let merge = SettingsMerge(base: try base.map(decode), ours: try decode(ours), theirs: try decode(theirs), take: nil)
            return merge.clashes.isEmpty ? try DeskJSON.encode(merge.settings) : nil
        }
        let decode = { (data: Data) in try DeskJSON.decode(Claim.self, from: data, path: path) }
        let merge = try ClaimMerge(base: try base.map(decode), ours: try decode(ours), theirs: try decode(theirs))
        return try merge.claim.map(DeskJSON.encode)
    }
}

extension DeskStore {
    /// Makes plain git merge claims as sync does: the clone's configuration names the driver
    /// (`command` is how git runs FactDesk), and the desk's committed `.gitattributes` routes
    /// claim files and `desk.json` to it (one commit, only when the file lacks the lines).
    public func installMergeDriver(command: String, editor: Editor) throws {
        try configureMergeDriver(command: command)
        let path = layout.attributesFile
        try commit(as: editor) { snapshot in
            let existing = try snapshot.data(at: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
            guard let text = MergeDriver.attributesText(adding: existing) else { return StagedChange(files: [:], message: "", result: ()) }
            return StagedChange(files: [path: Data(text.utf8)], message: "merge-driver install: claims merge field by field\n",
                                result: ())
        }
    }

    /// Names the driver in this clone's git configuration (`merge.factdesk.driver`), which no commit carries.
    public func configureMergeDriver(command: String) throws {
        try serialized {
            try gitCall {
                try repository.setConfigString("merge.\(MergeDriver.name).name", "FactDesk: merge claims field by field")
                try repository.setConfigString("merge.\(MergeDriver.name).driver", "\(command) merge-driver merge %O %A %B %P")
            }
        }
    }
}
