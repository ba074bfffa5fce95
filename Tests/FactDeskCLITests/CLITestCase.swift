import Foundation
import TestSupport

/// A throwaway desk driven through the built `factdesk` binary, as a user or a script would.
final class CLIDesk {
    let directory: TemporaryDirectory
    let editor = "Ana Ruiz <ana@example.org>"

    /// The `factdesk` built beside this test bundle.
    static let binary: String = {
        let testBundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [testBundle, testBundle.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("factdesk").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent().appendingPathComponent("factdesk").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) } ?? "factdesk"
    }()

    /// A new temporary folder with a desk created in `desk/` by `factdesk init`.
    init() throws {
        directory = try TemporaryDirectory("factdesk-cli")
        let result = try run(["init"])
        guard result.status == 0 else { throw TestFailure("init failed: \(result.stderr)") }
    }

    var deskURL: URL { directory.url.appendingPathComponent("desk") }

    /// Runs `factdesk ARGUMENTS --store desk` with the test editor in the environment.
    @discardableResult
    func run(_ arguments: [String], input: Data? = nil, environment: [String: String]? = nil) throws -> ProcessResult {
        try ProcessRunner.run(Self.binary, arguments + ["--store", "desk"], in: directory.url, input: input,
                              environment: environment ?? ["FACTDESK_EDITOR": editor])
    }

    /// Runs a command that must succeed and returns its stdout.
    func succeed(_ arguments: [String], input: Data? = nil) throws -> String {
        let result = try run(arguments, input: input)
        guard result.status == 0 else {
            throw TestFailure("factdesk \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
        }
        return result.stdout
    }

    func fingerprint() throws -> StoreFingerprint {
        try StoreFingerprint(repository: deskURL)
    }
}
