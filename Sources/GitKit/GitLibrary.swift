import CGit2

/// Initializes libgit2 exactly once per process, before the first call into it.
enum GitLibrary {
    /// Swift runs a global's initializer once, thread-safely, on first use.
    private static let initialized: Int32 = {
        git_libgit2_init()
    }()

    static func ensureInitialized() {
        _ = initialized
    }
}
