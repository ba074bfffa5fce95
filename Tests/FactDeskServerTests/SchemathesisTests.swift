import Foundation
import TestSupport
import Testing

/// The committed OpenAPI document checked against a running `factdesk serve` by schemathesis
/// (PyPI), through `Tests/Server/schemathesis_run.py`: no 5xx on any generated input, every
/// response matching the document. Fails, never skips, when python3 or schemathesis is missing:
/// CI installs them (`python3 -m pip install schemathesis==4.32.5`, or into a virtual environment
/// named by `FACTDESK_TEST_PYTHON`).
@Suite struct SchemathesisTests {
    static let repository = BuiltProducts.packageRoot

    /// The `factdesk` built beside this test bundle.
    static let factdesk: String? = FileManager.default.isExecutableFile(atPath: BuiltProducts.factdesk) ? BuiltProducts.factdesk : nil

    /// `$FACTDESK_TEST_PYTHON` (a virtual environment's python, say), else the `python3` first on
    /// PATH, the one `python3 -m pip install` installed schemathesis for.
    static let python: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let chosen = environment["FACTDESK_TEST_PYTHON"], !chosen.isEmpty { return chosen }
        return ((environment["PATH"] ?? "").split(separator: ":").map { "\($0)/python3" } + ["/usr/bin/python3"])
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    @Test(.timeLimit(.minutes(10)))
    func theRunningServerKeepsTheDocumentsPromises() throws {
        let factdesk = try #require(Self.factdesk, "no factdesk binary beside the test bundle; build the package first")
        let python = try #require(Self.python, "python3 is not installed; schemathesis needs it")
        let script = Self.repository.appendingPathComponent("Tests/Server/schemathesis_run.py").path
        let result = try ProcessRunner.run(
            python, [script, "--factdesk", factdesk], in: Self.repository,
            environment: ["NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost", "PYTHONUNBUFFERED": "1"])
        #expect(!result.crashed, "schemathesis_run.py crashed: \(result.stderr)")
        #expect(result.status == 0, """
            schemathesis_run.py failed (\(result.status)):
            \(result.stdout.suffix(12_000))
            \(result.stderr.suffix(4_000))
            """)
    }
}
