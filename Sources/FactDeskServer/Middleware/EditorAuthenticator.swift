import FactDesk
import Hummingbird
import HummingbirdAuth

/// Finds who is asking: a bearer token (scripts) checked against the desk's editors, else the
/// browser session, which ends as soon as the editor's sign-in is removed.
struct EditorAuthenticator: RouterMiddleware {
    typealias Context = DeskRequestContext
    let desk: DeskPool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let authorization = request.headers[.authorization] {
            guard authorization.hasPrefix("Bearer ") else { throw APIError(.unauthorized, "send Authorization: Bearer TOKEN") }
            let token = String(authorization.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
            guard let editor = try await desk.run({ try $0.editor(forToken: token) }) else {
                throw APIError(.unauthorized, "that token signs no one in (see `factdesk editor add`)")
            }
            context.identity = SignedInEditor(editor: editor, authentication: .bearer)
        } else if let session = context.sessions.session {
            let editor = try Editor(name: session.name, email: session.email)
            if try await desk.run({ try $0.canSignIn(editor) }) {
                context.identity = SignedInEditor(editor: editor, authentication: .session(session))
            } else {
                context.sessions.clearSession()
            }
        }
        return try await next(request, context)
    }
}

/// Lets only signed-in editors through: a script gets 401, a browser is sent to sign in.
struct RequireSignInMiddleware: RouterMiddleware {
    typealias Context = DeskRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.identity != nil else {
            if request.uri.path.hasPrefix("/api/") {
                throw APIError(.unauthorized, "sign in first: send Authorization: Bearer TOKEN (see `factdesk editor add`)")
            }
            return Redirect.to("/signin")
        }
        return try await next(request, context)
    }
}
