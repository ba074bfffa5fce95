import CGit2

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
        _ = cgit2_set_mwindow_limits(8 << 20, 32 << 20)
        // libgit2 hashes every object it reads again to check its id; git itself does not on
        // ordinary reads (`git fsck` does, and so does `factdesk check` through it). Profiled on a
        // bulk import, the re-hashing was 39% of all instructions.
        _ = cgit2_set_strict_hash_verification(0)
        return count
    }()

    static func ensureInitialized() {
        _ = initialized
    }
}
