import Foundation

/// Tells how far a long import has got: nothing for the first second (most imports are done
/// by then), then a few times a second through the store's `progressHandler`.
final class ImportProgress {
    private let total: Int
    private let handler: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    private let started = Date()
    private var lastReport: Date?

    init(total: Int, handler: (@Sendable (_ done: Int, _ total: Int) -> Void)?) {
        self.total = total
        self.handler = handler
    }

    /// `done` items of `total` are finished.
    func advance(to done: Int) {
        guard let handler, done % 64 == 0 else { return }
        let now = Date()
        guard now.timeIntervalSince(started) >= 1, lastReport.map({ now.timeIntervalSince($0) >= 0.2 }) ?? true else { return }
        lastReport = now
        handler(done, total)
    }

    /// Everything is read; the commit follows. Reported only if progress was.
    func finish() {
        if lastReport != nil { handler?(total, total) }
    }
}
