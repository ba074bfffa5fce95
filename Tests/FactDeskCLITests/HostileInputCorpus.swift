import Foundation
import TestSupport
import Testing

/// One hostile input: how to damage a fresh copy of the pristine desk (if at all), and the one
/// `factdesk` command that must then be refused. Arguments may use the placeholders of
/// `HostileScene.resolve` (`{open}`, `{open-file}`, `{council}`, …); `--store desk` is appended.
struct HostileCase: Sendable, CustomTestStringConvertible {
    enum Kind: Sendable { case read, write }
    enum Editor: Sendable { case standard, none }
    enum Launcher: Sendable {
        case direct
        /// The desk bind-mounted read-only over itself in a private mount namespace (`unshare -rm`).
        case readOnlyMount
        /// Run as `nobody` (uid 65534) with `setpriv`, against the desk owned by root.
        case otherUser
    }

    let name: String
    let arguments: [String]
    let kind: Kind
    /// An argument-parser usage error ("Error: …" and the usage text), not a FactDesk refusal.
    let usage: Bool
    let stdin: [UInt8]?
    let editor: Editor
    let environment: [String: String]
    /// Appended as `--store STORE`; nil appends nothing.
    let store: String?
    /// The folder (relative to the case's folder) whose repository state must not change; every file of the
    /// case's folder is compared whatever it is.
    let watched: String
    let launcher: Launcher
    /// What the one error line must name (placeholders allowed).
    let mentioning: [String]
    let knownIssue: HostileKnownIssue?
    let setup: (@Sendable (HostileScene) throws -> Void)?

    init(_ name: String, _ arguments: [String], _ kind: Kind, usage: Bool = false, stdin: [UInt8]? = nil,
         editor: Editor = .standard, environment: [String: String] = [:], store: String? = "desk",
         watched: String = "desk", launcher: Launcher = .direct, mentioning: [String] = [],
         knownIssue: HostileKnownIssue? = nil, setup: (@Sendable (HostileScene) throws -> Void)? = nil) {
        self.name = name
        self.arguments = arguments
        self.kind = kind
        self.usage = usage
        self.stdin = stdin
        self.editor = editor
        self.environment = environment
        self.store = store
        self.watched = watched
        self.launcher = launcher
        self.mentioning = mentioning
        self.knownIssue = knownIssue
        self.setup = setup
    }

    var testDescription: String { name }
}

/// The corpus: every way we could think of to feed `factdesk` something hostile.
enum HostileCorpus {
    static var cases: [HostileCase] {
        var all = storeDamage + articleText + slugs + claimIDs + selectors + statuses + urlsAndFields + editors
            + storeLocation + formatsAndImport
        if HostileLaunch.readOnlyMountAvailable { all += readOnlyMount }
        if HostileLaunch.otherUserAvailable { all += otherUser }
        return all
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
    static let someText = bytes("Some text for a new article.\n")
    static let addFromStdin = ["article", "add", "-", "--title", "A new article", "--id"]

    // MARK: Committed damage to the store's files

    static let storeDamage: [HostileCase] = [
        HostileCase("claim JSON malformed → show", ["show", "{open}"], .read, mentioning: ["{open-file}", "not valid JSON"]) {
            try $0.commitBytes(bytes("{ \"id\": \"c-\n  \"status\" : [}\n"), to: "{open-file}")
        },
        HostileCase("claim JSON truncated → verify", ["verify", "{open}", "--source", "https://stats.example/budget"], .write,
                    mentioning: ["{open-file}"]) { scene in
            let whole = try scene.read(desk: "{open-file}")
            try scene.commitBytes(Array(whole.utf8.prefix(whole.utf8.count / 2)), to: "{open-file}")
        },
        HostileCase("claim file empty → status", ["status", "{open}", "in-review"], .write, mentioning: ["{open-file}"]) {
            try $0.commitBytes([], to: "{open-file}")
        },
        HostileCase("claim JSON with wrong types → claims", ["claims"], .read, mentioning: ["{open-file}", "paragraph"]) {
            try $0.commitEdit("{open-file}") { $0.replacingOccurrences(of: "\"paragraph\" : 1", with: "\"paragraph\" : \"one\"") }
        },
        HostileCase("claim JSON is an array → show --json", ["show", "{open}", "--json"], .read, mentioning: ["{open-file}"]) {
            try $0.commitBytes(bytes("[]\n"), to: "{open-file}")
        },
        HostileCase("claim JSON is binary garbage → report --format json", ["report", "--format", "json"], .read,
                    mentioning: ["{open-file}"]) {
            try $0.commitBytes([0xFF, 0xFE, 0x00, 0x7B, 0x00, 0x01, 0x80, 0x22], to: "{open-file}")
        },
        HostileCase("claim JSON truncated → article show", ["article", "show", "council"], .read, mentioning: ["{open-file}"]) { scene in
            let whole = try scene.read(desk: "{open-file}")
            try scene.commitBytes(Array(whole.utf8.prefix(40)), to: "{open-file}")
        },
        HostileCase("claim whose id does not match its file name → show", ["show", "{open}"], .read,
                    mentioning: ["{open-file}"]) { scene in
            try scene.commitEdit("{open-file}") { $0.replacingOccurrences(of: "\"id\" : \"{open}\"".hostileResolved(scene),
                                                                          with: "\"id\" : \"{twin}\"".hostileResolved(scene)) }
        },
        HostileCase("claim filed under a different article → claims council", ["claims", "council"], .read,
                    mentioning: ["{council}/claims/{harbour-claim}.json"]) { scene in
            try scene.git("mv", "{harbour-claim-file}", "{council}/claims/{harbour-claim}.json")
            try scene.commitDamage("move a claim to another article")
        },
        HostileCase("claim with an unknown status in the store → claims --status", ["claims", "--status", "unverified"], .read,
                    mentioning: ["{open-file}", "status"]) {
            try $0.commitEdit("{open-file}") { $0.replacingOccurrences(of: "\"status\" : \"unverified\"", with: "\"status\" : \"done\"") }
        },
        // `history` of a claim whose committed JSON is malformed deliberately works: it is how an editor
        // finds the last good version to restore (BadInputTests asserts it).
        HostileCase("claim anchor out of range in the store → verify",
                    ["verify", "{open}", "--source", "https://stats.example/budget"], .write, mentioning: ["{open-file}"]) {
            try $0.commitEdit("{open-file}") { $0.replacingOccurrences(of: "\"end\" : 63", with: "\"end\" : 999999") }
        },
        HostileCase("article.json malformed → article show", ["article", "show", "council"], .read,
                    mentioning: ["{council}/article.json"]) {
            try $0.commitBytes(bytes("{\"title\": \n"), to: "{council}/article.json")
        },
        HostileCase("article.json truncated → annotate", ["annotate", "council", "--paragraph", "1", "--claim", "x"], .write,
                    mentioning: ["{council}/article.json"]) { scene in
            let whole = try scene.read(desk: "{council}/article.json")
            try scene.commitBytes(Array(whole.utf8.prefix(30)), to: "{council}/article.json")
        },
        HostileCase("article.json id does not match its folder → article list", ["article", "list"], .read,
                    mentioning: ["{council}/article.json"]) {
            try $0.commitEdit("{council}/article.json") { $0.replacingOccurrences(of: "\"id\" : \"council\"", with: "\"id\" : \"harbour\"") }
        },
        HostileCase("article.json with wrong types → report council", ["report", "council"], .read,
                    mentioning: ["{council}/article.json"]) {
            try $0.commitEdit("{council}/article.json") { $0.replacingOccurrences(of: "\"revision\" : 1", with: "\"revision\" : \"first\"") }
        },
        HostileCase("article.json removed, text and claims left → article list", ["article", "list"], .read,
                    mentioning: ["{council}/article.json"]) { scene in
            try scene.git("rm", "-q", "{council}/article.json")
            try scene.commitDamage("remove article.json")
        },
        HostileCase("article.json removed, text and claims left → article add over the leftovers",
                    addFromStdin + ["council"], .write, stdin: someText, mentioning: ["council"]) { scene in
            try scene.git("rm", "-q", "{council}/article.json")
            try scene.commitDamage("remove article.json")
        },
        HostileCase("text.txt missing → article show", ["article", "show", "council"], .read, mentioning: ["{council}/text.txt"]) { scene in
            try scene.git("rm", "-q", "{council}/text.txt")
            try scene.commitDamage("remove text.txt")
        },
        HostileCase("text.txt missing → annotate", ["annotate", "council", "--quote", "budget grew", "--claim", "x"], .write,
                    mentioning: ["{council}/text.txt"]) { scene in
            try scene.git("rm", "-q", "{council}/text.txt")
            try scene.commitDamage("remove text.txt")
        },
        HostileCase("text.txt missing → report", ["report"], .read, mentioning: ["{council}/text.txt"]) { scene in
            try scene.git("rm", "-q", "{council}/text.txt")
            try scene.commitDamage("remove text.txt")
        },
        HostileCase("text.txt committed with invalid UTF-8 → article show", ["article", "show", "council"], .read,
                    mentioning: ["{council}/text.txt", "UTF-8"]) {
            try $0.commitBytes(bytes("The mayor said ") + [0xC3, 0x28, 0xFF] + bytes(" grew.\n"), to: "{council}/text.txt")
        },
        HostileCase("text.txt committed with a NUL byte → article show", ["article", "show", "council"], .read,
                    mentioning: ["{council}/text.txt"]) {
            try $0.commitBytes(bytes("The mayor said\0 the budget grew.\n"), to: "{council}/text.txt")
        },
        HostileCase("text.txt committed with U+202E → annotate", ["annotate", "council", "--paragraph", "1", "--claim", "x"], .write,
                    mentioning: ["{council}/text.txt"]) {
            try $0.commitBytes(bytes("The mayor said \u{202E}the budget grew.\n"), to: "{council}/text.txt")
        },
        HostileCase("claims folder replaced by a symlink out of the repository (working tree) → annotate",
                    annotate(["--paragraph", "1"]), .write, mentioning: ["claims"],
                    setup: symlinkClaimsOutside),
        HostileCase("claims folder committed as a symlink → annotate", annotate(["--paragraph", "1"]), .write,
                    mentioning: ["{council}/claims"]) { scene in
            try symlinkClaimsOutside(scene)
            try scene.commitDamage("claims folder as a symlink")
        },
        HostileCase("desk.json schemaVersion 99 → claims", ["claims"], .read, mentioning: ["desk.json", "99"]) {
            try $0.commitEdit("desk.json") { $0.replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 99") }
        },
        HostileCase("desk.json schemaVersion 99 → annotate", ["annotate", "council", "--paragraph", "1", "--claim", "x"], .write,
                    mentioning: ["99"]) {
            try $0.commitEdit("desk.json") { $0.replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 99") }
        },
        HostileCase("desk.json malformed → report", ["report"], .read, mentioning: ["desk.json"]) {
            try $0.commitBytes(bytes("{\n"), to: "desk.json")
        },
        HostileCase("desk.json truncated → article add", addFromStdin + ["fresh"], .write, stdin: someText,
                    mentioning: ["desk.json"]) { scene in
            let whole = try scene.read(desk: "desk.json")
            try scene.commitBytes(Array(whole.utf8.prefix(10)), to: "desk.json")
        },
        HostileCase("desk.json with schemaVersion as a string → status", ["status", "{open}", "in-review"], .write,
                    mentioning: ["desk.json"]) {
            try $0.commitEdit("desk.json") { $0.replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : \"1\"") }
        },
        HostileCase("desk.json removed from the commit → claims", ["claims"], .read, mentioning: ["desk.json"]) { scene in
            try scene.git("rm", "-q", "desk.json")
            try scene.commitDamage("remove desk.json")
        },
    ]

    /// Moves council's claims/ away and puts a symlink to `outside/` (beside the desk) in its place.
    @Sendable static func symlinkClaimsOutside(_ scene: HostileScene) throws {
        let manager = FileManager.default
        let claims = scene.desk("{council}/claims")
        try manager.createDirectory(at: scene.root.appendingPathComponent("outside"), withIntermediateDirectories: true)
        try manager.moveItem(at: claims, to: scene.root.appendingPathComponent("claims-moved-away"))
        try manager.createSymbolicLink(atPath: claims.path, withDestinationPath: "../../../../outside")
    }

    // MARK: Article text supplied by an editor

    static let articleText: [HostileCase] = [
        HostileCase("article in Latin-1, not UTF-8 (file)", ["article", "add", "latin1.txt", "--id", "fresh", "--title", "T"], .write,
                    mentioning: ["latin1.txt", "UTF-8"]) {
            try $0.write([0x43, 0x61, 0x66, 0xE9, 0x20, 0x70, 0x72, 0x69, 0x63, 0x65, 0x73, 0x0A], outside: "latin1.txt")
        },
        HostileCase("article with a truncated UTF-8 sequence (stdin)", addFromStdin + ["fresh"], .write,
                    stdin: bytes("Prices rose ") + [0xE2, 0x82], mentioning: ["UTF-8"]),
        HostileCase("article with an overlong UTF-8 encoding of '/' (stdin)", addFromStdin + ["fresh"], .write,
                    stdin: bytes("a") + [0xC0, 0xAF] + bytes("b\n"), mentioning: ["UTF-8"]),
        HostileCase("article with a NUL byte (file)", ["article", "add", "nul.txt", "--id", "fresh", "--title", "T"], .write,
                    mentioning: ["nul.txt", "U+0000"]) {
            try $0.write(bytes("Dockers\0walked out.\n"), outside: "nul.txt")
        },
        HostileCase("article with a NUL byte (stdin)", addFromStdin + ["fresh"], .write, stdin: bytes("Dockers walked out.\0\n"),
                    mentioning: ["U+0000"]),
        HostileCase("article with a C0 control character U+0001", ["article", "add", "soh.txt", "--id", "fresh", "--title", "T"],
                    .write, mentioning: ["U+0001"]) {
            try $0.write(bytes("Start\u{1} of heading.\n"), outside: "soh.txt")
        },
        HostileCase("article with a terminal escape sequence", addFromStdin + ["fresh"], .write,
                    stdin: bytes("Clear \u{1B}[2J the screen.\n"), mentioning: ["U+001B"]),
        HostileCase("article with U+202E right-to-left override", ["article", "add", "bidi.txt", "--id", "fresh", "--title", "T"],
                    .write, mentioning: ["U+202E"]) {
            try $0.write(bytes("The invoice is for \u{202E}0001$ only.\n"), outside: "bidi.txt")
        },
        HostileCase("article with U+2067 right-to-left isolate", ["article", "add", "isolate.txt", "--id", "fresh", "--title", "T"],
                    .write, mentioning: ["U+2067"]) {
            try $0.write(bytes("Access is \u{2067}granted\u{2069} for admins only.\n"), outside: "isolate.txt")
        },
        HostileCase("empty article file", ["article", "add", "empty.txt", "--id", "fresh", "--title", "T"], .write,
                    mentioning: ["empty.txt"]) {
            try $0.write([], outside: "empty.txt")
        },
        HostileCase("article of white space only (stdin)", addFromStdin + ["fresh"], .write, stdin: bytes(" \n\n\t \u{A0}\n\u{2003}\n")),
        HostileCase("article of a byte-order mark only (stdin)", addFromStdin + ["fresh"], .write, stdin: [0xEF, 0xBB, 0xBF]),
        HostileCase("50 MB article", ["article", "add", "big.txt", "--id", "fresh", "--title", "T"], .write,
                    mentioning: ["big.txt", "MiB"]) {
            try $0.writeLarge("big.txt", mebibytes: 50)
        },
        HostileCase("article file that does not exist", ["article", "add", "no-such-file.txt", "--id", "fresh", "--title", "T"],
                    .write, mentioning: ["no-such-file.txt"]),
        HostileCase("article file that is a directory", ["article", "add", "folder", "--id", "fresh", "--title", "T"], .write,
                    mentioning: ["folder"]) {
            try FileManager.default.createDirectory(at: $0.root.appendingPathComponent("folder"), withIntermediateDirectories: true)
        },
        HostileCase("article update with invalid UTF-8", ["article", "update", "council", "-"], .write,
                    stdin: bytes("The mayor ") + [0xFF, 0xFE] + bytes(" said.\n"), mentioning: ["UTF-8"]),
        HostileCase("article update with an empty text", ["article", "update", "council", "-"], .write, stdin: []),
        HostileCase("article update with U+202E", ["article", "update", "council", "-"], .write,
                    stdin: bytes(HostileFixture.councilText + "Paid \u{202E}0001$.\n"), mentioning: ["U+202E"]),
    ]

    // MARK: Article ids (slugs)

    static let slugs: [HostileCase] = [
        HostileCase("slug ../x", addFromStdin + ["../x"], .write, stdin: someText, mentioning: ["../x"]),
        HostileCase("slug a/b", addFromStdin + ["a/b"], .write, stdin: someText, mentioning: ["a/b"]),
        HostileCase("slug .", addFromStdin + ["."], .write, stdin: someText),
        HostileCase("slug ..", addFromStdin + [".."], .write, stdin: someText),
        HostileCase("slug .git", addFromStdin + [".git"], .write, stdin: someText),
        HostileCase("slug CON", addFromStdin + ["CON"], .write, stdin: someText, mentioning: ["CON"]),
        HostileCase("slug con (reserved on Windows)", addFromStdin + ["con"], .write, stdin: someText, mentioning: ["con"]),
        HostileCase("slug nul", addFromStdin + ["nul"], .write, stdin: someText),
        HostileCase("slug com1", addFromStdin + ["com1"], .write, stdin: someText),
        HostileCase("slug claims (a folder name of the layout)", addFromStdin + ["claims"], .write, stdin: someText),
        HostileCase("slug -x given as --id=-x", ["article", "add", "-", "--title", "T", "--id=-x"], .write, stdin: someText,
                    mentioning: ["-x"]),
        HostileCase("slug -x as a separate argument (usage)", addFromStdin + ["-x"], .write, usage: true, stdin: someText),
        HostileCase("slug x-", addFromStdin + ["x-"], .write, stdin: someText),
        HostileCase("slug in upper case", addFromStdin + ["Council-Budget"], .write, stdin: someText, mentioning: ["Council-Budget"]),
        HostileCase("slug with spaces", addFromStdin + ["two words"], .write, stdin: someText),
        HostileCase("slug of 101 characters", addFromStdin + [String(repeating: "a", count: 101)], .write, stdin: someText),
        HostileCase("slug with unicode", addFromStdin + ["café"], .write, stdin: someText),
        HostileCase("slug with a full-width solidus", addFromStdin + ["a\u{FF0F}b"], .write, stdin: someText),
        HostileCase("slug empty", addFromStdin + [""], .write, stdin: someText),
        HostileCase("slug with a newline", addFromStdin + ["a\nb"], .write, stdin: someText),
        HostileCase("slug with a terminal title escape", addFromStdin + ["\u{1B}]0;pwned\u{7}x"], .write, stdin: someText),
        HostileCase("slug ../x → annotate", ["annotate", "../x", "--paragraph", "1", "--claim", "x"], .write, mentioning: ["../x"]),
        HostileCase("slug ../../etc/passwd → article show", ["article", "show", "../../etc/passwd"], .read,
                    mentioning: ["../../etc/passwd"]),
        HostileCase("slug .. → history --article", ["history", "--article", ".."], .read),
        HostileCase("slug a/b → report", ["report", "a/b"], .read, mentioning: ["a/b"]),
        HostileCase("slug CON → claims", ["claims", "CON"], .read),
        HostileCase("slug ../x → export", ["export", "../x"], .read),
        HostileCase("slug ../x → article update", ["article", "update", "../x", "-"], .write, stdin: someText),
        HostileCase("unknown article → article show", ["article", "show", "no-such-article"], .read, mentioning: ["no-such-article"]),
        HostileCase("unknown article → annotate", ["annotate", "no-such-article", "--paragraph", "1", "--claim", "x"], .write,
                    mentioning: ["no-such-article"]),
        HostileCase("duplicate article id", addFromStdin + ["council"], .write, stdin: someText, mentioning: ["council"]),
    ]

    // MARK: Claim ids

    static let claimIDs: [HostileCase] = [
        HostileCase("claim id ../desk.json → show", ["show", "../desk.json"], .read, mentioning: ["../desk.json"]),
        HostileCase("claim id with ../ → status", ["status", "c-../../desk", "in-review"], .write, mentioning: ["c-../../desk"]),
        HostileCase("claim id / → source add", ["source", "add", "/", "https://stats.example/budget"], .write),
        HostileCase("claim id of a real claim with a path after it → show", ["show", "{open}/../../../desk.json"], .read),
        HostileCase("claim id empty → show", ["show", ""], .read),
        HostileCase("claim id with a newline posing as a second message → show", ["show", "c-a\nfactdesk: note: all good"], .read),
        HostileCase("claim id with backspaces over the error prefix → show",
                    ["show", "c-zz" + String(repeating: "\u{8}", count: 40) + "all good"], .read),
        HostileCase("claim id c- alone → history", ["history", "c-"], .read),
        HostileCase("unknown claim id → verify", ["verify", "c-zzzzzzzz", "--source", "https://stats.example/budget"], .write,
                    mentioning: ["c-zzzzzzzz"]),
        HostileCase("unknown claim id → reanchor", ["reanchor", "c-zzzzzzzz", "--paragraph", "1"], .write, mentioning: ["c-zzzzzzzz"]),
        HostileCase("ambiguous claim id prefix → show", ["show", "{open-prefix}"], .read,
                    mentioning: ["{open-prefix}", "{open}", "{twin}"], setup: addTwinClaim),
        HostileCase("ambiguous claim id prefix → status", ["status", "{open-prefix}", "false"], .write,
                    mentioning: ["{open}", "{twin}"], setup: addTwinClaim),
    ]

    /// Commits a copy of the open claim under a made-up id sharing its first digits.
    @Sendable static func addTwinClaim(_ scene: HostileScene) throws {
        let json = try scene.read(desk: "{open-file}")
            .replacingOccurrences(of: "\"id\" : \"\(scene.fixture.open)\"", with: "\"id\" : \"\(scene.fixture.twin)\"")
        try scene.write(json, toDesk: "{council}/claims/{twin}.json")
        try scene.commitDamage("a second claim sharing a prefix")
    }

    // MARK: Where in the text: spans, paragraphs, quotes

    static func annotate(_ selector: [String]) -> [String] {
        ["annotate", "council"] + selector + ["--claim", "A claim"]
    }

    /// `annotate council --paragraph 1 --claim TEXT`.
    static func claimText(_ text: [String]) -> [String] {
        ["annotate", "council", "--paragraph", "1", "--claim"] + text
    }

    static let selectors: [HostileCase] = [
        HostileCase("span 5-3 (reversed)", annotate(["--span", "5-3"]), .write, mentioning: ["5-3"]),
        HostileCase("span 4-4 (empty)", annotate(["--span", "4-4"]), .write, mentioning: ["4-4"]),
        HostileCase("span -1-4 given as --span=-1-4", annotate(["--span=-1-4"]), .write, mentioning: ["-1-4"]),
        HostileCase("span -1-4 as a separate argument (usage)", annotate(["--span", "-1-4"]), .write, usage: true),
        HostileCase("span 0-999999 past the end", annotate(["--span", "0-999999"]), .write, mentioning: ["0-999999", "{council-length}"]),
        HostileCase("span past Int.max", annotate(["--span", "0-99999999999999999999"]), .write),
        HostileCase("span abc", annotate(["--span", "abc"]), .write, mentioning: ["abc"]),
        HostileCase("span cutting a flag emoji in two", annotate(["--span", "{flag-half}"]), .write, mentioning: ["{flag-half}"]),
        HostileCase("paragraph 0", annotate(["--paragraph", "0"]), .write, mentioning: ["0"]),
        HostileCase("paragraph -1 given as --paragraph=-1", annotate(["--paragraph=-1"]), .write, mentioning: ["-1"]),
        HostileCase("paragraph 999", annotate(["--paragraph", "999"]), .write, mentioning: ["999", "3"]),
        HostileCase("paragraph Int.max", annotate(["--paragraph", "9223372036854775807"]), .write),
        HostileCase("quote not found", annotate(["--quote", "the budget fell"]), .write, mentioning: ["the budget fell"]),
        HostileCase("quote empty", annotate(["--quote", ""]), .write),
        HostileCase("quote of half a flag", annotate(["--quote", "\u{1F1FA}"]), .write),
        HostileCase("quote ambiguous (lists the occurrences)", annotate(["--quote", "budget"]), .write,
                    mentioning: ["budget", "--occurrence", "¶1 at 19-25", "¶1 at 49-55"]),
        HostileCase("occurrence 3 of a quote found twice", annotate(["--quote", "budget", "--occurrence", "3"]), .write,
                    mentioning: ["3", "2"]),
        HostileCase("occurrence 0", annotate(["--quote", "budget", "--occurrence", "0"]), .write),
        HostileCase("two selectors at once", annotate(["--paragraph", "1", "--span", "0-3"]), .write, mentioning: ["exactly one"]),
        HostileCase("reanchor with a reversed span", ["reanchor", "{open}", "--span", "5-3"], .write, mentioning: ["5-3"]),
    ]

    // MARK: Statuses and the verification rule

    static let statuses: [HostileCase] = [
        HostileCase("unknown status done", ["status", "{open}", "done"], .write, mentioning: ["done", "in-review", "unverifiable"]),
        HostileCase("unknown status empty", ["status", "{open}", ""], .write),
        HostileCase("unknown status with U+202E", ["status", "{open}", "veri\u{202E}deifi"], .write),
        HostileCase("unknown status with a terminal escape sequence", ["status", "{open}", "\u{1B}[2J\u{1B}[Hverified"], .write),
        HostileCase("unknown status → claims --status", ["claims", "--status", "bogus"], .read, mentioning: ["bogus"]),
        HostileCase("verify without any source", ["verify", "{open}"], .write, mentioning: ["{open}", "source"]),
        HostileCase("status verified without any source", ["status", "{open}", "verified"], .write, mentioning: ["source"]),
        HostileCase("status unchanged (already unverified)", ["status", "{open}", "unverified"], .write),
    ]

    // MARK: URLs and one-line fields

    static let urlsAndFields: [HostileCase] = [
        HostileCase("source 'not a url' → annotate", annotate(["--paragraph", "1", "--source", "not a url"]), .write,
                    mentioning: ["not a url"]),
        HostileCase("source 'x:' → source add", ["source", "add", "{open}", "x:"], .write, mentioning: ["x:"]),
        HostileCase("source empty → source add", ["source", "add", "{open}", ""], .write),
        HostileCase("source URL with a newline inside → source add", ["source", "add", "{open}", "https://stats.example/a\n- forged line"],
                    .write),
        HostileCase("source 'not a url' → verify", ["verify", "{open}", "--source", "not a url"], .write, mentioning: ["not a url"]),
        HostileCase("source already cited → source add", ["source", "add", "{sourced}", "https://council.example/agenda"], .write,
                    mentioning: ["https://council.example/agenda"]),
        HostileCase("source javascript:alert(1) → source add", ["source", "add", "{open}", "javascript:alert(1)"], .write,
                    mentioning: ["javascript:alert(1)"]),
        HostileCase("source data: URL → annotate", annotate(["--paragraph", "1", "--source", "data:text/html,<script>alert(1)</script>"]),
                    .write, mentioning: ["data:"]),
        HostileCase("source http:// without a host → verify", ["verify", "{open}", "--source", "http://"], .write,
                    mentioning: ["http://"]),
        HostileCase("article --url 'not a url'", addFromStdin + ["fresh", "--url", "not a url"], .write, stdin: someText,
                    mentioning: ["not a url"]),
        HostileCase("article --url javascript:alert(1)", addFromStdin + ["fresh", "--url", "javascript:alert(1)"], .write,
                    stdin: someText, mentioning: ["javascript:alert(1)"]),
        HostileCase("claim text with U+202E", claimText(["Paid \u{202E}0001$"]), .write,
                    mentioning: ["U+202E"]),
        HostileCase("claim text with a terminal escape", claimText(["red \u{1B}[31m alert"]), .write,
                    mentioning: ["U+001B"]),
        HostileCase("claim text with a C1 control U+0085", claimText(["next\u{85}line"]), .write,
                    mentioning: ["U+0085"]),
        HostileCase("claim text with U+2067 right-to-left isolate",
                    claimText(["Access \u{2067}granted\u{2069} to all"]), .write,
                    mentioning: ["U+2067"]),
        HostileCase("claim text with a newline", claimText(["line one\nline two"]), .write),
        HostileCase("assignee with a newline", annotate(["--paragraph", "1", "--assignee", "Ben\n## Forged heading"]), .write),
        HostileCase("claim text empty", claimText([""]), .write, mentioning: ["--claim"]),
        HostileCase("claim text white space only", claimText([" \t\u{A0} "]), .write),
        HostileCase("note with U+202E → status", ["status", "{open}", "in-review", "--note", "ok \u{202E}kcehc"], .write,
                    mentioning: ["U+202E"]),
        HostileCase("title empty", ["article", "add", "-", "--id", "fresh", "--title", ""], .write, stdin: someText,
                    mentioning: ["--title"]),
        HostileCase("title with a newline", ["article", "add", "-", "--id", "fresh", "--title", "One\nTwo"], .write, stdin: someText,
                    mentioning: ["--title"]),
        HostileCase("title white space only", ["article", "add", "-", "--id", "fresh", "--title", " \t "], .write, stdin: someText),
        HostileCase("title with U+202E", ["article", "add", "-", "--id", "fresh", "--title", "Budget \u{202E}tegdub"], .write,
                    stdin: someText, mentioning: ["U+202E"]),
    ]

    // MARK: Who is the editor

    static let editors: [HostileCase] = [
        HostileCase("no editor anywhere (no --editor, no FACTDESK_EDITOR, empty HOME, repo without user.name)",
                    annotate(["--paragraph", "1"]), .write, editor: .none, mentioning: ["editor"]),
        HostileCase("editor placeholder 'Your Name <you@example.com>'",
                    annotate(["--paragraph", "1", "--editor", "Your Name <you@example.com>"]), .write, mentioning: ["placeholder"]),
        HostileCase("editor placeholder in FACTDESK_EDITOR", ["status", "{open}", "in-review"], .write, editor: .none,
                    environment: ["FACTDESK_EDITOR": "Your Name <you@example.com>"], mentioning: ["placeholder"]),
        HostileCase("editor 'no-email'", annotate(["--paragraph", "1", "--editor", "no-email"]), .write, mentioning: ["no-email"]),
        HostileCase("editor '<a@b.c>' without a name", annotate(["--paragraph", "1", "--editor", "<a@b.c>"]), .write),
        HostileCase("editor with an email without a domain", annotate(["--paragraph", "1", "--editor", "Ana <ana@localhost>"]), .write),
        HostileCase("editor with U+202E in the name", annotate(["--paragraph", "1", "--editor", "Ana \u{202E}ziuR <ana@example.org>"]),
                    .write),
        HostileCase("FACTDESK_EDITOR empty", ["verify", "{sourced}"], .write, editor: .none, environment: ["FACTDESK_EDITOR": ""]),
        HostileCase("git identity is a placeholder (user.name 'Your Name', user.email you@example.com)",
                    ["article", "add", "-", "--id", "fresh", "--title", "T"], .write, stdin: someText, editor: .none,
                    mentioning: ["placeholder"]) { scene in
            try scene.git("config", "user.name", "Your Name")
            try scene.git("config", "user.email", "you@example.com")
        },
        HostileCase("git identity empty (user.name and user.email set to '')", annotate(["--paragraph", "1"]), .write, editor: .none,
                    mentioning: ["editor"]) { scene in
            try scene.git("config", "user.name", "")
            try scene.git("config", "user.email", "")
        },
    ]

    // MARK: Where the store is, and the state of its repository

    static let storeLocation: [HostileCase] = [
        HostileCase("store is a folder that is not a git repository → claims", ["claims"], .read, store: "plain", watched: "plain",
                    mentioning: ["plain", "git"], setup: makePlainFolder),
        HostileCase("store is a folder that is not a git repository → annotate", annotate(["--paragraph", "1"]), .write,
                    store: "plain", watched: "plain", mentioning: ["plain"], setup: makePlainFolder),
        HostileCase("store is a folder inside the repository without desk.json → claims", ["claims"], .read, store: "desk/sub",
                    mentioning: ["desk.json"], setup: makeSubfolder),
        HostileCase("store is a folder inside the repository without desk.json → annotate", annotate(["--paragraph", "1"]), .write,
                    store: "desk/sub", mentioning: ["desk.json"], setup: makeSubfolder),
        HostileCase("store folder does not exist → report", ["report"], .read, store: "no-such-desk",
                    mentioning: ["no-such-desk"]),
        HostileCase("store folder does not exist → annotate", annotate(["--paragraph", "1"]), .write, store: "no-such-desk",
                    mentioning: ["no-such-desk"]),
        HostileCase("store is a file → status", ["status", "{open}", "in-review"], .write, store: "desk/desk.json",
                    mentioning: ["desk/desk.json"]),
        HostileCase("store is inside .git → claims", ["claims"], .read, store: "desk/.git", mentioning: [".git"]),
        HostileCase("store given as an empty path → claims", ["claims"], .read, store: ""),
        HostileCase("detached HEAD → claims", ["claims"], .read, mentioning: ["detached"], setup: detach),
        HostileCase("detached HEAD → annotate", annotate(["--paragraph", "1"]), .write, mentioning: ["detached"], setup: detach),
        HostileCase("detached HEAD → init", ["init"], .write, mentioning: ["detached"], setup: detach),
        HostileCase("missing branch (HEAD → refs/heads/nope) → claims", ["claims"], .read, mentioning: ["nope"], setup: missingBranch),
        HostileCase("missing branch (HEAD → refs/heads/nope) → status", ["status", "{open}", "in-review"], .write,
                    mentioning: ["nope"], setup: missingBranch),
        HostileCase("missing branch (HEAD → refs/heads/nope) → init", ["init"], .write, mentioning: ["nope"],
                    setup: missingBranch),
        HostileCase("desk already exists → init", ["init"], .write, mentioning: ["desk"]),
        HostileCase("branch lock held by another git process → annotate", annotate(["--paragraph", "1"]), .write,
                    mentioning: ["main.lock"]) { scene in
            try scene.write("", toDesk: ".git/refs/heads/main.lock")
        },
    ]

    @Sendable static func makePlainFolder(_ scene: HostileScene) throws {
        let plain = scene.root.appendingPathComponent("plain")
        try FileManager.default.createDirectory(at: plain, withIntermediateDirectories: true)
        try Data("{\n  \"schemaVersion\" : 1,\n  \"verifiedRequiresSource\" : true\n}\n".utf8)
            .write(to: plain.appendingPathComponent("desk.json"))
    }

    @Sendable static func makeSubfolder(_ scene: HostileScene) throws {
        try scene.write("notes\n", toDesk: "sub/readme.txt")
        try scene.commitDamage("a folder that is not a desk")
    }

    @Sendable static func detach(_ scene: HostileScene) throws {
        try scene.git("checkout", "-q", "--detach")
    }

    @Sendable static func missingBranch(_ scene: HostileScene) throws {
        try scene.git("symbolic-ref", "HEAD", "refs/heads/nope")
    }

    // MARK: A store nobody may write

    static let readOnlyMount: [HostileCase] = [
        HostileCase("read-only store (bind mount) → annotate", annotate(["--paragraph", "1"]), .write, launcher: .readOnlyMount,
                    mentioning: ["read-only"]),
        HostileCase("read-only store (bind mount) → article add", addFromStdin + ["fresh"], .write, stdin: someText,
                    launcher: .readOnlyMount, mentioning: ["read-only"]),
        HostileCase("read-only store (bind mount) → verify", ["verify", "{sourced}"], .write, launcher: .readOnlyMount,
                    mentioning: ["read-only"]),
    ]

    static let otherUser: [HostileCase] = [
        HostileCase("store not writable by the user (nobody, safe.directory set) → status", ["status", "{open}", "in-review"],
                    .write, launcher: .otherUser, mentioning: ["read-only"]) { scene in
            try Data("[safe]\n\tdirectory = \(scene.deskURL.path)\n".utf8).write(to: scene.home.appendingPathComponent(".gitconfig"))
        },
        HostileCase("store owned by another user, no safe.directory → annotate", annotate(["--paragraph", "1"]), .write,
                    launcher: .otherUser, mentioning: ["owned"]),
    ]

    // MARK: Formats and import

    static let formatsAndImport: [HostileCase] = [
        HostileCase("report --format pdf", ["report", "--format", "pdf"], .read, mentioning: ["pdf"]),
        HostileCase("report --format with a carriage return", ["report", "--format", "markdown\rjson"], .read),
        HostileCase("export --format xml", ["export", "--format", "xml"], .read, mentioning: ["xml"]),
        HostileCase("report --output into a folder that does not exist", ["report", "--output", "no-such-folder/report.md"], .read,
                    mentioning: ["no-such-folder/report.md"]),
        HostileCase("history without a claim or --article (usage)", ["history"], .read, usage: true),
        HostileCase("import a file that is not JSON", ["import", "notes.txt"], .write, mentioning: ["notes.txt"]) {
            try $0.write(bytes("Just some notes.\n"), outside: "notes.txt")
        },
        HostileCase("import JSON that is not an annotation", ["import", "other.json"], .write, mentioning: ["other.json"]) {
            try $0.write(bytes("{\"name\": \"package\", \"version\": 3}\n"), outside: "other.json")
        },
        HostileCase("import a JSON array of numbers", ["import", "-"], .write, stdin: bytes("[1, 2, 3]\n")),
        HostileCase("import a truncated export", ["import", "cut.json"], .write, mentioning: ["cut.json"]) { scene in
            let export = try ProcessRunner.run(HostileLaunch.binary, ["export", "--store", "desk"], in: scene.root,
                                               environment: ["HOME": scene.home.path])
            try scene.write(Array(export.stdout.utf8.prefix(export.stdout.utf8.count / 2)), outside: "cut.json")
        },
        HostileCase("import a file that does not exist", ["import", "missing.json"], .write, mentioning: ["missing.json"]),
        HostileCase("import an annotation for an unknown article", ["import", "-"], .write,
                    stdin: annotation(article: "no-such-article"), mentioning: ["no-such-article"]),
        HostileCase("import an annotation whose article id is ../x", ["import", "-"], .write, stdin: annotation(article: "../x"),
                    mentioning: ["../x"]),
        HostileCase("import an annotation whose claim id escapes the folder", ["import", "-"], .write,
                    stdin: annotation(id: "urn:factdesk:claim:../../../desk")),
        HostileCase("import an annotation with an unknown status", ["import", "-"], .write, stdin: annotation(status: "done"),
                    mentioning: ["done"]),
        HostileCase("import an annotation with U+202E in its claim", ["import", "-"], .write,
                    stdin: annotation(claim: "Paid \u{202E}0001$"), mentioning: ["U+202E"]),
    ]

    /// A W3C annotation on the council article, with one part made hostile.
    static func annotation(id: String = "urn:factdesk:claim:c-abcdabcd", article: String = "council", status: String = "unverified",
                           claim: String = "The mayor spoke") -> [UInt8] {
        let object: [String: Any] = [
            "@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "id": id, "motivation": "assessing",
            "body": [["type": "TextualBody", "purpose": "describing", "value": claim],
                     ["type": "TextualBody", "purpose": "assessing", "value": status]],
            "target": ["source": "urn:factdesk:article:\(article)",
                       "selector": [["type": "TextQuoteSelector", "exact": "The mayor said"],
                                    ["type": "TextPositionSelector", "start": 0, "end": 14]]],
        ]
        return Array((try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data())
    }
}

extension String {
    /// This text with the scene's placeholders filled in.
    func hostileResolved(_ scene: HostileScene) -> String { scene.resolve(self) }
}
