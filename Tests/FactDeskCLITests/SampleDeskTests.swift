import Foundation
import Testing
import TestSupport

/// The README's main job: the report on the sample desk committed in `annotations/`.
@Suite struct SampleDeskTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func factdesk(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(CLIDesk.binary, arguments + ["--store", Self.repositoryRoot.appendingPathComponent("annotations").path],
                              in: Self.repositoryRoot)
    }

    @Test func theSampleDeskReportListsItsOpenClaimsFirst() throws {
        let report = try factdesk(["report"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("Harbour Bridge reopens"))
        let open = try #require(report.stdout.range(of: "## Still unverified"))
        let settled = try #require(report.stdout.range(of: "## Settled"))
        #expect(open.lowerBound < settled.lowerBound)
        let json = try factdesk(["report", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let totals = try #require(object["totals"] as? [String: Any])
        #expect((totals["claims"] as? Int ?? 0) >= 6)
    }

    @Test func theSampleDeskIsHealthy() throws {
        let check = try factdesk(["check"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}
