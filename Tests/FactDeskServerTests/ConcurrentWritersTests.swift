import FactDesk
@testable import FactDeskServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// The web desk and `factdesk` processes writing to one desk at the same time: HTTP writers
/// (bearer tokens, each on its own connection to a real server on a loopback port) and
/// `factdesk annotate` processes filing claims at once. Every claim acknowledged (201 from the
/// server, an id printed by the CLI) is in the desk, each is exactly one commit, and git agrees.
@Suite struct ConcurrentWritersTests {
    static let httpWriters = 4, claimsPerHTTPWriter = 15
    static let cliWriters = 2, claimsPerCLIWriter = 10

    @Test(.timeLimit(.minutes(2)))
    func httpWritersAndCLIProcessesLoseNothing() async throws {
        let binary = BuiltProducts.factdesk
        let fixture = try ServerFixture()
        let baseCommits = try fixture.commitCount()
        let baseClaims = try fixture.store.claims().count
        let (acknowledged, printed, refusals) = try await fixture.withServer { port in
            try await withThrowingTaskGroup(of: (ids: [String], cli: Bool, failures: [String]).self) { group in
                for writer in 0..<Self.httpWriters {
                    let token = writer % 2 == 0 ? fixture.anaToken : fixture.benToken
                    group.addTask {
                        try await Self.httpWriter(writer, port: port, token: token)
                    }
                }
                for writer in 0..<Self.cliWriters {
                    group.addTask {
                        await Self.cliWriter(writer, binary: binary, store: fixture.deskPath, in: fixture.repository)
                    }
                }
                var acknowledged: [String] = [], printed: [String] = [], failures: [String] = []
                for try await result in group {
                    if result.cli { printed += result.ids } else { acknowledged += result.ids }
                    failures += result.failures
                }
                return (acknowledged, printed, failures)
            }
        }
        #expect(refusals.isEmpty, "\(refusals.count) writes were refused: \(refusals.prefix(5))")
        #expect(acknowledged.count == Self.httpWriters * Self.claimsPerHTTPWriter)
        #expect(printed.count == Self.cliWriters * Self.claimsPerCLIWriter)
        let all = acknowledged + printed
        #expect(Set(all).count == all.count, "every claim has its own id")

        let claims = try fixture.store.claims()
        let stored = Set(claims.map(\.id.value))
        let missing = Set(all).subtracting(stored)
        #expect(missing.isEmpty, "acknowledged but not in the desk: \(missing.sorted())")
        #expect(claims.count == baseClaims + all.count)
        #expect(try fixture.commitCount() == baseCommits + all.count, "one commit per acknowledged claim")
        // Each commit is authored by whoever filed the claim: the token's editor, or the CLI's.
        let authors = try ProcessRunner.git(["log", "-\(all.count)", "--format=%ae"], in: fixture.repository).lines
        #expect(authors.filter { $0 == "ana@example.org" }.count == Self.httpWriters / 2 * Self.claimsPerHTTPWriter)
        #expect(authors.filter { $0 == "ben@example.org" }.count
                == Self.httpWriters / 2 * Self.claimsPerHTTPWriter + Self.cliWriters * Self.claimsPerCLIWriter)
        try ProcessRunner.git(["fsck", "--strict"], in: fixture.repository)
        #expect(try ProcessRunner.git(["status", "--porcelain"], in: fixture.repository) == "")
        // The CLI sees the same desk.
        let listed = try ProcessRunner.run(binary, ["claims", "--json", "--store", fixture.deskPath], in: fixture.repository,
                                           environment: ["FACTDESK_EDITOR": fixture.ben.description])
        #expect(listed.status == 0, "\(listed.stderr)")
        let ids = ((try? JSONSerialization.jsonObject(with: Data(listed.stdout.utf8))) as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(Set(all).isSubset(of: Set(ids)))
    }

    /// Files claims one after another on one keep-alive connection; returns the ids of the 201s.
    static func httpWriter(_ writer: Int, port: Int, token: String) async throws -> (ids: [String], cli: Bool, failures: [String]) {
        let client = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(60)))
        client.connect()
        var ids: [String] = [], failures: [String] = []
        do {
            for n in 0..<claimsPerHTTPWriter {
                let body = JSONBody.make(["claim": "HTTP writer \(writer) claim \(n)", "paragraph": n % 3 + 1])
                let response = try await client.post("/api/v1/articles/council-budget/claims", headers: [
                    .authorization: "Bearer \(token)", .contentType: "application/json",
                ], body: ByteBuffer(string: body))
                let text = response.body.map { String(buffer: $0) } ?? ""
                if response.status == .created,
                   let id = ((try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any])?["id"] as? String {
                    ids.append(id)
                } else {
                    failures.append("HTTP writer \(writer) #\(n): \(response.status) \(text)")
                }
            }
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
        return (ids, false, failures)
    }

    /// Runs `factdesk annotate` again and again (on a thread of its own: the processes block);
    /// returns the ids printed.
    static func cliWriter(_ writer: Int, binary: String, store: String, in directory: URL) async -> (ids: [String], cli: Bool, failures: [String]) {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var ids: [String] = [], failures: [String] = []
                for n in 0..<claimsPerCLIWriter {
                    do {
                        let result = try ProcessRunner.run(binary, [
                            "annotate", "council-budget", "--paragraph", "\(n % 3 + 1)", "--claim", "CLI writer \(writer) claim \(n)", "--store", store,
                        ], in: directory, environment: ["FACTDESK_EDITOR": "Ben Okafor <ben@example.org>"])
                        let id = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                        if result.status == 0, id.hasPrefix("c-"), !id.contains(where: \.isWhitespace) {
                            ids.append(id)
                        } else {
                            failures.append("CLI writer \(writer) #\(n): exit \(result.status): \(result.stderr) \(result.stdout)")
                        }
                    } catch {
                        failures.append("CLI writer \(writer) #\(n): \(error)")
                    }
                }
                continuation.resume(returning: (ids, true, failures))
            }
        }
    }
}
