import FactDesk
import Hummingbird
import HummingbirdAuth

/// Finds who is asking: a bearer token (scripts) checked against the desk's editors, else the
/// browser session, which ends as soon as the token it was signed in with is removed (even when
/// the editor has since been given a new one).
struct EditorAuthenticator: RouterMiddleware {
    typealias Context = DeskRequestContext
    let desk: DeskPool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        // Only a Bearer credential is the desk's (the scheme's name in any case); another scheme,
        // such as the Basic credentials of a proxy in front of the desk, is not ours to judge.
        if let authorization = request.headers[.authorization], let space = authorization.firstIndex(of: " "),
           authorization[..<space].lowercased() == "bearer" {
            let token = String(authorization[space...]).trimmingCharacters(in: .whitespaces)
            guard let editor = try await desk.run({ try $0.editor(forToken: token) }) else {
                throw APIError(.unauthorized, "that token signs no one in (see `factdesk editor add`)")
            }
            context.identity = SignedInEditor(editor: editor, authentication: .bearer)
        } else if let session = context.sessions.session {
            let editor = try Editor(name: session.name, email: session.email)
            let issued = session.tokenIssuedAt
            if try await desk.run({ try SignInController.tokenIssuedAt(for: editor, in: $0) == issued }) {
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
