import FactDesk
import Foundation
import Hummingbird
import HummingbirdAuth
import NIOCore

/// What a signed-in browser keeps on the server: who, which sign-in of theirs it was made with,
/// and the token its forms and scripts must send back with every change (CSRF).
struct DeskSession: Codable, Sendable {
    var name: String
    var email: String
    /// When the editor's token (the one this session was signed in with) was issued: a session
    /// lives only as long as that token, not past `editor remove` and a new `editor add`.
    var tokenIssuedAt: Date
    var csrfToken: String
}

/// How a request proved who it is.
enum Authentication: Sendable {
    /// A browser session (cookie): changes need the session's CSRF token and a same-origin request.
    case session(DeskSession)
    /// `Authorization: Bearer TOKEN`: a script, which no other site can make a browser send.
    case bearer
}

/// The signed-in editor of a request, and how they signed in.
struct SignedInEditor: Sendable {
    let editor: Editor
    let authentication: Authentication
}

/// Each request's context: the session (if any), the signed-in editor (if any), and the body limit.
struct DeskRequestContext: AuthRequestContext, SessionRequestContext, RequestContext {
    var coreContext: CoreRequestContextStorage
    var identity: SignedInEditor?
    let sessions: SessionContext<DeskSession>
    /// Where the request came from (its IP address), for slowing down failed sign-ins.
    let client: String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        identity = nil
        sessions = .init()
        client = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// A revision of an article (up to 16 MiB of text) in JSON, escapes included, and no more.
    var maxUploadSize: Int { 40 << 20 }
}
