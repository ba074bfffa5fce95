import FactDesk
import Foundation
import Hummingbird
import HummingbirdAuth

/// `/signin` and `/signout`. A good token starts a new session (a fresh id, whatever id the
/// browser brought, which is ended) and goes to the desk; a bad one is answered slowly, and more
/// slowly the more a client gets wrong.
struct SignInController {
    let desk: DeskPool
    let sessions: SessionStorage<DeskSession>
    let lifetime: Duration
    let behindHTTPS: Bool
    let throttle = SignInThrottle()

    func addRoutes(to router: Router<DeskRequestContext>) {
        router.get("signin") { _, context in
            if context.identity != nil { return Redirect.to("/") }
            return Self.page(error: nil, status: .ok)
        }
        router.post("signin") { request, context in
            try CSRFMiddleware.checkOrigin(of: request, behindHTTPS: behindHTTPS)
            let fields = try await FormBody.fields(of: request, context: context, checkingCSRF: false)
            let token = (fields["token"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            try await throttle.wait(for: context.client)
            guard let (editor, issued) = try await desk.run({ store -> (Editor, Date)? in
                guard let editor = try store.editor(forToken: token), let issued = try Self.tokenIssuedAt(for: editor, in: store) else { return nil }
                return (editor, issued)
            }) else {
                await throttle.failed(context.client)
                return Self.page(error: "That token signs no one in. Ask your desk's administrator for yours (`factdesk editor add`).",
                                 status: .unauthorized)
            }
            await throttle.succeeded(context.client)
            // A fresh session id: the one the browser brought (if any) is ended, never reused.
            if sessions.getId(request: request) != nil { _ = try? await sessions.delete(request: request) }
            context.sessions.clearSession()
            context.sessions.createSession(DeskSession(name: editor.name, email: editor.email, tokenIssuedAt: issued,
                                                       csrfToken: Self.newCSRFToken()),
                                           expiresIn: lifetime)
            return Redirect.to("/")
        }
        router.post("signout") { request, context in
            if context.identity != nil { _ = try await FormBody.fields(of: request, context: context) }
            context.sessions.clearSession()
            return Redirect.to("/signin")
        }
    }

    /// 32 random bytes, two hex digits each.
    static func newCSRFToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
    }

    /// When `editor`'s current sign-in token was issued; nil when they may not sign in.
    static func tokenIssuedAt(for editor: Editor, in store: DeskStore) throws -> Date? {
        try store.signInEditors().first { $0.editor.isSamePerson(as: editor) }?.addedAt
    }

    static func page(error: String?, status: HTTPResponse.Status) -> Response {
        Page.make(title: "Sign in", editor: nil, status: status, bodyClass: "signin") { html in
            html.raw("<h1>Sign in to the desk</h1>\n")
            if let error {
                html.raw("<p class=\"error\" role=\"alert\">")
                html.escaped(error)
                html.raw("</p>\n")
            }
            html.raw("""
            <form method="post" action="/signin" class="signin-form">
            <label for="token">Your sign-in token</label>
            <input id="token" name="token" type="password" autocomplete="off" required autofocus>
            <button type="submit">Sign in</button>
            </form>
            """)
        }
    }
}

/// Slows failed sign-ins per client: after each failure the next attempt waits longer (up to
/// five seconds), so guessing tokens is hopeless; a success forgets the client's failures.
actor SignInThrottle {
    private var failures: [String: (count: Int, last: ContinuousClock.Instant)] = [:]

    func wait(for client: String) async throws {
        guard let record = failures[client] else { return }
        if ContinuousClock.now - record.last > .seconds(900) {
            failures[client] = nil
            return
        }
        let delay = min(Duration.milliseconds(250) * (1 << min(record.count, 5)), .seconds(5))
        try await Task.sleep(for: delay)
    }

    func failed(_ client: String) {
        failures[client] = ((failures[client]?.count ?? 0) + 1, .now)
        if failures.count > 10_000 { failures.removeAll() }
    }

    func succeeded(_ client: String) {
        failures[client] = nil
    }
}
