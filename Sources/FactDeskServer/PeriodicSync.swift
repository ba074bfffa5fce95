import FactDesk
import Foundation

/// How a web desk keeps its git host current: every `interval`, sync with `remote` as `editor`
/// (the author of any merge commit), through the same writer queue as the desk's own changes.
public struct PeriodicSync: Sendable {
    public var remote: String
    public var interval: Duration
    public var editor: Editor
    /// Receives each round's one-line outcome (or its error); the command-line tool prints it.
    public var log: @Sendable (String) -> Void

    public init(remote: String, interval: Duration, editor: Editor, log: @escaping @Sendable (String) -> Void) {
        self.remote = remote
        self.interval = interval
        self.editor = editor
        self.log = log
    }

    /// Syncs every `interval` until the task is cancelled; a failed round is logged and the next one tries again.
    func run(with desk: DeskPool) async {
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: interval)
            } catch {
                return
            }
            let (remote, editor) = (self.remote, self.editor)
            do {
                let report = try await desk.write { store in try store.sync(SyncOptions(remote: remote), editor: editor) }
                log("sync with \(remote): \(report.summary)")
            } catch {
                log("sync with \(remote) failed: \(error)")
            }
        }
    }
}
