import FactDesk
import Foundation
import Hummingbird

/// The JSON API under `/api/v1`: decode, call the FactDesk library as the CLI does, encode.
/// Claims answer with the keys of `factdesk show --json`, the report with those of
/// `factdesk report --format json`; offsets are Unicode scalar offsets of the stored text.
struct APIController {
    let desk: DeskPool

    func addRoutes(to group: RouterGroup<DeskRequestContext>) {
        group.get("articles") { _, _ in
            JSONResponse.make(try await desk.run { try $0.articleSummaries() })
        }
        group.post("articles") { request, context in
            let body = try await JSONResponse.decode(APIRequest.NewArticle.self, from: request, context: context)
            let editor = try context.editor()
            let article = try await desk.write { store in
                let slug = try ArticleSlug(body.id)
                try store.addArticle(slug: slug, title: body.title, url: body.url,
                                     text: try ArticleText(normalizing: body.text, source: "the text"), editor: editor)
                return try ArticleView(store.document(slug))
            }
            return JSONResponse.make(article, status: .created)
        }
        group.get("articles/{slug}") { _, context in
            let slug = try context.slug()
            return JSONResponse.make(try await desk.run { try ArticleView($0.document(slug)) })
        }
        group.put("articles/{slug}/text") { request, context in
            let body = try await JSONResponse.decode(APIRequest.NewText.self, from: request, context: context)
            let (slug, editor) = (try context.slug(), try context.editor())
            return JSONResponse.make(try await desk.write { store in
                try store.updateArticle(slug, text: try ArticleText(normalizing: body.text, source: "the text"), editor: editor)
            })
        }
        group.post("articles/{slug}/claims") { request, context in
            let body = try await JSONResponse.decode(APIRequest.NewClaim.self, from: request, context: context)
            let (slug, editor) = (try context.slug(), try context.editor())
            let claim = try await desk.write { store in
                let now = Date()
                let request = AnnotationRequest(
                    article: slug, selector: try body.place.selector(), claim: body.claim, sources: body.sources ?? [],
                    note: body.note, assignee: body.assignee,
                    due: try body.due.flatMap { $0.isEmpty ? nil : try DeskDate(parsing: $0, field: "due", now: now) },
                    attribution: try body.attribution.attribution(now: now), revision: body.place.revision)
                return ClaimView(try store.annotate(request, editor: editor))
            }
            return JSONResponse.make(claim, status: .created)
        }
        group.get("claims") { request, context in
            let query = request.uri.queryParameters
            let editor = try context.editor()
            let filter = ClaimFilter(
                status: try query["status"].map { try ClaimStatus.parse(String($0)) },
                assignee: query["assignee"].map { $0 == "me" ? editor.description : String($0) },
                overdue: try Self.flag(query["overdue"], named: "overdue"),
                needsReview: try Self.flag(query["needsReview"], named: "needsReview"),
                conflicted: try Self.flag(query["conflicted"], named: "conflicted"))
            let article = try query["article"].map { try ArticleSlug(String($0)) }
            return JSONResponse.make(try await desk.run { try $0.claims(in: article, matching: filter).map { ClaimView($0) } })
        }
        group.get("claims/{id}") { _, context in
            let id = try context.claimID()
            return JSONResponse.make(try await desk.run { ClaimView(try $0.claim(id)) })
        }
        group.get("claims/{id}/history") { _, context in
            let id = try context.claimID()
            return JSONResponse.make(try await desk.run { try $0.history(ofClaim: id) })
        }
        group.post("claims/{id}/status") { request, context in
            let body = try await JSONResponse.decode(APIRequest.StatusChange.self, from: request, context: context)
            return try await change(context) { store, id, editor in
                try store.setStatus(id, to: try ClaimStatus.parse(body.status), note: body.note, sources: body.sources ?? [], editor: editor)
            }
        }
        group.post("claims/{id}/sources") { request, context in
            let body = try await JSONResponse.decode(APIRequest.NewSource.self, from: request, context: context)
            return try await change(context, status: .created) { store, id, editor in
                try store.addSource(to: id, url: body.url, title: body.title, note: body.note, editor: editor)
            }
        }
        group.post("claims/{id}/notes") { request, context in
            let body = try await JSONResponse.decode(APIRequest.NewNote.self, from: request, context: context)
            return try await change(context, status: .created) { store, id, editor in
                try store.addNote(to: id, note: body.note, editor: editor)
            }
        }
        group.post("claims/{id}/assignee") { request, context in
            let body = try await JSONResponse.decode(APIRequest.Assignment.self, from: request, context: context)
            return try await change(context) { store, id, editor in
                let due = try body.due.flatMap { $0.isEmpty ? nil : try DeskDate(parsing: $0, field: "due", now: Date()) }
                return try store.assign(id, to: body.assignee, due: due, editor: editor)
            }
        }
        group.delete("claims/{id}/assignee") { _, context in
            try await change(context) { store, id, editor in try store.unassign(id, editor: editor) }
        }
        group.post("claims/{id}/review") { request, context in
            let body = try await JSONResponse.decode(APIRequest.Review.self, from: request, context: context)
            return try await change(context) { store, id, editor in
                let decision: ReviewDecision
                switch body.decision {
                case "approve": decision = .approve
                case "reject": decision = .reject
                default: throw FactDeskError.invalidInput("decision is approve or reject, not '\(body.decision.oneLine(limit: 40))'")
                }
                return try store.review(id, decision, note: body.note, editor: editor)
            }
        }
        group.post("claims/{id}/conflicts") { request, context in
            let body = try await JSONResponse.decode(APIRequest.Resolve.self, from: request, context: context)
            return try await change(context) { store, id, editor in
                guard let choice = ConflictChoice(rawValue: body.choice) else {
                    throw FactDeskError.invalidInput("choice is keep or take, not '\(body.choice.oneLine(limit: 40))'")
                }
                let field = try body.field.map { name in
                    guard let field = MergeConflict.Field(rawValue: name) else {
                        throw FactDeskError.invalidInput("field is claim, status or assignee, not '\(name.oneLine(limit: 40))'")
                    }
                    return field
                }
                return try store.resolveConflict(id, field: field, choice: choice, editor: editor)
            }
        }
        group.post("claims/{id}/attribution") { request, context in
            let body = try await JSONResponse.decode(APIRequest.AttributionFields.self, from: request, context: context)
            return try await change(context) { store, id, editor in
                guard let attribution = try body.attribution(now: Date()) else {
                    throw FactDeskError.invalidInput("give claimant, claimDate or appearances to record")
                }
                return try store.attribute(id, attribution, editor: editor)
            }
        }
        group.post("claims/{id}/anchor") { request, context in
            let body = try await JSONResponse.decode(APIRequest.Place.self, from: request, context: context)
            return try await change(context) { store, id, editor in try store.reanchor(id, to: try body.selector(), revision: body.revision, editor: editor) }
        }
        group.get("report") { request, _ in
            let slugs = try request.uri.queryParameters.getAll("article").map { try ArticleSlug(String($0)) }
            let json = try await desk.run { ReportFormat.json.renderUTF8(try $0.report(articles: slugs)) }
            return JSONResponse.make(utf8: json)
        }
    }

    /// A yes/no query parameter: absent or `false` is false, `true` is true, anything else is
    /// refused (a misspelt filter silently ignored would answer every claim).
    static func flag(_ value: Substring?, named name: String) throws -> Bool {
        switch value {
        case nil, "false": return false
        case "true": return true
        case let value?: throw APIError(.badRequest, "\(name) is true or false, not '\(String(value).oneLine(limit: 40))'")
        }
    }

    /// Runs one change of claim `{id}` as the signed-in editor and answers with the claim.
    private func change(_ context: DeskRequestContext, status: HTTPResponse.Status = .ok,
                        _ body: @escaping @Sendable (DeskStore, String, Editor) throws -> Claim) async throws -> Response {
        let (id, editor) = (try context.claimID(), try context.editor())
        return JSONResponse.make(try await desk.write { ClaimView(try body($0, id, editor)) }, status: status)
    }
}

/// An article as the API answers it: the article, its text and its claims.
struct ArticleView: Encodable, Sendable {
    let id: String
    let title: String
    /// Written as `null` when the article has none, as in the article list.
    @ExplicitNull var url: String?
    let revision: Int
    let text: String
    let paragraphs: [ParagraphView]
    let claims: [ClaimView]
    let createdBy: String
    let createdAt: Date
    let updatedBy: String
    let updatedAt: Date

    /// A paragraph's place in the text, in scalar offsets.
    struct ParagraphView: Encodable, Sendable {
        let number: Int
        let start: Int
        let end: Int
    }

    init(_ document: ArticleDocument) {
        let article = document.article
        id = article.id.value
        title = article.title
        url = article.url
        revision = article.revision
        text = document.text.string
        paragraphs = document.text.paragraphs.enumerated().map { ParagraphView(number: $0.offset + 1, start: $0.element.lowerBound, end: $0.element.upperBound) }
        claims = document.claims.map { ClaimView($0) }
        createdBy = article.createdBy.description
        createdAt = article.createdAt
        updatedBy = article.updatedBy.description
        updatedAt = article.updatedAt
    }
}

extension APIController {
    /// Every route of the JSON API and the methods it serves, in the router's path syntax, the
    /// document's own route (registered beside the pages) included. `docs/openapi.json` describes
    /// exactly these (the tests compare both with the router's list); another method on one of
    /// these paths is answered with 405 and `Allow` (see `ErrorResponseMiddleware`).
    static let routes: [(path: String, methods: [HTTPRequest.Method])] = [
        ("/api/openapi.json", [.get]),
        ("/api/v1/articles", [.get, .post]),
        ("/api/v1/articles/{slug}", [.get]),
        ("/api/v1/articles/{slug}/text", [.put]),
        ("/api/v1/articles/{slug}/claims", [.post]),
        ("/api/v1/articles/{slug}/suggestions", [.get]),
        ("/api/v1/claims", [.get]),
        ("/api/v1/claims/{id}", [.get]),
        ("/api/v1/claims/{id}/history", [.get]),
        ("/api/v1/claims/{id}/status", [.post]),
        ("/api/v1/claims/{id}/sources", [.post]),
        ("/api/v1/claims/{id}/notes", [.post]),
        ("/api/v1/claims/{id}/assignee", [.post, .delete]),
        ("/api/v1/claims/{id}/review", [.post]),
        ("/api/v1/claims/{id}/conflicts", [.post]),
        ("/api/v1/claims/{id}/attribution", [.post]),
        ("/api/v1/claims/{id}/anchor", [.post]),
        ("/api/v1/report", [.get]),
    ]

    /// The methods served at `path` when it is one of the API's routes (a `{name}` segment matches
    /// any one segment, as in the router), else nil.
    static func methods(servedAt path: String) -> [HTTPRequest.Method]? {
        let segments = path.split(separator: "/")
        return routes.first { route in
            let template = route.path.split(separator: "/")
            return template.count == segments.count
                && zip(template, segments).allSatisfy { $0.first == "{" || $0 == $1 }
        }?.methods
    }
}

extension DeskRequestContext {
    /// The signed-in editor; the authentication middleware has refused every request without one.
    func editor() throws -> Editor {
        guard let identity else { throw APIError(.unauthorized, "sign in first") }
        return identity.editor
    }

    func slug() throws -> ArticleSlug {
        try ArticleSlug(try parameters.require("slug"))
    }

    func claimID() throws -> String {
        try parameters.require("id")
    }
}
