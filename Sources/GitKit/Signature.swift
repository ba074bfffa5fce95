import CGit2
import Foundation

/// Who made a commit and when: the author or committer line of a commit.
public struct Signature: Sendable, Equatable {
    public var name: String
    public var email: String
    public var date: Date
    /// Offset from UTC in minutes, as git records it.
    public var timeZoneOffsetMinutes: Int

    public init(name: String, email: String, date: Date = Date(), timeZoneOffsetMinutes: Int = 0) {
        self.name = name
        self.email = email
        self.date = date
        self.timeZoneOffsetMinutes = timeZoneOffsetMinutes
    }

    init(_ signature: UnsafePointer<git_signature>) {
        let value = signature.pointee
        name = String(cString: value.name)
        email = String(cString: value.email)
        date = Date(timeIntervalSince1970: TimeInterval(value.when.time))
        timeZoneOffsetMinutes = Int(value.when.offset)
    }

    /// Calls `body` with a libgit2 signature that lives only for the call.
    func withGitSignature<T>(_ body: (UnsafePointer<git_signature>) throws -> T) throws -> T {
        // libgit2 1.5 writes commit times as unsigned 32-bit seconds: refuse what it would wrap.
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard seconds >= 0, seconds <= Double(UInt32.max), abs(timeZoneOffsetMinutes) <= 14 * 60 else {
            throw GitError.custom("cannot record the date \(date) (offset \(timeZoneOffsetMinutes) min) in a commit")
        }
        var pointer: UnsafeMutablePointer<git_signature>?
        try check(
            git_signature_new(&pointer, name, email, git_time_t(seconds),
                              Int32(timeZoneOffsetMinutes)),
            "invalid signature \(name) <\(email)>")
        defer { git_signature_free(pointer) }
        return try body(pointer!)
    }
}
