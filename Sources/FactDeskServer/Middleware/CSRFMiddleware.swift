import HTTPTypes
import Hummingbird

/// A browser's change must come from the desk's own pages: the request's `Origin` (or, lacking
/// it, `Referer`) is this server, and it carries the session's CSRF token, in the
/// `X-CSRF-Token` header (scripts) or the `csrf` field (forms, checked where the form is read).
/// A cookie alone never authorizes a write; a bearer token needs neither.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = DeskRequestContext
    let behindHTTPS: Bool

    static let headerName = HTTPField.Name("X-CSRF-Token")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard ![.get, .head, .options].contains(request.method) else { return try await next(request, context) }
        if case .bearer = context.identity?.authentication { return try await next(request, context) }
        try Self.checkOrigin(of: request, behindHTTPS: behindHTTPS)
        // A form's token is its `csrf` field, which only the page routes read (`FormBody`): the
        // API reads no form, so an API call carries the header whatever its content type.
        if case .session(let session) = context.identity?.authentication, !Self.isForm(request) || Self.isAPI(request) {
            guard let sent = request.headers[Self.headerName], Self.same(sent, session.csrfToken) else {
                throw APIError(.forbidden, "this change did not come from a FactDesk page (missing or wrong CSRF token); reload the page")
            }
        }
        return try await next(request, context)
    }

    /// The request comes from a page of this server (same scheme, host and port).
    static func checkOrigin(of request: Request, behindHTTPS: Bool) throws {
        guard let host = request.head.authority else {
            throw APIError(.forbidden, "the request names no host")
        }
        let own = (behindHTTPS ? "https://" : "http://") + host
        if let origin = request.headers[.origin] {
            guard origin == own else { throw APIError(.forbidden, "a page of \(origin) may not change this desk") }
        } else if let referer = request.headers[.referer] {
            guard referer == own || referer.hasPrefix(own + "/") else { throw APIError(.forbidden, "a page elsewhere may not change this desk") }
        } else {
            throw APIError(.forbidden, "a browser change must say where it comes from (Origin); reload the page")
        }
    }

    /// Under `/api` as the router sees it (which makes nothing of empty path components: `//api/v1`).
    static func isAPI(_ request: Request) -> Bool {
        request.uri.path.split(separator: "/", omittingEmptySubsequences: true).first == "api"
    }

    static func isForm(_ request: Request) -> Bool {
        request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true
    }

    /// Compares in time independent of where the strings differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
