import CGit2
import Foundation

/// A remote configured in a repository: its name and (fetch) URL.
public struct RemoteInfo: Equatable, Sendable {
    public let name: String
    public let url: String

    public init(name: String, url: String) {
        self.name = name
        self.url = url
    }
}

/// A reference a remote advertised: its full name and the object it points at.
public struct RemoteHead: Equatable, Sendable {
    public let name: String
    public let target: ObjectID

    public init(name: String, target: ObjectID) {
        self.name = name
        self.target = target
    }
}

extension Repository {
    /// The configured remotes, sorted by name.
    public func remotes() throws -> [RemoteInfo] {
        var names = git_strarray()
        try check(git_remote_list(&names, pointer), "cannot list remotes")
        defer { git_strarray_dispose(&names) }
        let list = (0..<names.count).compactMap { names.strings[$0].map { String(cString: $0) } }
        return try list.sorted().compactMap { name in
            try remoteURL(named: name).map { RemoteInfo(name: name, url: $0) }
        }
    }

    /// The URL of remote `name` as configured; nil when there is no such remote.
    public func remoteURL(named name: String) throws -> String? {
        guard let remote = try RemoteHandle.lookup(name, in: self) else { return nil }
        return remote.configuredURL
    }

    /// Adds remote `name` fetching `+refs/heads/*:refs/remotes/NAME/*` from `url`, as `git remote add`.
    /// Refuses a name git would not accept and a name already in use.
    public func addRemote(named name: String, url: String) throws {
        GitLibrary.ensureInitialized()
        var valid: Int32 = 0
        try check(git_remote_name_is_valid(&valid, name), "cannot check the remote name \(name)")
        guard valid == 1 else {
            throw GitError(code: GIT_EINVALIDSPEC.rawValue, errorClass: Int32(GIT_ERROR_CONFIG.rawValue),
                           message: "'\(name)' is not a valid remote name")
        }
        guard !url.isEmpty else { throw GitError.custom("remote \(name) needs a URL") }
        if let existing = try remoteURL(named: name) {
            throw GitError(code: GIT_EEXISTS.rawValue, errorClass: Int32(GIT_ERROR_CONFIG.rawValue),
                           message: "a remote named \(name) already exists (\(TransportURL.redacted(existing)))")
        }
        var remote: OpaquePointer?
        try check(git_remote_create(&remote, pointer, name, url), "cannot add remote \(name)")
        git_remote_free(remote)
    }

    /// Removes remote `name`, its configuration and its remote-tracking references.
    public func removeRemote(named name: String) throws {
        let code = git_remote_delete(pointer, name)
        if code == GIT_ENOTFOUND.rawValue {
            throw GitError(code: code, errorClass: Int32(GIT_ERROR_CONFIG.rawValue), message: "there is no remote named \(name)")
        }
        try check(code, "cannot remove remote \(name)")
    }
}

/// An open `git_remote`. Owns its pointer and keeps its repository alive.
final class RemoteHandle {
    let pointer: OpaquePointer
    let name: String
    private let repository: Repository

    private init(pointer: OpaquePointer, name: String, repository: Repository) {
        self.pointer = pointer
        self.name = name
        self.repository = repository
    }

    deinit {
        git_remote_free(pointer)
    }

    /// Remote `name` of `repository`; nil when it has no such remote.
    static func lookup(_ name: String, in repository: Repository) throws -> RemoteHandle? {
        var remote: OpaquePointer?
        let code = git_remote_lookup(&remote, repository.pointer, name)
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EINVALIDSPEC.rawValue { return nil }
        try check(code, "cannot read remote \(name)")
        return RemoteHandle(pointer: remote!, name: name, repository: repository)
    }

    /// Remote `name`, or an error saying there is none.
    static func require(_ name: String, in repository: Repository) throws -> RemoteHandle {
        guard let remote = try lookup(name, in: repository) else {
            throw GitError(code: GIT_ENOTFOUND.rawValue, errorClass: Int32(GIT_ERROR_CONFIG.rawValue),
                           message: "there is no remote named \(name)")
        }
        return remote
    }

    /// An unnamed remote with `remote`'s URL (after `insteadOf`) and no configured refspecs.
    static func anonymous(for remote: RemoteHandle, in repository: Repository) throws -> RemoteHandle {
        var anonymous: OpaquePointer?
        try check(git_remote_create_anonymous(&anonymous, repository.pointer, remote.configuredURL),
                  "cannot open remote \(remote.name)")
        return RemoteHandle(pointer: anonymous!, name: remote.name, repository: repository)
    }

    /// The URL as configured (`remote.NAME.url`).
    var configuredURL: String {
        git_remote_url(pointer).map { String(cString: $0) } ?? ""
    }

    /// The URL libgit2 connects to for `push` (`pushurl` when set, after `insteadOf` rewrites).
    var pushURL: String {
        git_remote_pushurl(pointer).map { String(cString: $0) } ?? configuredURL
    }

    /// What the remote advertised in the last connection.
    func advertisedHeads() throws -> [RemoteHead] {
        var heads: UnsafeMutablePointer<UnsafePointer<git_remote_head>?>?
        var count = 0
        try check(git_remote_ls(&heads, &count, pointer), "cannot list the references of remote \(name)")
        return (0..<count).compactMap { index in
            guard let head = heads?[index]?.pointee, let name = head.name else { return nil }
            return RemoteHead(name: String(cString: name), target: ObjectID(head.oid))
        }
    }
}

/// Calls `body` with `strings` as a `git_strarray` that lives only for the call.
func withStringArray<T>(_ strings: [String], _ body: (UnsafePointer<git_strarray>) throws -> T) rethrows -> T {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    defer { pointers.forEach { free($0) } }
    return try pointers.withUnsafeMutableBufferPointer { buffer in
        var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
        return try body(&array)
    }
}
