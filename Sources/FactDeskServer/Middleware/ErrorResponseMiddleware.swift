import FactDesk
import Foundation
import Hummingbird

/// Turns every failure into an answer the caller can read: JSON `{"error": ...}` with the right
/// status under `/api`, a plain page saying what went wrong elsewhere. Nothing a user sends
/// reaches them as a stack trace or a dropped connection.
struct ErrorResponseMiddleware: RouterMiddleware {
    typealias Context = DeskRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            if let allowed = Self.methodsAllowed(for: request, after: error) {
                let list = allowed.map(\.rawValue).joined(separator: ", ")
                var response = JSONResponse.make(["error": "this route takes \(list), not \(request.method.rawValue.oneLine(limit: 20))"],
                                                 status: .methodNotAllowed)
                response.headers[.allow] = list
                return response
            }
            let failure = Self.apiError(error)
            if request.uri.path.hasPrefix("/api/") {
                return JSONResponse.make(["error": failure.message], status: failure.status)
            }
            if failure.status == .unauthorized { return Redirect.to("/signin") }
            return Page.error(failure.status, message: failure.message, editor: context.identity)
        }
    }

    /// The methods an API route serves when the router found no handler for the request's
    /// method on that route (it answers 404 for both an unknown path and an unknown method): the
    /// answer is then 405 with `Allow`, as HTTP has it.
    static func methodsAllowed(for request: Request, after error: any Error) -> [HTTPRequest.Method]? {
        guard let error = error as? HTTPError, error.status == .notFound, error.body == nil,
              let allowed = APIController.methods(servedAt: request.uri.path), !allowed.contains(request.method)
        else { return nil }
        return allowed
    }

    /// The status and message for any error a handler throws.
    static func apiError(_ error: any Error) -> APIError {
        switch error {
        case let error as APIError: return error
        case let error as FactDeskError: return APIError(error)
        case let error as HTTPError:
            return APIError(error.status, error.body ?? error.status.reasonPhrase)
        default:
            return APIError(.internalServerError, "the desk could not answer: \(error)")
        }
    }
}

/// A redirect after a form, or to sign in.
enum Redirect {
    static func to(_ path: String) -> Response {
        Response(status: .seeOther, headers: [.location: path])
    }
}
