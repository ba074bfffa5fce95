import FactDesk
@testable import FactDeskServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// The headers every answer carries, whatever it is: a page, an API answer, an error, a
/// redirect, an asset. (`DeskClient` checks them on every answer of every test; this suite
/// names each kind of answer once, and checks the policy's exact terms.)
@Suite struct SecurityHeadersTests {
    @Test func everyKindOfAnswerCarriesThem() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let ana = try await desk.signIn(token: fixture.anaToken)
            var answers: [(String, TestResponse)] = []
            answers.append(("sign-in page", try await desk.send(.get, "/signin")))
            answers.append(("redirect to sign in", try await desk.send(.get, "/")))
            answers.append(("sign-in redirect", try await desk.postSignIn(token: fixture.benToken)))
            answers.append(("failed sign-in", try await desk.postSignIn(token: "fdt_wrong")))
            answers.append(("desk page", try await desk.browser(.get, "/", session: ana)))
            answers.append(("article page", try await desk.browser(.get, "/articles/council-budget", session: ana)))
            answers.append(("report page", try await desk.browser(.get, "/report", session: ana)))
            answers.append(("page 404", try await desk.browser(.get, "/articles/no-such-article", session: ana)))
            answers.append(("page 422", try await desk.browser(.get, "/?status=bogus", session: ana)))
            answers.append(("form 403", try await desk.form("/articles", session: ana, fields: [], csrf: .omitted)))
            answers.append(("API 200", try await desk.api(.get, "/api/v1/articles", token: fixture.anaToken)))
            answers.append(("API 201", try await desk.api(.post, "/api/v1/claims/\(fixture.openClaim)/notes", token: fixture.anaToken,
                                                         json: #"{"note": "n"}"#)))
            answers.append(("API 400", try await desk.api(.post, "/api/v1/articles", token: fixture.anaToken, json: "{")))
            answers.append(("API 401", try await desk.api(.get, "/api/v1/articles", token: nil)))
            answers.append(("API 403", try await desk.browser(.post, "/api/v1/claims/\(fixture.openClaim)/notes", session: ana,
                                                             json: #"{"note": "n"}"#, csrf: .omitted)))
            answers.append(("API 404", try await desk.api(.get, "/api/v1/nothing", token: fixture.anaToken)))
            answers.append(("API 422", try await desk.api(.get, "/api/v1/claims?status=bogus", token: fixture.anaToken)))
            answers.append(("OpenAPI", try await desk.send(.get, "/api/openapi.json")))
            answers.append(("stylesheet", try await desk.send(.get, "/assets/desk.css")))
            answers.append(("script", try await desk.send(.get, "/assets/desk.js")))
            answers.append(("sign-out", try await desk.form("/signout", session: ana, fields: [])))

            for (what, response) in answers {
                let csp = response.headers[.contentSecurityPolicy] ?? ""
                #expect(csp.contains("script-src 'self'"), "\(what): \(csp)")
                #expect(csp.contains("default-src 'none'"), "\(what): \(csp)")
                #expect(csp.contains("frame-ancestors 'none'"), "\(what): \(csp)")
                #expect(csp.contains("base-uri 'none'") || csp.contains("base-uri 'self'"), "\(what): \(csp)")
                #expect(csp.contains("form-action 'self'"), "\(what): \(csp)")
                #expect(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval") && !csp.contains("http:") && !csp.contains("https:"),
                        "\(what): \(csp)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(what)")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] != nil, "\(what)")
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY", "\(what)")
                #expect(response.headers[.contentType] != nil || response.status == .seeOther, "\(what): no Content-Type")
            }
            #expect(answers.map(\.1.status) == [.ok, .seeOther, .seeOther, .unauthorized, .ok, .ok, .ok, .notFound, .unprocessableContent,
                                                 .forbidden, .ok, .created, .badRequest, .unauthorized, .forbidden, .notFound,
                                                 .unprocessableContent, .ok, .ok, .ok, .seeOther])
        }
    }

    @Test func pagesAndAPIAreNeverCached() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let ana = try await desk.signIn(token: fixture.anaToken)
            for uri in ["/", "/articles/council-budget", "/report", "/api/v1/articles", "/api/v1/report"] {
                let response = try await desk.browser(.get, uri, session: ana)
                #expect(response.headers[.cacheControl] == "no-store", "\(uri)")
            }
            // The desk's own files may be kept, but are checked again each time.
            let css = try await desk.send(.get, "/assets/desk.css")
            #expect(css.headers[.cacheControl] == "no-cache")
        }
    }
}
