import Foundation
import Hummingbird

/// A form a page posts (`application/x-www-form-urlencoded`): read within the body limit, and
/// refused unless its `csrf` field is the session's token. The only way handlers read a form,
/// so no form can skip the check.
enum FormBody {
    static func fields(of request: Request, context: DeskRequestContext, checkingCSRF: Bool = true) async throws -> [String: String] {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.maxUploadSize)
        } catch {
            throw APIError(.contentTooLarge, "the form is larger than \(context.maxUploadSize >> 20) MiB")
        }
        var fields: [String: String] = [:]
        for pair in String(buffer: buffer).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]) else { throw APIError(.badRequest, "the form is not URL-encoded") }
            guard let value = parts.count > 1 ? decode(parts[1]) : "" else { throw APIError(.badRequest, "the form is not URL-encoded") }
            fields[name] = value
        }
        if checkingCSRF {
            guard case .session(let session) = context.identity?.authentication, let sent = fields["csrf"],
                  CSRFMiddleware.same(sent, session.csrfToken) else {
                throw APIError(.forbidden, "this form did not come from a FactDesk page (missing or wrong CSRF token); reload the page")
            }
        }
        return fields
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
