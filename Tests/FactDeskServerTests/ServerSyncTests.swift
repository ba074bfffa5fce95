import FactDesk
@testable import FactDeskServer
import Foundation
import Testing
import TestSupport

/// The web desk and sync: merge conflicts shown on claims and settled through the API, and
/// `serve --sync` keeping a git host current.
@Suite(.serialized) struct ServerSyncTests {
    /// The fixture's desk pushed to a new bare hub, and a second desk cloned from it.
    private func hubAndClone(_ fixture: ServerFixture) throws -> (hub: URL, other: DeskStore) {
        let hub = fixture.directory.url.appendingPathComponent("hub.git")
        try ProcessRunner.git(["init", "-q", "--bare", "--initial-branch=main", hub.path], in: fixture.directory.url)
        try fixture.store.addRemote(named: "origin", url: hub.path)
        _ = try fixture.store.sync(editor: fixture.ana)
        let clone = fixture.directory.url.appendingPathComponent("other")
        try ProcessRunner.git(["clone", "-q", hub.path, clone.path], in: fixture.directory.url)
        return (hub, try DeskStore.open(at: clone.appendingPathComponent("annotations").path))
    }

    @Test func aMergeConflictIsShownOnTheClaimAndSettledThroughTheAPI() async throws {
        let fixture = try ServerFixture()
        let (_, other) = try hubAndClone(fixture)
        let id = fixture.openClaim
        _ = try other.setStatus(id, to: .false, editor: fixture.ben)
        _ = try other.setStatus(id, to: .misleading, editor: fixture.ben)
        _ = try other.sync(editor: fixture.ben)
        _ = try fixture.store.setStatus(id, to: .inReview, editor: fixture.ana)
        let report = try fixture.store.sync(editor: fixture.ana)
        #expect(report.conflictedClaims == [id])
        try await fixture.withDesk { desk in
            let shown = try await desk.api(.get, "/api/v1/claims/\(id)", token: fixture.anaToken)
            let claim = try #require(try JSONSerialization.jsonObject(with: Data(shown.text.utf8)) as? [String: Any])
            #expect(claim["status"] as? String == "misleading")
            #expect(claim["needsReview"] as? Bool == true)
            let conflicts = claim["conflicts"] as? [[String: Any]] ?? []
            #expect(conflicts.count == 1 && conflicts.first?["value"] as? String == "in-review")
            let listed = try await desk.api(.get, "/api/v1/claims?conflicted=true", token: fixture.anaToken)
            let ids = (try JSONSerialization.jsonObject(with: Data(listed.text.utf8)) as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(ids == [id])
            let commits = try fixture.commitCount()
            let wrong = try await desk.api(.post, "/api/v1/claims/\(id)/conflicts", token: fixture.anaToken, json: #"{"choice": "maybe"}"#)
            #expect(wrong.status == .unprocessableContent)
            let field = try await desk.api(.post, "/api/v1/claims/\(id)/conflicts", token: fixture.anaToken,
                                           json: #"{"field": "claim", "choice": "keep"}"#)
            #expect(field.status == .unprocessableContent && field.text.contains("no merge conflict on claim"))
            #expect(try fixture.commitCount() == commits)
            let settled = try await desk.api(.post, "/api/v1/claims/\(id)/conflicts", token: fixture.anaToken,
                                             json: #"{"field": "status", "choice": "take"}"#)
            #expect(settled.status == .ok)
            #expect(try fixture.commitCount() == commits + 1)
            let after = try #require(try JSONSerialization.jsonObject(with: Data(settled.text.utf8)) as? [String: Any])
            #expect(after["status"] as? String == "in-review")
            #expect(after["needsReview"] as? Bool == false)
            let again = try await desk.api(.post, "/api/v1/claims/\(id)/conflicts", token: fixture.anaToken, json: #"{"choice": "keep"}"#)
            #expect(again.status == .unprocessableContent && again.text.contains("no merge conflict"))
        }
    }

    @Test func serveWithSyncKeepsTheGitHostCurrent() async throws {
        var configuration = ServerConfiguration()
        let lines = LogLines()
        configuration.sync = PeriodicSync(remote: "origin", interval: .milliseconds(200),
                                          editor: try Editor(parsing: "Hub Operator <hub@example.org>")) { lines.append($0) }
        let fixture = try ServerFixture(configuration: configuration)
        let (hub, other) = try hubAndClone(fixture)
        let id = try other.annotate(AnnotationRequest(article: fixture.harbour, selector: .quote("€1 million", occurrence: nil),
                                                      claim: "The work costs €1 million"), editor: fixture.ben).id.value
        _ = try other.sync(editor: fixture.ben)
        let local = try fixture.store.annotate(AnnotationRequest(article: fixture.budget, selector: .quote("a dozen projects", occurrence: nil),
                                                                 claim: "A dozen projects were delayed"), editor: fixture.ana).id.value
        try await fixture.withServer { _ in
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline {
                let hubHasLocal = (try? ProcessRunner.git(["log", "--format=%s", "main"], in: hub))?.contains(local) == true
                if hubHasLocal, (try? fixture.store.claim(id)) != nil { break }
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        #expect(try fixture.store.claim(id).claim == "The work costs €1 million")
        #expect(try ProcessRunner.git(["log", "--format=%s", "main"], in: hub).contains(local))
        #expect(lines.all.contains { $0.contains("sync with origin: 1 in") })
    }
}

/// What a periodic sync logged, collected across tasks.
private final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) {
        lock.lock(); defer { lock.unlock() }
        lines.append(line)
    }

    var all: [String] {
        lock.lock(); defer { lock.unlock() }
        return lines
    }
}
