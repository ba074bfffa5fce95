import Foundation
import TestSupport
import Testing

/// `factdesk export --format csv` and `factdesk import --format csv` through the built binary, as
/// a standards editor would use them with a spreadsheet in between.
@Suite("CSV export and import, end to end")
struct CSVImportCLITests {
    static let council = "The mayor said the budget grew. Critics said the budget shrank.\n\nThe budget vote is on Friday.\n"
    static let header = "article,claim id,claim,quote,paragraph,status,assignee,due date,claimant,sources,created,updated"
    static let formula = "=HYPERLINK(\"http://evil\",\"x\")"
    static let ben = ["FACTDESK_EDITOR": "Ben Okafor <ben@example.org>"]

    /// A desk with the council article, a claim whose text is a spreadsheet formula and one on paragraph 2.
    struct Scene {
        let desk: CLIDesk
        let formula: String
        let vote: String

        init() throws {
            desk = try CLIDesk()
            try desk.addArticle("council", title: "Council budget", text: CSVImportCLITests.council)
            formula = try desk.annotate("council", ["--quote", "the budget grew"], claim: CSVImportCLITests.formula,
                                        extra: ["--source", "https://council.example/minutes"])
            vote = try desk.annotate("council", ["--paragraph", "2"], claim: "The vote is on Friday")
        }

        /// The desk's CSV export with `change` applied to the record of claim `id`.
        func export(editing id: String? = nil, _ change: (String) -> String = { $0 }) throws -> String {
            let csv = try desk.succeed(["export", "--format", "csv"])
            return csv.components(separatedBy: "\r\n").map { id != nil && $0.contains(id!) ? change($0) : $0 }.joined(separator: "\r\n")
        }
    }

    @Test("An edited export comes back as one commit by the importing editor; the same file again changes nothing")
    func editedExportRoundTrip() throws {
        let scene = try Scene()
        let desk = scene.desk
        _ = try desk.succeed(["export", "--format", "csv", "--output", "claims.csv"])
        let exported = try String(contentsOf: desk.directory.url.appendingPathComponent("claims.csv"), encoding: .utf8)
        let printed = try scene.export()
        #expect(exported.hasPrefix(Self.header + "\r\n") && exported == printed)
        let edited = try scene.export(editing: scene.vote) {
            $0.replacingOccurrences(of: ",2,unverified,,,,", with: ",2,in-review,Ana Ruiz,2026-12-04,City Council,https://council.example/agenda")
        }
        try desk.writeInput(edited, to: "edited.csv")
        let commits = try desk.commitCount()
        let result = try desk.run(["import", "--format", "csv", "edited.csv"], environment: Self.ben)
        #expect(result.status == 0 && result.stdout == "Imported 0 new, 1 updated, 1 unchanged\n", "\(result.stderr)")
        #expect(try desk.commitCount() == commits + 1)
        #expect(try desk.git("log", "-1", "--format=%an <%ae>|%s")
                == "Ben Okafor <ben@example.org>|import 2 CSV row(s) from edited.csv: 0 new, 1 updated, 1 unchanged\n")
        #expect(try desk.git("show", "--name-only", "--format=", "HEAD").trimmingCharacters(in: .newlines) == (try desk.claimPath(scene.vote)))
        let vote = try desk.jsonObject(["show", scene.vote])
        #expect(vote["status"] as? String == "in-review" && vote["assignee"] as? String == "Ana Ruiz <ana@example.org>")
        #expect(vote["due"] as? String == "2026-12-04" && vote["claimant"] as? String == "City Council")
        #expect((vote["sources"] as? [[String: Any]])?.map { $0["url"] as? String } == ["https://council.example/agenda"])

        let before = try desk.fingerprint()
        let again = try desk.run(["import", "--format", "csv", "-"], input: Data(edited.utf8), environment: Self.ben)
        #expect(again.status == 0 && again.stdout == "Imported 0 new, 0 updated, 2 unchanged\n", "\(again.stderr)")
        #expect(try desk.fingerprint() == before)
        try GitAgreementTests.expectRepositoryConsistent(desk)
    }

    @Test("Claim text that is a formula is exported behind an apostrophe and comes back exactly")
    func formulaIsEscaped() throws {
        let scene = try Scene()
        let csv = try scene.export()
        #expect(csv.contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\","), "\(csv)")
        #expect(!csv.contains(",\"=HYPERLINK") && !csv.contains(",=HYPERLINK"))
        let other = try CLIDesk()
        try other.addArticle("council", title: "Council budget", text: Self.council)
        let result = try other.run(["import", "--format", "csv", "-", "--json"], input: Data(csv.utf8))
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
        #expect((summary["added"] as? [String])?.sorted() == [scene.formula, scene.vote].sorted())
        #expect(try other.jsonObject(["show", scene.formula])["claim"] as? String == Self.formula)
    }

    @Test("--skip-bad commits the good rows in one commit and lists the bad ones, in text and JSON")
    func skipBad() throws {
        let scene = try Scene()
        let desk = scene.desk
        let csv = [
            "claim,article,quote,status",
            "New from the sheet,council,Critics said,in-review",
            "Lost,no-such-article,anything,",
            "Unknown status,council,the budget shrank,done",
            "\"Two\nlines\",council,the budget shrank,",
            "",
        ].joined(separator: "\r\n")
        try desk.writeInput(csv, to: "sheet.csv")
        try desk.expectRefused(["import", "--format", "csv", "sheet.csv"],
                               mentioning: ["sheet.csv, row 3 (the header is row 1)", "no-such-article", "2 more row(s)", "--skip-bad"])
        let commits = try desk.commitCount()
        let result = try desk.run(["import", "--format", "csv", "sheet.csv", "--skip-bad"], environment: Self.ben)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Imported 1 new, 0 updated, 0 unchanged; skipped 3 bad row(s):")
        #expect(lines.count == 4 && lines[1].hasPrefix("  row 3: ") && lines[2].hasPrefix("  row 4: ") && lines[3].hasPrefix("  row 5: "))
        #expect(lines[1].contains("no-such-article") && lines[2].contains("done") && lines[3].contains("line break"))
        #expect(try desk.commitCount() == commits + 1)
        #expect(try desk.git("log", "-1", "--format=%an").hasPrefix("Ben Okafor"))
        let listed = try desk.jsonArray(["claims", "--status", "in-review"])
        #expect(listed.map { $0["claim"] as? String } == ["New from the sheet"])

        // Again, as JSON: the new row is now unchanged, the bad ones still listed, nothing committed.
        let before = try desk.fingerprint()
        let summary = try desk.jsonObject(["import", "--format", "csv", "sheet.csv", "--skip-bad"])
        #expect((summary["unchanged"] as? [String])?.count == 1 && (summary["added"] as? [String])?.isEmpty == true)
        let skipped = try #require(summary["skipped"] as? [[String: Any]])
        #expect(skipped.map { $0["row"] as? Int } == [3, 4, 5])
        #expect((skipped[1]["problem"] as? String)?.contains("unknown status 'done'") == true)
        #expect(try desk.fingerprint() == before)
    }

    @Test("A header-only file is nothing to import; the store is left as it was")
    func headerOnly() throws {
        let scene = try Scene()
        let before = try scene.desk.fingerprint()
        for input in [Self.header + "\r\n", "\u{FEFF}" + Self.header, "article,claim,paragraph\n\n\n"] {
            let result = try scene.desk.run(["import", "--format", "csv", "-"], input: Data(input.utf8))
            #expect(result.status == 0 && result.stdout == "Nothing to import: standard input has a header row and no claim rows\n",
                    "\(result.stdout) \(result.stderr)")
        }
        #expect(try scene.desk.fingerprint() == before)
    }

    /// A hostile CSV file, what its one error line must mention, and whether the fault is in one
    /// row (which `--skip-bad` then skips) rather than in the whole file.
    struct HostileFile: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: @Sendable () -> [UInt8]
        let mentioning: [String]
        let inOneRow: Bool
        var testDescription: String { name }

        init(_ name: String, _ text: String, mentioning: [String], inOneRow: Bool = true) {
            self.init(name, bytes: { Array(text.utf8) }, mentioning: mentioning, inOneRow: inOneRow)
        }

        init(_ name: String, bytes: @escaping @Sendable () -> [UInt8], mentioning: [String], inOneRow: Bool = false) {
            self.name = name
            self.bytes = bytes
            self.mentioning = mentioning
            self.inOneRow = inOneRow
        }

        static let row = "council,,A claim,the budget grew,,,,,,,,"
        static let all: [HostileFile] = [
            HostileFile("not UTF-8", bytes: { Array("\(header)\r\ncouncil,,Caf".utf8) + [0xE9] + Array(",the budget grew,,,,,,,,\r\n".utf8) },
                        mentioning: ["row 2", "UTF-8"]),
            HostileFile("UTF-16", bytes: { [0xFF, 0xFE] + Array(header.utf8).flatMap { [$0, 0] } }, mentioning: ["NUL", "UTF-8"]),
            HostileFile("a NUL byte in a cell", "\(header)\r\ncouncil,,A\0claim,the budget grew,,,,,,,,\r\n", mentioning: ["row 2", "NUL"],
                        inOneRow: false),
            HostileFile("unbalanced quotes", "\(header)\r\n\(row)\r\ncouncil,,\"An open claim,the budget grew,,,,,,,,\r\n\(row)\r\n",
                        mentioning: ["row 3", "never closed"], inOneRow: false),
            HostileFile("a stray quote", "\(header)\r\ncouncil,,A \"claim\",the budget grew,,,,,,,,\r\n", mentioning: ["row 2", "double quote"],
                        inOneRow: false),
            HostileFile("more fields than the header", "\(header)\r\n\(row),extra\r\n", mentioning: ["row 2", "13 field(s)", "12 column(s)"]),
            HostileFile("fewer fields than the header", "\(header)\r\ncouncil,,A claim\r\n", mentioning: ["row 2", "3 field(s)"]),
            HostileFile("an empty file", "", mentioning: ["empty"], inOneRow: false),
            HostileFile("only a BOM and blank lines", "\u{FEFF}\r\n\r\n", mentioning: ["empty"], inOneRow: false),
            HostileFile("a 50 MB file", bytes: {
                Array((header + "\r\n" + String(repeating: row + "\r\n", count: 50_000_000 / (row.utf8.count + 2))).utf8)
            }, mentioning: ["47 MiB", "32 MiB"]),
            HostileFile("a control character in a claim", "\(header)\r\ncouncil,,Ring\u{7} the bell,the budget grew,,,,,,,,\r\n",
                        mentioning: ["row 2", "U+0007"]),
            HostileFile("a bidi override in the claimant", "\(header)\r\ncouncil,,A claim,the budget grew,,,,,Paid \u{202E}0001$,,,\r\n",
                        mentioning: ["row 2", "U+202E"]),
            HostileFile("a line break in a claim", "\(header)\r\ncouncil,,\"Two\r\nlines\",the budget grew,,,,,,,,\r\n",
                        mentioning: ["row 2", "one line"]),
            HostileFile("a control character in a quote", "\(header)\r\ncouncil,,A claim,\"the budget\u{1B}[31m grew\",,,,,,,,\r\n",
                        mentioning: ["row 2", "U+001B"]),
            HostileFile("unknown columns", "article,claim,quote,colour,size\r\ncouncil,A claim,the budget grew,red,3\r\n",
                        mentioning: ["'colour'", "'size'"], inOneRow: false),
            HostileFile("no claim column", "article,quote\r\ncouncil,the budget grew\r\n", mentioning: ["'claim'"], inOneRow: false),
            HostileFile("no header", "\(row)\r\n", mentioning: ["unknown column", "'council'"], inOneRow: false),
            HostileFile("an unknown article", "\(header)\r\nno-such-story,,A claim,the budget grew,,,,,,,,\r\n",
                        mentioning: ["row 2", "no-such-story"]),
            HostileFile("an article id escaping the store", "\(header)\r\n../x,,A claim,the budget grew,,,,,,,,\r\n", mentioning: ["../x"]),
            HostileFile("a claim id escaping its folder", "\(header)\r\ncouncil,../../desk,A claim,the budget grew,,,,,,,,\r\n",
                        mentioning: ["row 2", "../../desk"]),
            HostileFile("a quote not in the article", "\(header)\r\ncouncil,,A claim,the budget fell,,,,,,,,\r\n",
                        mentioning: ["row 2", "the budget fell"]),
            HostileFile("an ambiguous quote", "\(header)\r\ncouncil,,A claim,budget,,,,,,,,\r\n", mentioning: ["row 2", "3 times", "occurrence"]),
            HostileFile("verified without a source", "\(header)\r\ncouncil,,A claim,the budget shrank,,verified,,,,,,\r\n",
                        mentioning: ["row 2", "source"]),
            HostileFile("a javascript: source", "\(header)\r\ncouncil,,A claim,the budget shrank,,,,,,javascript:alert(1),,\r\n",
                        mentioning: ["row 2", "javascript:alert(1)"]),
            HostileFile("an unknown assignee", "\(header)\r\ncouncil,,A claim,the budget shrank,,,Nobody Known,,,,,\r\n",
                        mentioning: ["row 2", "Nobody Known"]),
            HostileFile("a bad due date", "\(header)\r\ncouncil,,A claim,the budget shrank,,,,next week,,,,\r\n",
                        mentioning: ["row 2", "next week"]),
        ]
    }

    @Test("Each hostile file is refused: one error line, non-zero exit, the store unchanged; --skip-bad skips only a bad row",
          arguments: HostileFile.all)
    func hostileFile(_ hostile: HostileFile) throws {
        let desk = try Scene().desk
        try desk.directory.write(Data(hostile.bytes()), to: "hostile.csv")
        try desk.expectRefused(["import", "--format", "csv", "hostile.csv"], mentioning: hostile.mentioning + ["hostile.csv"])
        let skipping = ["import", "--format", "csv", "hostile.csv", "--skip-bad"]
        guard hostile.inOneRow else {
            try desk.expectRefused(skipping, mentioning: ["hostile.csv"])
            return
        }
        let before = try desk.fingerprint()
        let skipped = try #require(try desk.jsonObject(skipping)["skipped"] as? [[String: Any]])
        #expect(skipped.map { $0["row"] as? Int } == [2])
        #expect(try desk.fingerprint() == before)
    }

    @Test("--skip-bad is refused with the W3C format, and an unknown format is named")
    func formatMistakes() throws {
        let scene = try Scene()
        try scene.desk.writeInput("{}", to: "a.json")
        try scene.desk.expectRefused(["import", "a.json", "--skip-bad"], mentioning: ["--skip-bad", "csv"])
        try scene.desk.expectRefused(["import", "--format", "xlsx", "a.json"], mentioning: ["xlsx", "w3c", "csv"])
        try scene.desk.expectRefused(["export", "--format", "tsv"], mentioning: ["tsv", "csv"])
    }
}
