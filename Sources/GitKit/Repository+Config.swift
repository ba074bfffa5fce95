import CGit2

extension Repository {
    /// Sets a value in the repository's own configuration (`.git/config`), never the user's.
    public func setConfigString(_ key: String, _ value: String) throws {
        var config: OpaquePointer?
        try check(git_repository_config(&config, pointer), "cannot open the repository's git configuration")
        defer { git_config_free(config) }
        var local: OpaquePointer?
        try check(git_config_open_level(&local, config, GIT_CONFIG_LEVEL_LOCAL), "cannot open the repository's git configuration")
        defer { git_config_free(local) }
        try check(git_config_set_string(local, key, value), "cannot set \(key)")
    }
}
