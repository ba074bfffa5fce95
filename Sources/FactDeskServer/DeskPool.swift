import FactDesk
import Foundation
import NIOConcurrencyHelpers
import NIOPosix

/// A few `DeskStore`s on the same desk, so that reads run side by side (one store serializes its
/// own calls into libgit2), each call on NIO's thread pool, never on an event loop. Writes from
/// any of them, and from `factdesk` processes, are ordered by the desk's lock and compare-and-swap.
final class DeskPool: Sendable {
    private let stores: [DeskStore]
    private let turn = NIOLockedValueBox(0)

    init(path: String, count: Int = max(2, ProcessInfo.processInfo.activeProcessorCount)) throws {
        stores = try (0..<count).map { _ in try DeskStore.open(at: path) }
    }

    /// Runs `body` with one of the stores, off the event loops.
    func run<T: Sendable>(_ body: @escaping @Sendable (DeskStore) throws -> T) async throws -> T {
        let index = turn.withLockedValue { value in
            value = (value + 1) % stores.count
            return value
        }
        let store = stores[index]
        return try await NIOThreadPool.singleton.runIfActive { try body(store) }
    }
}
