import Foundation
import TestSupport
import Testing

// The hostile-input corpus (`HostileInputCorpus.swift`) run against the built `factdesk` binary.
// Every case starts from its own copy of one pristine desk, may damage it (and commit the damage
// when the case is about committed data), then runs one command that must be refused: a non-zero
// exit, no signal, exactly one `factdesk: error: …` line on stderr, nothing on stdout for a write,
// and the store exactly as it was (HEAD, branch, refs, `git status`, and every file's bytes).

@Suite("Hostile input: refused with one error line, no crash, store unchanged")
struct HostileInputTests {
    @Test("Each hostile input is refused: one 'factdesk: error:' line, non-zero exit, no signal, store unchanged",
          arguments: HostileCorpus.cases)
    func refused(_ hostile: HostileCase) throws {
        let scene = try HostileScene()
        try hostile.setup?(scene)
        let watched = scene.root.appendingPathComponent(hostile.watched)
        let before = try HostileFingerprint(scene: scene.root, repository: watched)
        let result = try scene.run(hostile)
        let after = try HostileFingerprint(scene: scene.root, repository: watched)

        let command = "factdesk " + scene.arguments(of: hostile).joined(separator: " ")
        let stderr = result.stderr
        if ProcessInfo.processInfo.environment["FACTDESK_HOSTILE_LOG"] != nil {
            print("HOSTILE [\(hostile.name)] exit \(result.status)\(result.crashed ? " (signal)" : ""): \(stderr.debugDescription)")
        }
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false)
        let expect = HostileExpectation(hostile: hostile)

        expect(.noCrash, !result.crashed, "\(command) was killed by a signal (status \(result.status)); stderr: \(stderr.debugDescription)")
        expect(.failed, result.status != 0, "\(command) should be refused but exited 0; stdout: \(result.stdout.debugDescription)")
        if hostile.usage {
            expect(.oneErrorLine, stderr.contains("Error:"),
                   "\(command): a usage error should say 'Error:', stderr was \(stderr.debugDescription)")
        } else {
            let prefix = "factdesk: error: "
            expect(.oneErrorLine, lines.count == 2 && lines[1].isEmpty && lines[0].hasPrefix(prefix)
                   && lines[0].count > prefix.count
                   && !lines[0].dropFirst(prefix.count).allSatisfy(\.isWhitespace),
                   "\(command): stderr should be exactly one line 'factdesk: error: …', was \(stderr.debugDescription)")
            expect(.printableErrorLine, !stderr.dropLast().unicodeScalars.contains(where: HostileCheck.isUnprintable),
                   "\(command): the error line should not echo raw control or bidi characters, was \(stderr.debugDescription)")
        }
        if hostile.kind == .write {
            expect(.quietStdout, result.stdout.isEmpty,
                   "\(command): a refused write should print nothing on stdout, printed \(result.stdout.debugDescription)")
        }
        for fragment in hostile.mentioning.map(scene.resolve) {
            expect(.mentions, stderr.contains(fragment),
                   "\(command): the error should name \(fragment.debugDescription), stderr was \(stderr.debugDescription)")
        }
        expect(.unchanged, before == after,
               "\(command) changed the store: \(before.differences(from: after))")
    }

    @Test("The corpus has at least 60 cases with unique names, few of them usage errors, covering reads and writes")
    func corpusShape() {
        let cases = HostileCorpus.cases
        #expect(cases.count >= 60, "only \(cases.count) hostile cases")
        #expect(Set(cases.map(\.name)).count == cases.count, "case names must be unique")
        #expect(cases.filter(\.usage).count <= 6, "usage-error cases should stay few")
        #expect(cases.contains { $0.kind == .write } && cases.contains { $0.kind == .read })
    }

    /// A control: the pristine desk every case starts from works, so each refusal is caused by the
    /// case's hostile input and not by a broken fixture; and the launchers themselves work.
    @Test("Control: the pristine copy answers reads and accepts a write; the read-only launcher still reads")
    func pristineDeskWorks() throws {
        let scene = try HostileScene()
        for arguments in [["claims"], ["show", "{open}"], ["report"], ["article", "show", "council"], ["history", "{open}"]] {
            let result = try scene.run(HostileCase("control \(arguments)", arguments, .read))
            #expect(result.status == 0 && result.stderr.isEmpty, "\(arguments) on the pristine desk: \(result.stderr)")
        }
        if HostileLaunch.readOnlyMountAvailable {
            let result = try scene.run(HostileCase("control read-only claims", ["claims"], .read, launcher: .readOnlyMount))
            #expect(result.status == 0 && result.stdout.contains(scene.fixture.open),
                    "reads must work on a read-only bind mount: \(result.stderr)")
        }
        let write = try scene.run(HostileCase("control write", ["status", "{open}", "in-review"], .write))
        #expect(write.status == 0, "a valid write on the pristine desk failed: \(write.stderr)")
        let author = try scene.git("log", "-1", "--format=%an <%ae>")
        #expect(author == HostileScene.editor + "\n", "the commit author is the editor")
    }
}

// MARK: - Expectations, some of them known product bugs

/// One of the refusal's expectations; a known issue names the ones the product misses.
enum HostileCheck: Sendable, Hashable {
    case noCrash, failed, oneErrorLine, printableErrorLine, quietStdout, mentions, unchanged

    /// What must never reach a terminal raw inside an error line: C0 and C1 controls and DEL (an
    /// escape sequence, a backspace, a bell), line and paragraph separators, and the bidi
    /// embeddings, overrides and isolates that make a line display differently from what it says.
    static func isUnprintable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
            || (0x2066...0x2069).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
    }
}

/// A product bug found by the corpus: what goes wrong, and which expectations it breaks.
struct HostileKnownIssue: Sendable {
    let description: String
    let misses: Set<HostileCheck>

    init(_ description: String, misses: Set<HostileCheck>) {
        self.description = description
        self.misses = misses
    }
}

/// Checks one expectation of a case, inside `withKnownIssue` when the case's known issue names it.
struct HostileExpectation {
    let hostile: HostileCase

    func callAsFunction(_ check: HostileCheck, _ condition: Bool, _ message: String,
                        sourceLocation: SourceLocation = #_sourceLocation) {
        if let issue = hostile.knownIssue, issue.misses.contains(check) {
            withKnownIssue(Comment(rawValue: issue.description), sourceLocation: sourceLocation) {
                #expect(condition, Comment(rawValue: message), sourceLocation: sourceLocation)
            }
        } else {
            #expect(condition, Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }
}

// MARK: - The pristine desk

/// One desk built once per test run with the real binary; every case copies its folder.
struct HostileFixture: Sendable {
    /// The council article: a repeated word, a flag (two scalars, one character), three paragraphs.
    static let councilText = "The mayor said the budget grew. Critics said the budget shrank.\n\n"
        + "Supporters waved 🇺🇦 flags outside the hall.\n\nThe vote is on Friday.\n"
    static let harbourText = "Harbour café prices rose 40% this summer.\n\nThe ferry now runs every hour.\n"

    /// The folder holding the pristine `desk/`.
    let template: URL
    /// Claim ids: an open claim without source (council ¶1), a claim with a source (council ¶3),
    /// and a claim of the other article (harbour ¶1).
    let open: String
    let sourced: String
    let harbourClaim: String
    /// Repository paths (the desk is the repository root).
    let councilDirectory: String
    let harbourDirectory: String

    func claimFile(_ id: String) -> String {
        (id == harbourClaim ? harbourDirectory : councilDirectory) + "/claims/\(id).json"
    }

    /// A made-up id sharing the first three digits of `open`, for ambiguous prefixes.
    var openPrefix: String { String(open.prefix(5)) }
    var twin: String { openPrefix + (open.hasSuffix("zzzzz") ? "yyyyy" : "zzzzz") }

    static let shared: Result<HostileFixture, TestFailure> = {
        do {
            return .success(try HostileFixture())
        } catch {
            return .failure(TestFailure("could not build the hostile-input fixture desk: \(error)"))
        }
    }()

    nonisolated(unsafe) private static var templatePath: String?

    private init() throws {
        template = FileManager.default.temporaryDirectory
            .appendingPathComponent("factdesk-hostile-template-\(UUID().uuidString.prefix(8))", isDirectory: true)
        let home = template.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        Self.templatePath = template.path
        atexit {
            if let path = HostileFixture.templatePath { try? FileManager.default.removeItem(atPath: path) }
        }
        let environment = ["HOME": home.path, "XDG_CONFIG_HOME": home.path, "GIT_CONFIG_NOSYSTEM": "1",
                           "FACTDESK_EDITOR": HostileScene.editor]
        let template = self.template
        func factdesk(_ arguments: [String], input: String? = nil) throws -> String {
            let result = try ProcessRunner.run(HostileLaunch.binary, arguments + ["--store", "desk"], in: template,
                                               input: input.map { Data($0.utf8) }, environment: environment)
            guard result.status == 0 else {
                throw TestFailure("factdesk \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
            }
            return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        _ = try factdesk(["init"])
        _ = try factdesk(["article", "add", "-", "--id", "council", "--title", "Council budget"], input: Self.councilText)
        _ = try factdesk(["article", "add", "-", "--id", "harbour", "--title", "Harbour prices"], input: Self.harbourText)
        open = try factdesk(["annotate", "council", "--paragraph", "1", "--claim", "The budget grew"])
        sourced = try factdesk(["annotate", "council", "--quote", "The vote is on Friday", "--claim", "The vote is on Friday",
                                "--source", "https://council.example/agenda"])
        harbourClaim = try factdesk(["annotate", "harbour", "--paragraph", "1", "--claim", "Café prices rose 40%"])
        let files = try ProcessRunner.git(["ls-files"], in: template.appendingPathComponent("desk"))
            .split(separator: "\n").map(String.init)
        func directory(of slug: String) throws -> String {
            guard let file = files.first(where: { $0.hasSuffix("/\(slug)/article.json") }) else {
                throw TestFailure("no article.json for \(slug) in \(files)")
            }
            return String(file.dropLast("/article.json".count))
        }
        councilDirectory = try directory(of: "council")
        harbourDirectory = try directory(of: "harbour")
        for id in [open, sourced, harbourClaim] where !files.contains(claimFile(id)) {
            throw TestFailure("claim \(id) is not at \(claimFile(id)): \(files)")
        }
    }
}

// MARK: - One case's folder

/// A fresh folder holding a copy of the pristine desk in `desk/`, an empty `home/` (so no git
/// identity leaks in from the machine), and room for input files beside the desk.
final class HostileScene: @unchecked Sendable {
    static let editor = "Ana Ruiz <ana@example.org>"

    let directory: TemporaryDirectory
    let fixture: HostileFixture

    var root: URL { directory.url }
    var deskURL: URL { root.appendingPathComponent("desk") }
    var home: URL { root.appendingPathComponent("home") }

    init() throws {
        fixture = try HostileFixture.shared.get()
        directory = try TemporaryDirectory("factdesk-hostile")
        let copy = try ProcessRunner.run("/bin/cp", ["-a", fixture.template.appendingPathComponent("desk").path, deskURL.path])
        guard copy.status == 0 else { throw TestFailure("cp -a failed: \(copy.stderr)") }
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    /// `{open}`, `{sourced}`, `{harbour-claim}`, `{twin}`, `{open-prefix}`, `{open-file}`, `{harbour-claim-file}`,
    /// `{council}`, `{harbour}` (article folders), `{council-length}`, `{flag-half}`, `{desk}` (absolute path).
    func resolve(_ text: String) -> String {
        guard text.contains("{") else { return text }
        let council = Array(HostileFixture.councilText.unicodeScalars)
        let flagStart = council.firstIndex(of: "\u{1F1FA}") ?? 0
        let replacements: [(String, String)] = [
            ("{open-file}", fixture.claimFile(fixture.open)),
            ("{harbour-claim-file}", fixture.claimFile(fixture.harbourClaim)),
            ("{open-prefix}", fixture.openPrefix),
            ("{open}", fixture.open), ("{sourced}", fixture.sourced), ("{harbour-claim}", fixture.harbourClaim),
            ("{twin}", fixture.twin),
            ("{council}", fixture.councilDirectory), ("{harbour}", fixture.harbourDirectory),
            ("{council-length}", "\(council.count)"),
            ("{flag-half}", "\(flagStart)-\(flagStart + 1)"),
            ("{desk}", deskURL.path),
        ]
        return replacements.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    func arguments(of hostile: HostileCase) -> [String] {
        hostile.arguments.map(resolve) + (hostile.store.map { ["--store", $0] } ?? [])
    }

    /// Runs the case's command as a user would: in this folder, with an empty HOME.
    func run(_ hostile: HostileCase) throws -> ProcessResult {
        var environment = ["HOME": home.path, "XDG_CONFIG_HOME": home.path, "GIT_CONFIG_NOSYSTEM": "1"]
        if hostile.editor == .standard { environment["FACTDESK_EDITOR"] = Self.editor }
        environment.merge(hostile.environment.mapValues(resolve)) { $1 }
        let arguments = arguments(of: hostile)
        let input = hostile.stdin.map { Data($0) }
        switch hostile.launcher {
        case .direct:
            return try ProcessRunner.run(HostileLaunch.binary, arguments, in: root, input: input, environment: environment)
        case .readOnlyMount:
            return try ProcessRunner.run(HostileLaunch.unshare,
                                         ["-rm", "sh", "-c", HostileLaunch.readOnlyScript, "sh", deskURL.path, HostileLaunch.binary]
                                         + arguments, in: root, input: input, environment: environment)
        case .otherUser:
            return try ProcessRunner.run(HostileLaunch.setpriv,
                                         ["--reuid=65534", "--regid=65534", "--clear-groups", HostileLaunch.binary] + arguments,
                                         in: root, input: input, environment: environment)
        }
    }

    // MARK: Damage

    func desk(_ relative: String) -> URL { deskURL.appendingPathComponent(resolve(relative)) }

    /// Overwrites (or creates) a file of the desk's working tree.
    func write(_ bytes: [UInt8], toDesk relative: String) throws {
        let target = desk(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: target)
    }

    func write(_ text: String, toDesk relative: String) throws {
        try write(Array(text.utf8), toDesk: relative)
    }

    func read(desk relative: String) throws -> String {
        try String(contentsOf: desk(relative), encoding: .utf8)
    }

    /// Rewrites a desk file through `transform`, failing the setup when it changes nothing.
    func edit(desk relative: String, _ transform: (String) -> String) throws {
        let old = try read(desk: relative)
        let new = transform(old)
        guard new != old else { throw TestFailure("setup did not change \(resolve(relative))") }
        try write(new, toDesk: relative)
    }

    /// Writes a file beside the desk (an article to add, a file to import) and returns its name.
    @discardableResult
    func write(_ bytes: [UInt8], outside name: String) throws -> String {
        try directory.write(Data(bytes), to: name)
        return name
    }

    /// Writes a text file of `mebibytes` MiB beside the desk, one MiB at a time.
    func writeLarge(_ name: String, mebibytes: Int) throws {
        let paragraph = "The council met again and the budget was discussed at length by everyone present.\n\n"
        var chunk = Data(capacity: 1 << 20)
        while chunk.count + paragraph.utf8.count <= 1 << 20 { chunk.append(contentsOf: paragraph.utf8) }
        chunk.append(contentsOf: Array(repeating: UInt8(ascii: "x"), count: (1 << 20) - chunk.count))
        let url = root.appendingPathComponent(name)
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw TestFailure("cannot create \(url.path)") }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        for _ in 0..<mebibytes { try handle.write(contentsOf: chunk) }
    }

    /// Runs git in the desk's repository.
    @discardableResult
    func git(_ arguments: String...) throws -> String {
        try ProcessRunner.git(arguments.map(resolve), in: deskURL)
    }

    /// Commits whatever the setup did to the working tree, as a person would by hand.
    func commitDamage(_ message: String = "hand edit") throws {
        try git("add", "-A")
        try git("-c", "user.name=Dora Damage", "-c", "user.email=dora@example.org",
                "commit", "-q", "--no-verify", "-m", message, "--author", "Dora Damage <dora@example.org>")
    }

    /// Edits a desk file and commits the edit.
    func commitEdit(_ relative: String, _ transform: (String) -> String) throws {
        try edit(desk: relative, transform)
        try commitDamage("hand edit of \(resolve(relative))")
    }

    /// Replaces a desk file's bytes and commits them.
    func commitBytes(_ bytes: [UInt8], to relative: String) throws {
        try write(bytes, toDesk: relative)
        try commitDamage("hand edit of \(resolve(relative))")
    }
}

// MARK: - How a case's command is launched

enum HostileLaunch {
    static let unshare = "/usr/bin/unshare"
    static let setpriv = "/usr/bin/setpriv"

    /// Bind-mounts the desk (`$1`) read-only over itself in a private mount namespace, then runs the rest.
    static let readOnlyScript = #"mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" "$1" && shift && exec "$@""#

    /// The `factdesk` built beside this test bundle.
    static let binary = CLIDesk.binary

    /// Whether this machine lets an unprivileged user namespace bind-mount a folder read-only
    /// (tests run as root, so chmod alone would not stop a write).
    static let readOnlyMountAvailable: Bool = {
        guard FileManager.default.isExecutableFile(atPath: unshare),
              let folder = try? TemporaryDirectory("factdesk-ro-probe") else { return false }
        let probe = #"mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" "$1" && ! touch "$1/x" 2>/dev/null"#
        let result = try? ProcessRunner.run(unshare, ["-rm", "sh", "-c", probe, "sh", folder.path])
        return result?.status == 0 && !FileManager.default.fileExists(atPath: folder.path("x"))
    }()

    /// Whether commands can be run as `nobody` (uid 65534) here.
    static let otherUserAvailable: Bool = {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: setpriv) else { return false }
        let result = try? ProcessRunner.run(setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", "/usr/bin/id", "-u"])
        return result?.status == 0 && result?.stdout == "65534\n"
    }()
}

// MARK: - What "the store unchanged" means

/// The repository's HEAD (symbolic and resolved), every ref, `git status`, the names of the files
/// in its `.git` folder outside objects/, logs/ and the summary cache factdesk/ (a lock, a journal
/// or a stray ref left behind),
/// and every file of the case's folder by path and bytes (outside `.git`; files over 1 MiB by size and date).
struct HostileFingerprint: Equatable {
    let head: String
    let branch: String
    let refs: String
    let status: String
    let gitEntries: [String]
    let files: [String: Data]

    init(scene: URL, repository: URL) throws {
        func git(_ arguments: [String]) -> String {
            guard FileManager.default.fileExists(atPath: repository.path),
                  let result = try? ProcessRunner.run("/usr/bin/git", arguments, in: repository,
                                                      environment: ["GIT_CONFIG_NOSYSTEM": "1", "LC_ALL": "C"]),
                  result.status == 0
            else { return "(none)" }
            return result.stdout
        }
        head = git(["rev-parse", "--verify", "-q", "HEAD"])
        branch = git(["symbolic-ref", "-q", "HEAD"])
        refs = git(["for-each-ref", "--format=%(refname) %(objectname)"])
        status = git(["status", "--porcelain", "--untracked-files=all", "--ignored"])
        let manager = FileManager.default
        var gitEntries: [String] = []
        if let enumerator = manager.enumerator(atPath: repository.appendingPathComponent(".git").path) {
            while let relative = enumerator.nextObject() as? String {
                // objects/ and logs/ may grow; factdesk/ is the summary cache, rebuilt at will.
                if relative == "objects" || relative == "logs" || relative == "factdesk" {
                    enumerator.skipDescendants()
                } else {
                    gitEntries.append(relative)
                }
            }
        }
        self.gitEntries = gitEntries.sorted()
        var files: [String: Data] = [:]
        let root = scene.standardizedFileURL.path
        if let enumerator = manager.enumerator(atPath: root) {
            while let relative = enumerator.nextObject() as? String {
                if relative == ".git" || relative.hasSuffix("/.git") {
                    enumerator.skipDescendants()
                    continue
                }
                let full = root + "/" + relative
                guard let attributes = try? manager.attributesOfItem(atPath: full),
                      attributes[.type] as? FileAttributeType == .typeRegular else { continue }
                let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
                if size > 1 << 20 {
                    let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                    files[relative] = Data("large file: \(size) bytes, modified \(date)".utf8)
                } else {
                    files[relative] = manager.contents(atPath: full) ?? Data("(unreadable)".utf8)
                }
            }
        }
        self.files = files
    }

    /// What changed, for a failure message.
    func differences(from after: HostileFingerprint) -> String {
        var parts: [String] = []
        if head != after.head { parts.append("HEAD \(head.hostileTrimmed) → \(after.head.hostileTrimmed)") }
        if branch != after.branch { parts.append("branch \(branch.hostileTrimmed) → \(after.branch.hostileTrimmed)") }
        if refs != after.refs { parts.append("refs \(refs.debugDescription) → \(after.refs.debugDescription)") }
        if status != after.status { parts.append("git status \(status.debugDescription) → \(after.status.debugDescription)") }
        for entry in Set(gitEntries).symmetricDifference(after.gitEntries).sorted() {
            parts.append((gitEntries.contains(entry) ? "removed .git/" : "added .git/") + entry)
        }
        let paths = Set(files.keys).union(after.files.keys).sorted()
        for path in paths where files[path] != after.files[path] {
            parts.append(files[path] == nil ? "added \(path)" : after.files[path] == nil ? "removed \(path)" : "changed \(path)")
        }
        return parts.isEmpty ? "nothing" : parts.joined(separator: "; ")
    }
}

private extension String {
    var hostileTrimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
