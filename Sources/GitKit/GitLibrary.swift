import CGit2

/// Initializes libgit2 exactly once per process, before the first call into it.
enum GitLibrary {
    /// Swift runs a global's initializer once, thread-safely, on first use.
    private static let initialized: Int32 = {
        let count = git_libgit2_init()
        // A commit that was reported done must survive a power cut, not only a crash:
        // libgit2 then fsyncs objects, refs and the index as git does with core.fsync.
        _ = cgit2_set_fsync_gitdir(1)
        return count
    }()

    static func ensureInitialized() {
        _ = initialized
    }
}
