import Foundation
import TestSupport
import Testing

/// `factdesk import --format hypothesis` through the built binary: the fixture of the library's
/// tests imported in one commit by the importing editor, a summary with the annotations left out,
/// nothing new on a second run, and hostile files refused with one error line and the store unchanged.
@Suite(.serialized) struct HypothesisImportCLITests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FactDeskTests/Fixtures")

    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: fixtures.appendingPathComponent(name))
    }

    /// A desk with the two stories the fixture annotates, and the fixture beside it.
    static func desk() throws -> CLIDesk {
        let desk = try CLIDesk()
        for (id, url, file) in [("harbour-fares", "https://news.example/harbour-fares", "hypothesis-harbour.txt"),
                                ("council-vote", "https://news.example/council-vote/", "hypothesis-council.txt")] {
            _ = try desk.succeed(["article", "add", "-", "--id", id, "--title", id, "--url", url], input: try fixture(file))
        }
        try desk.directory.write(try fixture("hypothesis-search.json"), to: "hypothesis-search.json")
        return desk
    }

    @Test func theBinaryImportsTheFixtureInOneCommitByTheImportingEditor() throws {
        let desk = try Self.desk()
        let before = try desk.commitCount()
        let output = try desk.succeed(["import", "--format", "hypothesis", "hypothesis-search.json"])
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.count == 6, "\(output)")
        #expect(lines.first?.hasPrefix("Imported 8 new, 0 updated, 0 unchanged; 7 anchored by quote; orphaned (quote not found): c-") == true,
                "\(output)")
        #expect(lines.first?.hasSuffix("; 1 not in the desk, 4 skipped") == true, "\(output)")
        #expect(lines.dropFirst().first == "not in the desk: Nv1aG3aBEe-otherstory https://other.example/port-strike “Dockers to strike | Other Example”")
        #expect(lines.dropFirst(2).allSatisfy { $0.hasPrefix("skipped: ") }, "\(output)")
        #expect(try desk.commitCount() == before + 1)
        #expect(try desk.git("log", "-1", "--format=%an|%s") == "Ana Ruiz|import 13 Hypothesis annotation(s) from hypothesis-search.json: "
                + "8 new, 0 updated, 0 unchanged, 1 orphaned, 1 not in the desk, 4 skipped\n")
        #expect(try desk.git("status", "--porcelain").isEmpty)
        let claims = try desk.jsonArray(["claims"])
        #expect(claims.count == 8)
        #expect(claims.filter { $0["anchorIssue"] as? String == "orphaned" }.count == 1)
        let check = try desk.jsonObject(["check"])
        #expect((check["problems"] as? [Any])?.isEmpty == true, "\(check)")

        // Again, as JSON: all unchanged, no commit.
        let again = try desk.jsonObject(["import", "--format", "hypothesis", "hypothesis-search.json"])
        #expect((again["unchanged"] as? [String])?.count == 8 && (again["added"] as? [String])?.isEmpty == true)
        #expect((again["notInDesk"] as? [[String: Any]])?.first?["annotation"] as? String == "Nv1aG3aBEe-otherstory")
        #expect((again["skipped"] as? [[String: Any]])?.count == 4)
        #expect(try desk.commitCount() == before + 1)
    }

    @Test func textAsNoteAndTheW3CDefaultStayAsTheyWere() throws {
        let desk = try Self.desk()
        let summary = try desk.jsonObject(["import", "--format", "hypothesis", "--text-as", "note", "hypothesis-search.json"])
        let id = try #require((summary["added"] as? [String])?.first)
        let claim = try desk.jsonObject(["show", id])
        #expect(claim["claim"] as? String == "rise by 12% in January")
        #expect((claim["notes"] as? [[String: Any]])?.map { $0["text"] as? String } == ["Fares rise by 12% in January", "Tags: fares"])
        // Without --format the file is read as W3C, as before.
        try desk.expectRefused(["import", "hypothesis-search.json"], mentioning: ["W3C"])
    }

    @Test func hostileFilesAndOptionsAreRefusedWithOneErrorLineAndTheStoreUnchanged() throws {
        let desk = try Self.desk()
        func annotation(_ fields: String, page: String = "https://news.example/harbour-fares") -> String {
            #"{"id": "X1", "created": "2026-11-20T10:01:02.123456+00:00", "updated": "2026-11-20T10:01:02+00:00", "user": "acct:ana@hypothes.is", "#
                + #""target": [{"source": "\#(page)", "selector": [{"type": "TextQuoteSelector", "exact": "Fuel costs"}]}], "#
                + fields + "}"
        }
        let files: [(String, Data, [String])] = [
            ("not-json.json", Data("<html>rate limited</html>".utf8), ["not-json.json is not JSON"]),
            ("rows.json", Data(#"{"total": 1, "rows": 3}"#.utf8), ["wrong type at rows"]),
            ("no-id.json", Data("[\(annotation(#""text": "x""#).replacingOccurrences(of: #""id": "X1", "#, with: ""))]".utf8),
             ["annotation 1 (no id)", "missing id"]),
            ("no-target.json", Data(#"[{"id": "T1", "created": "2026-11-20T10:01:02Z", "updated": "2026-11-20T10:01:02Z", "user": "acct:ana@hypothes.is"}]"#.utf8),
             ["annotation 1 (id T1)", "missing target"]),
            ("bad-date.json", Data(#"{"rows": [\#(annotation(#""uri": "https://news.example/harbour-fares""#).replacingOccurrences(of: "2026-11-20T10:01:02+00:00", with: "yesterday"))]}"#.utf8),
             ["annotation 1 (id X1)", "updated"]),
            ("latin1.json", Data(#"[{"id": "Caf"#.utf8) + Data([0xE9]) + Data(#""}]"#.utf8), ["not valid UTF-8"]),
            ("escape.json", Data("[\(annotation(#""text": "x""#, page: #"https://other.example/\u001b[31mred"#))]".utf8), ["none of the 1 annotation(s)"]),
            ("big.json", Data(repeating: 0x20, count: 64 * 1024 * 1024 + 1), ["larger than 64 MiB"]),
        ]
        for (name, data, fragments) in files {
            try desk.directory.write(data, to: name)
            try desk.expectRefused(["import", "--format", "hypothesis", name], mentioning: fragments)
        }
        try desk.expectRefused(["import", "--format", "hypothesis", "--text-as", "quote", "hypothesis-search.json"], mentioning: ["--text-as"])
        try desk.expectRefused(["import", "--text-as", "note", "hypothesis-search.json"], mentioning: ["--format hypothesis"])
        try desk.expectRefused(["import", "--format", "hypothesis-json", "hypothesis-search.json"], mentioning: ["unknown import format"])
        try desk.expectRefused(["import", "--format", "hypothesis", "missing.json"], mentioning: ["missing.json"])
    }
}
