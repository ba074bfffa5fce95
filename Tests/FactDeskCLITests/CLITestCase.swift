import Foundation
import TestSupport
import Testing

/// A throwaway desk driven through the built `factdesk` binary, as a user or a script would.
final class CLIDesk: @unchecked Sendable {
    let directory: TemporaryDirectory
    let editor = "Ana Ruiz <ana@example.org>"

    /// The `factdesk` built beside this test bundle.
    static let binary = BuiltProducts.factdesk

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

// MARK: - Helpers shared by the end-to-end stories

extension CLIDesk {
    /// Runs `factdesk ARGUMENTS` exactly as given (no `--store` added), in the temporary folder.
    @discardableResult
    func runRaw(_ arguments: [String], input: Data? = nil, environment: [String: String]) throws -> ProcessResult {
        try ProcessRunner.run(Self.binary, arguments, in: directory.url, input: input, environment: environment)
    }

    /// Runs the real git CLI inside the desk's repository.
    @discardableResult
    func git(_ arguments: String...) throws -> String {
        try ProcessRunner.git(arguments, in: deskURL)
    }

    /// Runs a read command with `--json` and parses what it printed.
    func json(_ arguments: [String]) throws -> Any {
        let output = try succeed(arguments + ["--json"])
        return try JSONSerialization.jsonObject(with: Data(output.utf8), options: [.fragmentsAllowed])
    }

    func jsonObject(_ arguments: [String]) throws -> [String: Any] {
        let value = try json(arguments)
        guard let object = value as? [String: Any] else { throw TestFailure("not a JSON object: \(value)") }
        return object
    }

    func jsonArray(_ arguments: [String]) throws -> [[String: Any]] {
        let value = try json(arguments)
        guard let array = value as? [[String: Any]] else { throw TestFailure("not a JSON array of objects: \(value)") }
        return array
    }

    /// `git rev-list --count HEAD`.
    func commitCount() throws -> Int {
        Int(try git("rev-list", "--count", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// Writes `text` into the temporary folder (beside the desk, not in it) and returns the name to pass.
    @discardableResult
    func writeInput(_ text: String, to name: String) throws -> String {
        try directory.write(text, to: name)
        return name
    }

    /// Adds an article from stdin and returns nothing; fails the test with factdesk's message otherwise.
    func addArticle(_ id: String, title: String, text: String) throws {
        _ = try succeed(["article", "add", "-", "--id", id, "--title", title], input: Data(text.utf8))
    }

    /// Files a claim and returns its id as printed (stdout must be the id alone).
    func annotate(_ slug: String, _ selector: [String], claim: String, extra: [String] = []) throws -> String {
        let output = try succeed(["annotate", slug] + selector + ["--claim", claim] + extra)
        let id = output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard output == id + "\n", id.hasPrefix("c-"), !id.contains(" ") else {
            throw TestFailure("annotate should print the claim id alone, printed: \(output.debugDescription)")
        }
        return id
    }

    /// The repository path of the file holding claim `id`, as git tracks it.
    func claimPath(_ id: String) throws -> String {
        let paths = try git("ls-files").split(separator: "\n").map(String.init).filter { $0.hasSuffix("/claims/\(id).json") }
        guard paths.count == 1 else { throw TestFailure("expected one tracked file for \(id), found \(paths)") }
        return paths[0]
    }

    /// An environment with no editor anywhere: no FACTDESK_EDITOR, an empty HOME, no system git config.
    func environmentWithoutIdentity() throws -> [String: String] {
        let home = directory.url.appendingPathComponent("empty-home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        return ["HOME": home.path, "XDG_CONFIG_HOME": home.path, "GIT_CONFIG_NOSYSTEM": "1"]
    }

    /// Runs a command that must be refused: non-zero exit, no crash, exactly one stderr line
    /// `factdesk: error: …` (mentioning `mentioning` when given), and the store exactly as it was.
    @discardableResult
    func expectRefused(_ arguments: [String], input: Data? = nil, environment: [String: String]? = nil,
                       raw: Bool = false, mentioning fragments: [String] = [],
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> ProcessResult {
        let before = try fingerprint()
        let result = raw
            ? try runRaw(arguments, input: input, environment: environment ?? ["FACTDESK_EDITOR": editor])
            : try run(arguments, input: input, environment: environment)
        let after = try fingerprint()
        let command = "factdesk " + arguments.joined(separator: " ")
        #expect(!result.crashed, "\(command) crashed: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.status != 0, "\(command) should fail but exited 0: \(result.stdout)", sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines[1].isEmpty && lines[0].hasPrefix("factdesk: error: "),
                "\(command): stderr should be one line 'factdesk: error: …', was \(result.stderr.debugDescription)",
                sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(result.stderr.contains(fragment), "\(command): stderr should mention \(fragment.debugDescription), was \(result.stderr.debugDescription)",
                    sourceLocation: sourceLocation)
        }
        #expect(before == after, "\(command) changed the store: before \(before), after \(after)", sourceLocation: sourceLocation)
        return result
    }
}

/// Checks on the store's own JSON dialect: sorted keys in every object, two-space indent, a trailing newline.
enum StoredJSON {
    /// The keys of every object in `text`, in the order they are written, innermost objects first.
    static func keyOrders(in text: String) -> [[String]] {
        let scalars = Array(text.unicodeScalars)
        var result: [[String]] = []
        var stack: [(isObject: Bool, keys: [String], expectingKey: Bool)] = []
        var index = 0
        while index < scalars.count {
            switch scalars[index] {
            case "{": stack.append((true, [], true))
            case "[": stack.append((false, [], false))
            case "}", "]":
                if let top = stack.popLast(), top.isObject { result.append(top.keys) }
            case ",":
                if stack.last?.isObject == true { stack[stack.count - 1].expectingKey = true }
            case "\"":
                var string = String.UnicodeScalarView()
                index += 1
                while index < scalars.count && scalars[index] != "\"" {
                    if scalars[index] == "\\" { index += 1 }
                    if index < scalars.count { string.append(scalars[index]) }
                    index += 1
                }
                if let top = stack.last, top.isObject, top.expectingKey {
                    stack[stack.count - 1].keys.append(String(string))
                    stack[stack.count - 1].expectingKey = false
                }
            default: break
            }
            index += 1
        }
        return result
    }

    /// Why `data` is not in the store's dialect, or nil when it is.
    static func dialectProblem(_ data: Data) -> String? {
        guard let text = String(data: data, encoding: .utf8) else { return "not UTF-8" }
        guard text.hasSuffix("}\n"), !text.hasSuffix("\n\n") else { return "does not end with exactly one newline after the object" }
        guard (try? JSONSerialization.jsonObject(with: data)) != nil else { return "not valid JSON" }
        for keys in keyOrders(in: text) where keys != keys.sorted() {
            return "keys not sorted: \(keys)"
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        for line in lines {
            let indent = line.prefix { $0 == " " }.count
            if indent % 2 != 0 || line.hasPrefix("\t") { return "line not indented by two spaces: \(line.debugDescription)" }
        }
        if lines.count > 1, !lines[lines.startIndex + 1].hasPrefix("  \"") || lines[lines.startIndex + 1].hasPrefix("   ") {
            return "first key not indented by exactly two spaces"
        }
        return nil
    }
}

/// Scalar offsets computed by the test itself, independently of FactDesk.
extension String {
    /// The scalar range of the `occurrence`-th (from 1) occurrence of `needle`'s scalars in this string's scalars.
    func scalarRange(of needle: String, occurrence: Int = 1) -> Range<Int>? {
        let haystack = Array(unicodeScalars), pattern = Array(needle.unicodeScalars)
        guard !pattern.isEmpty, pattern.count <= haystack.count else { return nil }
        var seen = 0
        var start = 0
        while start + pattern.count <= haystack.count {
            if haystack[start..<(start + pattern.count)].elementsEqual(pattern) {
                seen += 1
                if seen == occurrence { return start..<(start + pattern.count) }
                start += pattern.count
            } else {
                start += 1
            }
        }
        return nil
    }

    var scalarCount: Int { unicodeScalars.count }
}

/// `2026-11-25T14:03:00Z`.
func isISO8601UTC(_ value: Any?) -> Bool {
    guard let text = value as? String else { return false }
    return text.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/) != nil
}
