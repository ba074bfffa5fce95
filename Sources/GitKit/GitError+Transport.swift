import CGit2

extension GitError {
    /// The remote's branch moved past what was pushed: fetch, merge and push again.
    public var isNonFastForward: Bool { code == GIT_ENONFASTFORWARD.rawValue }

    /// The server refused the credentials (or none could be found to offer it).
    public var isAuthenticationFailure: Bool { code == GIT_EAUTH.rawValue }

    /// An SSH server's host key was unknown or changed, so the connection was refused.
    public var isHostKeyRefused: Bool {
        code == GIT_ECERTIFICATE.rawValue && errorClass == Int32(GIT_ERROR_SSH.rawValue)
    }

    /// A refusal of the credentials, with `message` saying whose and why.
    static func authentication(_ message: String) -> GitError {
        GitError(code: GIT_EAUTH.rawValue, errorClass: Int32(GIT_ERROR_NET.rawValue), message: message)
    }

    /// A refused SSH host key.
    static func hostKey(_ message: String) -> GitError {
        GitError(code: GIT_ECERTIFICATE.rawValue, errorClass: Int32(GIT_ERROR_SSH.rawValue), message: message)
    }

    /// References the server refused to update, with its reasons.
    static func pushRejected(_ message: String, nonFastForward: Bool) -> GitError {
        GitError(code: nonFastForward ? GIT_ENONFASTFORWARD.rawValue : GIT_ERROR.rawValue,
                 errorClass: Int32(GIT_ERROR_REFERENCE.rawValue), message: message, isPushRejected: true)
    }
}
