import CGit2

/// The optional transports the linked libgit2 was built with (`git_libgit2_features`).
public enum GitFeatures {
    /// libgit2 can reach `ssh://` and `user@host:path` remotes (built with libssh2).
    public static var hasSSH: Bool { features & GIT_FEATURE_SSH.rawValue != 0 }
    /// libgit2 can reach `https://` remotes (built with a TLS library).
    public static var hasHTTPS: Bool { features & GIT_FEATURE_HTTPS.rawValue != 0 }

    private static var features: UInt32 {
        GitLibrary.ensureInitialized()
        return UInt32(bitPattern: git_libgit2_features())
    }
}
