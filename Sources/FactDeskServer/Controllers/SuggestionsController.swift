import FactDesk
import Hummingbird

/// `GET /api/v1/articles/{slug}/suggestions`: the article's sentences ranked by how check-worthy
/// they look, exactly as `factdesk suggest SLUG --json` prints them (`open=true` leaves out those
/// a claim covers, `top=K` keeps the first K). Filing one is `POST /api/v1/articles/{slug}/claims`
/// with its span and revision, the same library call as any claim filed on a selection.
struct SuggestionsController {
    let desk: DeskPool

    func addRoutes(to group: RouterGroup<DeskRequestContext>) {
        group.get("articles/{slug}/suggestions") { request, context in
            let query = request.uri.queryParameters
            let slug = try context.slug()
            let open = try APIController.flag(query["open"], named: "open")
            let top = try Self.count(query["top"])
            let json = try await desk.run { try $0.suggestions(for: slug).showing(openOnly: open, top: top).jsonUTF8() }
            return JSONResponse.make(utf8: json)
        }
    }

    /// The largest `top` asked for (the document's maximum).
    static let maximumTop = 1_000_000

    /// The `top` parameter: absent, or a whole number from 1 to `maximumTop`.
    private static func count(_ value: Substring?) throws -> Int? {
        guard let value else { return nil }
        guard let count = Int(value), (1...maximumTop).contains(count) else {
            throw APIError(.badRequest, "top is a whole number from 1 to \(maximumTop), not '\(String(value).oneLine(limit: 40))'")
        }
        return count
    }
}
