import CGit2
import Synchronization

/// Initializes libgit2 exactly once per process, before the first call into it.
enum GitLibrary {
    /// Swift runs a global's initializer once, thread-safely, on first use.
    private static let initialized: Int32 = {
        let count = git_libgit2_init()
        // Durability comes from `Repository.flush(files:)` and `flushToDisk()`, chosen per write by
        // FactDesk, rather than libgit2's fsync of every file it touches.
        _ = cgit2_set_fsync_gitdir(0)
        // A walk over a large history touches every tree once: a smaller object cache keeps peak
        // memory down at little cost, since FactDesk rarely reads the same object twice.
        _ = cgit2_set_cache_max_size(64 << 20)
        // Likewise for pack files: a read of every object of a large desk would otherwise keep the
        // whole pack mapped (libgit2's default allows 8 GiB); 8 MiB windows, 32 MiB mapped at most.
        _ = cgit2_set_mwindow_limits(narrowWindows.size, narrowWindows.mapped)
        // libgit2 hashes every object it reads again to check its id; git itself does not on
        // ordinary reads (`git fsck` does, and so does `factdesk check` through it). Profiled on a
        // bulk import, the re-hashing was 39% of all instructions.
        _ = cgit2_set_strict_hash_verification(0)
        return count
    }()

    static func ensureInitialized() {
        _ = initialized
    }

    /// Pack windows for FactDesk's own reads: 8 MiB windows, 32 MiB mapped at most.
    private static let narrowWindows = (size: 8 << 20, mapped: 32 << 20)
    /// libgit2's defaults on 64-bit systems: 1 GiB windows, 8 GiB mapped.
    private static let wideWindows = (size: 1 << 30, mapped: 8 << 30)
    /// How many `withWidePackWindows` calls are running.
    private static let wideWindowUsers = Mutex(0)

    /// Runs `body` with libgit2's default pack windows. A push counts its objects by walking
    /// every tree of the remote's tip (`git_packbuilder_insert_walk`); through 8 MiB windows that
    /// walk maps and unmaps the pack thousands of times (measured: 0.2 s more on a 100,000-claim
    /// desk). The limits are libgit2-wide: they are wide while any such call runs.
    static func withWidePackWindows<T>(_ body: () throws -> T) rethrows -> T {
        ensureInitialized()
        wideWindowUsers.withLock { users in
            if users == 0 { _ = cgit2_set_mwindow_limits(wideWindows.size, wideWindows.mapped) }
            users += 1
        }
        defer {
            wideWindowUsers.withLock { users in
                users -= 1
                if users == 0 { _ = cgit2_set_mwindow_limits(narrowWindows.size, narrowWindows.mapped) }
            }
        }
        return try body()
    }
}
