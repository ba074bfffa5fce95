import Foundation
import Testing
import TestSupport

/// Several `factdesk` processes writing to one desk at once: every acknowledged change lands,
/// one commit each, and git agrees.
@Suite struct ConcurrentWritersTests {
    @Test(.timeLimit(.minutes(5)))
    func fourProcessesTimes250AnnotatesGiveAThousandClaims() throws {
        let desk = try CLIDesk()
        let article = try desk.directory.write("First paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n", to: "a.txt")
        _ = try desk.succeed(["article", "add", article, "--id", "story", "--title", "Story"])
        let base = Int(try ProcessRunner.git(["rev-list", "--count", "HEAD"], in: desk.deskURL).trimmingCharacters(in: .whitespacesAndNewlines))!
        let writers = 4, perWriter = 250
        let ids = LockedList()
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            for n in 0..<perWriter {
                let result = try? desk.run(["annotate", "story", "--paragraph", "\(n % 3 + 1)", "--claim", "writer \(writer) claim \(n)"])
                if let result, result.status == 0 { ids.append(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) }
                else { ids.fail("writer \(writer) #\(n): \(result?.stderr ?? "did not run")") }
            }
        }
        #expect(ids.failures.isEmpty, "\(ids.failures.prefix(3))")
        #expect(Set(ids.values).count == writers * perWriter)
        let claims = try JSONSerialization.jsonObject(with: Data(try desk.succeed(["claims", "--json"]).utf8)) as? [[String: Any]]
        #expect(claims?.count == writers * perWriter)
        #expect(Set(claims?.compactMap { $0["id"] as? String } ?? []) == Set(ids.values))
        let commits = Int(try ProcessRunner.git(["rev-list", "--count", "HEAD"], in: desk.deskURL).trimmingCharacters(in: .whitespacesAndNewlines))!
        #expect(commits == base + writers * perWriter)
        #expect(try ProcessRunner.git(["status", "--porcelain"], in: desk.deskURL) == "")
        try ProcessRunner.git(["fsck", "--strict"], in: desk.deskURL)
        #expect(try desk.run(["check"]).status == 0)
    }
}

/// A list that threads append to.
final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    private var errors: [String] = []

    func append(_ value: String) { lock.withLock { items.append(value) } }
    func fail(_ message: String) { lock.withLock { errors.append(message) } }
    var values: [String] { lock.withLock { items } }
    var failures: [String] { lock.withLock { errors } }
}
