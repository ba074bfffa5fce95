import Foundation
import Testing
@testable import FactDesk
import TestSupport

/// Threads of one process writing to one desk: through one shared `DeskStore` and through one
/// `DeskStore` per thread.
@Suite(.serialized) struct ThreadedWritersTests {
    @Test(arguments: [true, false])
    func threadsWritingAtOnceLoseNothing(sharingOneStore: Bool) throws {
        let desk = try DeskFixture()
        let slug = try desk.addBudgetArticle()
        let path = desk.directory.path("annotations")
        let threads = 4, perThread = 25
        let failures = NSLock()
        nonisolated(unsafe) var errors: [String] = []
        let shared = desk.store
        let editor = desk.ben
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            do {
                let store = sharingOneStore ? shared : try DeskStore.open(at: path)
                for n in 0..<perThread {
                    try store.annotate(AnnotationRequest(article: slug, selector: .paragraph(n % 3 + 1),
                                                         claim: "thread \(thread) claim \(n)"), editor: editor)
                }
            } catch {
                failures.withLock { errors.append("\(error)") }
            }
        }
        #expect(errors.isEmpty, "\(errors)")
        #expect(try desk.store.claims().count == threads * perThread)
        #expect(try desk.commitCount() == 2 + threads * perThread)
        #expect(try desk.git("status", "--porcelain") == "")
        _ = try desk.git("fsck", "--strict")
        #expect(try desk.store.check().healthy)
    }
}
