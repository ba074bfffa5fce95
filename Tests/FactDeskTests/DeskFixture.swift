import Foundation
@testable import FactDesk
import TestSupport

/// A desk in a temporary checked-out repository, with a settable clock and two editors.
final class DeskFixture {
    let directory: TemporaryDirectory
    let store: DeskStore
    let ana = try! Editor(parsing: "Ana Ruiz <ana@example.org>")
    let ben = try! Editor(parsing: "Ben Okafor <ben@example.org>")
    /// This desk's own clock: tests move it forward to age claims, without touching other tests' desks.
    let clock = TestClock()

    static let articleText = """
    The council approved a budget of €4.2 million on Tuesday — the largest in a decade.

    “We have cut waste,” said Mayor Zoë Laurent. Officials said more than a dozen projects were delayed.

    Critics said the figure was “misleading”. 🇫🇷 Le maire a répondu: « Non. »
    """

    init(deskFolder: String = "annotations") throws {
        directory = try TemporaryDirectory("factdesk-store")
        try ProcessRunner.git(["init", "-q", "-b", "main"], in: directory.url)
        let clock = self.clock
        store = try DeskStore.create(at: directory.path(deskFolder), editor: ana, clock: { clock.now })
    }

    var repository: URL { directory.url }

    func git(_ arguments: String...) throws -> String {
        try ProcessRunner.git(arguments, in: repository)
    }

    func commitCount() throws -> Int {
        Int(try git("rev-list", "--count", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    @discardableResult
    func addBudgetArticle() throws -> ArticleSlug {
        let slug = try ArticleSlug("council-budget")
        try store.addArticle(slug: slug, title: "Council passes record budget", url: "https://news.example/budget",
                             text: try ArticleText(normalizing: Data(Self.articleText.utf8), source: "test"), editor: ana)
        return slug
    }
}

/// A settable time for a test desk.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_790_000_000)

    var now: Date {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }
}
