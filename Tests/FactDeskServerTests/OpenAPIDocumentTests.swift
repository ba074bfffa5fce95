import FactDesk
@testable import FactDeskServer
import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

/// The API's contract, `docs/openapi.json`: served byte for byte at `/api/openapi.json`, valid
/// JSON, describing exactly the routes the router serves, with the keys the answers really have.
@Suite struct OpenAPIDocumentTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let documentURL = repository.appendingPathComponent("docs/openapi.json")

    static func committedDocument() throws -> Data {
        try Data(contentsOf: documentURL)
    }

    static func parsedDocument() throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: try committedDocument())
        return try #require(value as? [String: Any], "docs/openapi.json is not a JSON object")
    }

    @Test func theServedDocumentIsTheCommittedOneByteForByte() async throws {
        let desk = try OpenAPITestDesk()
        let committed = try Self.committedDocument()
        // No sign-in needed: a script discovers the API before it has a token.
        try await desk.application().test(.router) { client in
            try await client.execute(uri: "/api/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let served = Data(buffer: response.body)
                #expect(served == committed, """
                    the served document differs from docs/openapi.json (\(served.count) bytes served, \(committed.count) committed): \
                    run Tests/Server/sync_openapi.py after editing the JSON
                    """)
            }
        }
    }

    @Test func theDocumentIsOpenAPI31DescribingExactlyTheRoutesServed() throws {
        let document = try Self.parsedDocument()
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in
            operations.keys.filter { ["get", "put", "post", "delete", "patch"].contains($0) }.map { "\($0.uppercased()) \(path)" }
        })

        let desk = try OpenAPITestDesk()
        let router = try WebDesk.router(desk: desk.path, configuration: ServerConfiguration())
        let served = Set(router.routes.map { "\($0.method.rawValue) \($0.path.description)" }.filter { $0.contains(" /api/") })
        #expect(served.count >= 17, "the router lists \(served.sorted())")
        #expect(documented == served,
                "documented but not served: \(documented.subtracting(served).sorted()); served but not documented: \(served.subtracting(documented).sorted())")
        // The table behind 405 answers is the router's own list too.
        let table = Set(APIController.routes.flatMap { route in route.methods.map { "\($0.rawValue) \(route.path)" } })
        #expect(table == served, "APIController.routes differs from the router: \(table.symmetricDifference(served).sorted())")
    }

    @Test func everyAPIOperationNeedsTheBearerTokenAndAnswersErrorsAsTheErrorSchema() throws {
        let document = try Self.parsedDocument()
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let components = try #require(document["components"] as? [String: Any])
        let schemes = try #require(components["securitySchemes"] as? [String: [String: Any]])
        #expect(schemes["bearerAuth"]?["type"] as? String == "http")
        #expect(schemes["bearerAuth"]?["scheme"] as? String == "bearer")
        let schemas = try #require(components["schemas"] as? [String: [String: Any]])
        let error = try #require(schemas["Error"])
        #expect(error["required"] as? [String] == ["error"])
        #expect(error["additionalProperties"] as? Bool == false)
        let responses = try #require(components["responses"] as? [String: [String: Any]])

        for (path, operations) in paths where path.hasPrefix("/api/v1/") {
            for (method, value) in operations {
                let operation = try #require(value as? [String: Any])
                let label = "\(method.uppercased()) \(path)"
                let security = operation["security"] as? [[String: [String]]]
                #expect(security?.count == 1 && security?.first?["bearerAuth"] == [], "\(label) must require bearerAuth")
                #expect(operation["operationId"] is String, "\(label) has no operationId")
                let answers = try #require(operation["responses"] as? [String: [String: Any]], "\(label) has no responses")
                #expect(answers.keys.contains { $0.hasPrefix("2") }, "\(label) documents no success")
                #expect(answers["401"] != nil, "\(label) does not document 401")
                for (status, answer) in answers where !status.hasPrefix("2") {
                    let resolved: [String: Any]
                    if let reference = answer["$ref"] as? String {
                        resolved = try #require(responses[String(reference.split(separator: "/").last!)], "\(label) \(status): \(reference)")
                    } else {
                        resolved = answer
                    }
                    let content = resolved["content"] as? [String: [String: Any]]
                    let schema = content?["application/json"]?["schema"] as? [String: String]
                    #expect(schema == ["$ref": "#/components/schemas/Error"], "\(label) \(status) must answer the Error schema")
                }
            }
        }
    }

    /// The response schemas name exactly the keys the server writes, all of them required:
    /// claims (the keys of `factdesk show --json`), articles, summaries and the report.
    @Test func theResponseSchemasHaveExactlyTheKeysTheServerWrites() async throws {
        let document = try Self.parsedDocument()
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
        func keys(_ name: String) throws -> (properties: Set<String>, required: Set<String>, closed: Bool) {
            let schema = try #require(schemas[name], "no schema \(name)")
            let properties = try #require(schema["properties"] as? [String: Any], "\(name) has no properties")
            return (Set(properties.keys), Set(schema["required"] as? [String] ?? []), schema["additionalProperties"] as? Bool == false)
        }
        func expectSchema(_ name: String, matches object: Any?, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let written = Set(try #require(object as? [String: Any], "\(name): not an object", sourceLocation: sourceLocation).keys)
            let schema = try keys(name)
            #expect(schema.properties == written, "\(name): schema \(schema.properties.sorted()) vs written \(written.sorted())",
                    sourceLocation: sourceLocation)
            #expect(schema.required == written, "\(name): required \(schema.required.sorted())", sourceLocation: sourceLocation)
            #expect(schema.closed, "\(name) must not allow other keys", sourceLocation: sourceLocation)
        }

        let desk = try OpenAPITestDesk()
        let id = try desk.fileClaim()
        let bodies = try await desk.application().test(.router) { client in
            var bodies: [String: Data] = [:]
            for path in ["/api/v1/articles/budget", "/api/v1/claims/\(id)", "/api/v1/articles", "/api/v1/claims/\(id)/history", "/api/v1/report"] {
                bodies[path] = try await desk.get(path, client)
            }
            return bodies
        }
        func json(_ path: String) throws -> Any {
            try JSONSerialization.jsonObject(with: try #require(bodies[path]))
        }
        let article = try json("/api/v1/articles/budget") as? [String: Any]
        try expectSchema("Article", matches: article)
        let claim = (article?["claims"] as? [Any])?.first
        try expectSchema("Claim", matches: claim)
        try expectSchema("Source", matches: ((claim as? [String: Any])?["sources"] as? [Any])?.first)
        try expectSchema("Note", matches: ((claim as? [String: Any])?["notes"] as? [Any])?.first)
        try expectSchema("Paragraph", matches: (article?["paragraphs"] as? [Any])?.first)
        try expectSchema("Claim", matches: try json("/api/v1/claims/\(id)"))
        try expectSchema("ArticleSummary", matches: (try json("/api/v1/articles") as? [Any])?.first)
        try expectSchema("HistoryEntry", matches: (try json("/api/v1/claims/\(id)/history") as? [Any])?.first)
        let report = try json("/api/v1/report") as? [String: Any]
        try expectSchema("Report", matches: report)
        try expectSchema("ReportTotals", matches: report?["totals"])
        try expectSchema("ReportOwner", matches: (report?["owners"] as? [Any])?.first)
        let reported = (report?["articles"] as? [Any])?.first as? [String: Any]
        try expectSchema("ReportArticle", matches: reported)
        try expectSchema("ReportOpenClaim", matches: (reported?["unverified"] as? [Any])?.first)
    }

    @Test func aMethodARouteDoesNotServeIs405WithAllow() async throws {
        let desk = try OpenAPITestDesk()
        try await desk.application().test(.router) { client in
            for route in APIController.routes {
                let path = route.path.replacingOccurrences(of: "{slug}", with: "budget").replacingOccurrences(of: "{id}", with: "c-zzzz")
                for method in [HTTPRequest.Method.get, .post, .put, .delete, .patch, .options] where !route.methods.contains(method) {
                    try await client.execute(uri: path, method: method, headers: desk.authorization) { response in
                        #expect(response.status == .methodNotAllowed, "\(method) \(path): \(response.status)")
                        #expect(response.headers[.allow] == route.methods.map(\.rawValue).joined(separator: ", "))
                        #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                    }
                }
            }
            // A path no route has stays a 404.
            try await client.execute(uri: "/api/v1/nothing", method: .patch, headers: desk.authorization) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}

/// A bare desk in a temporary folder with the article `budget`, and an editor's bearer token.
final class OpenAPITestDesk: @unchecked Sendable {
    let directory: TemporaryDirectory
    let store: DeskStore
    let editor = try! Editor(parsing: "Ana Ruiz <ana@example.org>")
    let token: String

    init() throws {
        directory = try TemporaryDirectory("factdesk-api")
        store = try DeskStore.create(at: directory.path("desk"), editor: editor, bare: true)
        try store.addArticle(slug: try ArticleSlug("budget"), title: "Council passes record budget", url: nil,
                             text: try ArticleText(normalizing: "The council approved a budget of €4.2 million on Tuesday.\n\n"
                                 + "“We have cut waste,” said the mayor 🇫🇷.\n", source: "test"),
                             editor: editor)
        token = try store.addEditor(editor)
    }

    var path: String { directory.path("desk") }

    var authorization: HTTPFields { [.authorization: "Bearer \(token)"] }

    func application() throws -> some ApplicationProtocol {
        Application(router: try WebDesk.router(desk: path, configuration: ServerConfiguration()))
    }

    /// Files an open claim with a source, a note and an assignee; returns its id.
    func fileClaim() throws -> String {
        let claim = try store.annotate(
            AnnotationRequest(article: try ArticleSlug("budget"), selector: .quote("€4.2 million", occurrence: nil),
                              claim: "The budget is €4.2 million", sources: ["https://council.example/budget.pdf"],
                              note: "From the published budget.", assignee: editor.description),
            editor: editor)
        return claim.id.value
    }

    /// GETs `path` with the token; the answer must be 200.
    func get(_ path: String, _ client: any TestClientProtocol) async throws -> Data {
        try await client.execute(uri: path, method: .get, headers: authorization) { response in
            #expect(response.status == .ok, "GET \(path): \(response.status) \(String(buffer: response.body))")
            return Data(buffer: response.body)
        }
    }
}
