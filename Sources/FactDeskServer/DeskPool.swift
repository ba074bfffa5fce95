import FactDesk
import Foundation
import NIOConcurrencyHelpers
import NIOPosix

/// The desk as the server uses it: a few `DeskStore`s so that reads run side by side (one store
/// serializes its own calls into libgit2), each call on NIO's thread pool, never on an event loop;
/// and one store for writes, which take turns on a queue of their own instead of holding pool
/// threads while they wait for the desk's lock. Writes from `factdesk` processes are ordered with
/// them by that lock and the branch's compare-and-swap.
final class DeskPool: Sendable {
    private let stores: [DeskStore]
    private let turn = NIOLockedValueBox(0)
    private let writer: DeskStore
    private let writes = DispatchQueue(label: "factdesk.desk-writes")

    init(path: String, count: Int = max(2, ProcessInfo.processInfo.activeProcessorCount)) throws {
        stores = try (0..<count).map { _ in try DeskStore.open(at: path) }
        writer = try DeskStore.open(at: path)
    }

    /// Runs one change with the writing store, after the changes asked for before it.
    func write<T: Sendable>(_ body: @escaping @Sendable (DeskStore) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            writes.async { [writer] in continuation.resume(with: Result { try body(writer) }) }
        }
    }

    /// Runs a read with one of the reading stores, off the event loops.
    func run<T: Sendable>(_ body: @escaping @Sendable (DeskStore) throws -> T) async throws -> T {
        let index = turn.withLockedValue { value in
            value = (value + 1) % stores.count
            return value
        }
        let store = stores[index]
        return try await NIOThreadPool.singleton.runIfActive { try body(store) }
    }
}
