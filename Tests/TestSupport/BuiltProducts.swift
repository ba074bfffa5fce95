import Foundation

/// The products `swift build` made beside the running tests.
public enum BuiltProducts {
    /// The `factdesk` binary built beside this test bundle.
    public static let factdesk: String = {
        let testBundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [testBundle, testBundle.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("factdesk").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent().appendingPathComponent("factdesk").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) } ?? "factdesk"
    }()

    /// The package's root folder.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
