import FactDesk
import Foundation
import Hummingbird

/// An error as the JSON API answers it: `{"error": "..."}` with the status that says what went
/// wrong, the same message a `factdesk` command would print.
struct APIError: Error, HTTPResponseError {
    let status: HTTPResponse.Status
    let message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    /// The status for each of FactDesk's errors: what is missing is 404, what clashes with the
    /// desk 409, what the policy refuses 403, what cannot be done with the values given 422.
    init(_ error: FactDeskError) {
        switch error {
        case .unknownArticle, .unknownClaim: self.init(.notFound, error.description)
        case .articleExists, .ambiguousClaim, .ambiguousQuote, .staleRevision, .mergeConflict: self.init(.conflict, error.description)
        case .policy: self.init(.forbidden, error.description)
        case .invalidInput, .quoteNotFound: self.init(.unprocessableContent, error.description)
        case .storage: self.init(.serviceUnavailable, error.description)
        case .notADesk, .corruptFile: self.init(.internalServerError, error.description)
        }
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONResponse.make(["error": message], status: status)
    }
}

/// JSON in FactDesk's own dialect (sorted keys, ISO 8601 dates), so the API's claims and reports
/// are byte for byte what `factdesk show --json` and `factdesk report --format json` print.
enum JSONResponse {
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let body = (try? FactDeskJSON.string(value)) ?? "{\"error\": \"the answer could not be written as JSON\"}\n"
        return make(json: body, status: status)
    }

    static func make(json: String, status: HTTPResponse.Status = .ok) -> Response {
        make(body: ByteBuffer(string: json), status: status)
    }

    /// JSON already written as UTF-8 bytes (a report of 100,000 claims), without a String's copy.
    static func make(utf8 json: Data, status: HTTPResponse.Status = .ok) -> Response {
        make(body: ByteBuffer(bytes: json), status: status)
    }

    private static func make(body: ByteBuffer, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: body))
    }

    /// Decodes a request body as `T`; malformed JSON or a missing field is a 400 naming what is wrong.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: DeskRequestContext) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.maxUploadSize)
        } catch {
            throw APIError(.contentTooLarge, "the request body is larger than \(context.maxUploadSize >> 20) MiB")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer: buffer))
        } catch let error as DecodingError {
            throw APIError(.badRequest, "the request body is not the JSON expected: \(describe(error))")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): return "missing \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\""
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "bad value at \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\""
        @unknown default: return "unreadable"
        }
    }
}
