import CGit2

/// A failed libgit2 call: its return code, error class and `git_error_last()` message.
public struct GitError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The negative `git_error_code` the call returned.
    public let code: Int32
    /// The `git_error_t` class libgit2 reported, 0 when none.
    public let errorClass: Int32
    /// What libgit2 said, prefixed by the operation that failed.
    public let message: String
    /// True when a push was refused: by the server (a hook, a protected branch, the branch moved)
    /// or by libgit2 before sending (not a fast-forward). `isNonFastForward` narrows it down.
    public let isPushRejected: Bool

    init(code: Int32, errorClass: Int32, message: String, isPushRejected: Bool = false) {
        self.code = code
        self.errorClass = errorClass
        self.message = message
        self.isPushRejected = isPushRejected
    }

    public var description: String { message }

    /// The ref or object was not found.
    public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }
    /// A compare-and-swap lost: the reference moved since it was read.
    public var isModified: Bool { code == GIT_EMODIFIED.rawValue }
    /// The object or reference already exists.
    public var isExists: Bool { code == GIT_EEXISTS.rawValue }
    /// A lock file is held by someone else.
    public var isLocked: Bool { code == GIT_ELOCKED.rawValue }
}

/// Turns a libgit2 return code into a thrown `GitError`, reading `git_error_last()`
/// on the same thread right after the failing call. 
func check(_ code: Int32, _ operation: @autoclosure () -> String) throws {
    guard code < 0 else { return }
    let last = git_error_last()
    var detail = last.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unknown libgit2 error"
    // Some libgit2 messages end in ": " where the system gave no reason.
    while detail.hasSuffix(": ") || detail.hasSuffix(" ") || detail.hasSuffix(":") { detail.removeLast() }
    let errorClass = last.map { $0.pointee.klass } ?? 0
    throw GitError(code: code, errorClass: errorClass, message: "\(operation()): \(detail)")
}

extension GitError {
    /// An error GitKit raises itself, not from a libgit2 return code.
    static func custom(_ message: String) -> GitError {
        GitError(code: GIT_ERROR.rawValue, errorClass: 0, message: message)
    }

    /// A compare-and-swap on a reference lost to another writer.
    public var isLostRace: Bool { isModified || isExists }
}
