import Foundation
import Testing
@testable import FactDesk
import TestSupport

/// The summary cache never changes an answer: every cached answer equals the one computed from
/// git alone, whether the cache is cold, warm, stale, missing, damaged or written concurrently.
@Suite(.serialized) struct SummaryCacheTests {
    /// A desk of three articles with claims in every state (sources, notes, flags).
    func variedDesk() throws -> DeskFixture {
        let desk = try DeskFixture()
        let slug = try desk.addBudgetArticle()
        for (index, other) in ["port-strike", "zoë-free-slug"].enumerated() where (try? ArticleSlug(other)) != nil {
            try desk.store.addArticle(slug: ArticleSlug(other), title: "Other \(index)", url: nil,
                                      text: ArticleText(normalizing: "First “one” — 🇺🇦.\n\nSecond two.\n", source: "t"), editor: desk.ben)
            try desk.store.annotate(AnnotationRequest(article: ArticleSlug(other), selector: .paragraph(2), claim: "Two",
                                                      assignee: "Ana Ruiz"), editor: desk.ana)
        }
        let budget = try desk.store.annotate(AnnotationRequest(article: slug, selector: .quote("€4.2 million", occurrence: nil),
                                                               claim: "Budget", sources: ["https://council.example/b"],
                                                               note: "annex 2"), editor: desk.ana)
        try desk.store.addSource(to: budget.id.value, url: "https://stats.example/x", title: "Stats", note: "row 12", editor: desk.ben)
        try desk.store.verify(budget.id.value, editor: desk.ben)
        let gone = try desk.store.annotate(AnnotationRequest(article: slug, selector: .paragraph(3), claim: "Critics"), editor: desk.ana)
        try desk.store.setStatus(gone.id.value, to: .misleading, note: "context", editor: desk.ben)
        try desk.store.updateArticle(slug, text: ArticleText(normalizing: "New text entirely.\n", source: "t"), editor: desk.ana)
        return desk
    }

    /// Everything the cache serves, as text: the report and the claim list, cached and from git alone.
    func answers(_ desk: DeskFixture, cached: Bool) throws -> [String] {
        let store = try DeskStore.open(at: desk.directory.path("annotations"), clock: { [clock = desk.clock] in clock.now })
        store.usesCaches = cached
        let lookups = try store.claims().flatMap { claim in
            [try FactDeskJSON.string(ClaimView(try store.claim(claim.id.value))),
             try FactDeskJSON.string(ClaimView(try store.claim(String(claim.id.value.prefix(9)))))]
        }
        let claimHistories = try store.claims().map { try FactDeskJSON.string(store.history(ofClaim: $0.id.value)) }
        let articleHistories = try store.articles().map { try FactDeskJSON.string(store.history(ofArticle: $0.id)) }
        let histories = lookups + claimHistories + articleHistories
        return histories + [
            try FactDeskJSON.string(store.report()),
            try FactDeskJSON.string(store.report(articles: [ArticleSlug("council-budget")])),
            try FactDeskJSON.string(store.claims().map { ClaimView($0, at: Date(timeIntervalSince1970: 0)) }),
            try FactDeskJSON.string(store.claims(status: .unverified).map { ClaimView($0, at: Date(timeIntervalSince1970: 0)) }),
            try FactDeskJSON.string(store.claims(in: ArticleSlug("port-strike")).map { ClaimView($0, at: Date(timeIntervalSince1970: 0)) }),
        ]
    }

    func cacheFile(_ desk: DeskFixture) -> String { desk.directory.path(".git/factdesk/summaries") }
    /// The desk's history index (one per desk folder: `history-<hash of the folder>`).
    func historyFile(_ desk: DeskFixture) -> String {
        let folder = desk.directory.path(".git/factdesk")
        let name = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.first { $0.hasPrefix("history-") }
        return folder + "/" + (name ?? "history-missing")
    }

    @Test func coldWarmAndAfterAChangeTheCacheAgreesWithGit() throws {
        let desk = try variedDesk()
        let truth = try answers(desk, cached: false)
        #expect(!FileManager.default.fileExists(atPath: cacheFile(desk)))
        #expect(try answers(desk, cached: true) == truth)           // cold: fills the cache
        #expect(FileManager.default.fileExists(atPath: cacheFile(desk)))
        #expect(try answers(desk, cached: true) == truth)           // warm
        try desk.store.annotate(AnnotationRequest(article: ArticleSlug("port-strike"), selector: .paragraph(1), claim: "One"),
                                editor: desk.ana)
        let changed = try answers(desk, cached: false)
        #expect(changed != truth)
        #expect(try answers(desk, cached: true) == changed)         // stale entries are never used
        // The cache lives in the git directory, never in a commit, and leaves `git status` clean.
        #expect(try !desk.git("ls-tree", "-r", "--name-only", "HEAD").contains("summaries"))
        #expect(try desk.git("status", "--porcelain") == "")
    }

    @Test(arguments: ["deleted", "garbage", "truncated", "flipped byte", "wrong magic", "empty", "forged lengths"],
          ["summaries", "history", "claim-ids"])
    func aMissingOrDamagedCacheIsRebuiltWithoutChangingAnAnswer(_ damage: String, file: String) throws {
        let desk = try variedDesk()
        let truth = try answers(desk, cached: false)
        _ = try answers(desk, cached: true)
        let path = file == "history" ? historyFile(desk) : file == "claim-ids" ? desk.directory.path(".git/factdesk/claim-ids") : cacheFile(desk)
        var bytes = try #require(FileManager.default.contents(atPath: path))
        switch damage {
        case "deleted": try FileManager.default.removeItem(atPath: path)
        case "garbage": bytes = Data((0..<4096).map { _ in UInt8.random(in: 0...255) })
        case "truncated": bytes = bytes.prefix(bytes.count * 2 / 3)
        case "flipped byte": bytes[bytes.count / 2] ^= 0xFF
        case "wrong magic": bytes[0] = UInt8(ascii: "X")
        case "forged lengths":
            // Its own magic, one entry (or a tip) of 20 bytes, then huge lengths, and a checksum that holds.
            var forged = ByteWriter()
            forged.raw(bytes.prefix(8))
            forged.int(1)
            forged.raw([UInt8](repeating: 0, count: 20))
            for _ in 0..<4 { forged.int(Int.max - 5) }
            forged.raw([UInt8](repeating: 0xFF, count: 64))
            CacheFile.write(forged.bytes, to: path)
            bytes = try #require(FileManager.default.contents(atPath: path))
        default: bytes = Data()
        }
        if damage != "deleted" { try bytes.write(to: URL(fileURLWithPath: path)) }
        #expect(try answers(desk, cached: true) == truth)
        #expect(try answers(desk, cached: true) == truth)
        // After one run the file is whole again.
        let healed = try #require(FileManager.default.contents(atPath: path))
        let magic = ["history": "FDHISv3\n", "claim-ids": "FDIDSv2\n", "summaries": "FDSUMv4\n"][file]!
        #expect(healed.starts(with: Array(magic.utf8)))
    }

    @Test func twoDesksInOneRepositoryKeepTheirOwnHistoryIndex() throws {
        let desk = try DeskFixture()
        let slug = try desk.addBudgetArticle()
        let second = try DeskStore.create(at: desk.directory.path("second"), editor: desk.ana)
        try second.addArticle(slug: slug, title: "Same slug, other desk", url: nil,
                              text: ArticleText(normalizing: "Other text.\n", source: "t"), editor: desk.ana)
        let first = try desk.store.annotate(AnnotationRequest(article: slug, selector: .paragraph(1), claim: "A"), editor: desk.ana)
        let other = try second.annotate(AnnotationRequest(article: slug, selector: .paragraph(1), claim: "B"), editor: desk.ana)
        #expect(try desk.store.history(ofClaim: first.id.value).count == 1)
        #expect(try second.history(ofClaim: other.id.value).count == 1)
        #expect(try second.history(ofArticle: slug).count == 2)
        second.usesCaches = false
        #expect(try second.history(ofArticle: slug).count == 2)
    }

    @Test func rewrittenHistoryRebuildsTheHistoryIndex() throws {
        let desk = try variedDesk()
        _ = try answers(desk, cached: true)
        _ = try desk.git("reset", "-q", "--hard", "HEAD~3")
        try desk.store.annotate(AnnotationRequest(article: ArticleSlug("port-strike"), selector: .paragraph(1), claim: "After"),
                                editor: desk.ben)
        #expect(try answers(desk, cached: true) == answers(desk, cached: false))
    }

    @Test func concurrentWritersAndReadersKeepTheCacheTruthful() throws {
        let desk = try variedDesk()
        let path = desk.directory.path("annotations")
        let editor = desk.ana
        let errors = LockedErrors()
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            do {
                let store = try DeskStore.open(at: path)
                for round in 0..<8 {
                    if worker % 2 == 0 {
                        try store.annotate(AnnotationRequest(article: ArticleSlug("port-strike"), selector: .paragraph(1),
                                                             claim: "w\(worker) r\(round)"), editor: editor)
                    }
                    _ = try store.report()
                    _ = try store.claims(status: .unverified)
                    _ = try store.history(ofArticle: ArticleSlug("port-strike"))
                }
            } catch {
                errors.add("\(error)")
            }
        }
        #expect(errors.all.isEmpty, "\(errors.all)")
        #expect(try answers(desk, cached: true) == answers(desk, cached: false))
    }
}

/// Errors collected from several threads.
final class LockedErrors: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [String] = []
    func add(_ error: String) { lock.withLock { errors.append(error) } }
    var all: [String] { lock.withLock { errors } }
}
