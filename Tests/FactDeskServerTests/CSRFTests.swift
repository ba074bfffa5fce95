import FactDesk
@testable import FactDeskServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// A session cookie alone never changes the desk: a browser's write needs the session's CSRF
/// token (the `X-CSRF-Token` header from a script, the `csrf` field from a form) and an Origin
/// that is the desk itself; a refused write commits nothing. Bearer calls need neither.
@Suite struct CSRFTests {
    func expectNoCommit(_ fixture: ServerFixture, _ response: TestResponse, _ what: String, before commits: Int,
                        status: HTTPResponse.Status = .forbidden, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(response.status == status, "\(what): \(response.status) \(response.text.prefix(200))", sourceLocation: sourceLocation)
        #expect(try fixture.commitCount() == commits, "\(what) committed", sourceLocation: sourceLocation)
    }

    @Test func scriptWritesNeedTheTokenAndTheDesksOrigin() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let ana = try await desk.signIn(token: fixture.anaToken)
            let ben = try await desk.signIn(token: fixture.benToken)
            let notes = "/api/v1/claims/\(fixture.openClaim)/notes"
            let note = #"{"note": "from the page"}"#
            let commits = try fixture.commitCount()

            try expectNoCommit(fixture, try await desk.browser(.post, notes, session: ana, json: note, csrf: .omitted), "no X-CSRF-Token", before: commits)
            try expectNoCommit(fixture, try await desk.browser(.post, notes, session: ana, json: note, csrf: "0123456789abcdef"), "a wrong token", before: commits)
            try expectNoCommit(fixture, try await desk.browser(.post, notes, session: ana, json: note, csrf: ""), "an empty token", before: commits)
            try expectNoCommit(fixture, try await desk.browser(.post, notes, session: ana, json: note, csrf: .value(ben.csrf)),
                               "another session's token", before: commits)
            try expectNoCommit(fixture, try await desk.browser(.post, notes, session: ana, json: note, csrf: .value(ana.csrf + "0")),
                               "the token and more", before: commits)
            try expectNoCommit(fixture, try await desk.browser(.post, notes, session: ana, json: note, origin: .omitted), "no Origin", before: commits)
            for origin in ["https://evil.example", "null", "http://localhost:8080", "https://localhost", "http://localhost.evil.example", "http://evil.example/http://localhost"] {
                try expectNoCommit(fixture, try await desk.browser(.post, notes, session: ana, json: note, origin: .value(origin)),
                                   "Origin \(origin)", before: commits)
            }
            try expectNoCommit(fixture, try await desk.browser(.post, notes, session: ana, json: note, origin: .omitted,
                                                               headers: [.referer: "https://evil.example/page"]), "a foreign Referer", before: commits)
            try expectNoCommit(fixture, try await desk.browser(.post, notes, session: ana, json: note, origin: .omitted,
                                                               headers: [.referer: "http://localhost.evil.example/"]), "a look-alike Referer", before: commits)
            // A form's content type does not excuse an API call from the token: the API reads no csrf field.
            try expectNoCommit(fixture, try await desk.browser(.post, notes, session: ana, json: note, csrf: .omitted,
                                                               headers: [.contentType: DeskClient.formType]), "a form-typed API call without a token", before: commits)
            var formTyped: HTTPFields = [.cookie: ana.cookie, .origin: "http://localhost", .contentType: DeskClient.formType]
            try expectNoCommit(fixture, try await desk.send(.post, notes, headers: formTyped, body: ByteBuffer(string: note)),
                               "a form-typed API call without a token", before: commits)
            try expectNoCommit(fixture, try await desk.send(.post, "/" + notes, headers: formTyped, body: ByteBuffer(string: note)),
                               "a form-typed API call without a token, by another spelling of its path", before: commits)
            formTyped[.contentType] = "text/plain"
            try expectNoCommit(fixture, try await desk.send(.post, notes, headers: formTyped, body: ByteBuffer(string: note)),
                               "a text/plain API call without a token", before: commits)
            // Every method that changes something: PUT and DELETE too.
            try expectNoCommit(fixture, try await desk.browser(.put, "/api/v1/articles/council-budget/text", session: ana,
                                                               json: #"{"text": "Replaced."}"#, csrf: .omitted), "PUT without a token", before: commits)
            try expectNoCommit(fixture, try await desk.browser(.delete, "/api/v1/claims/\(fixture.openClaim)/assignee", session: ana,
                                                               csrf: .omitted), "DELETE without a token", before: commits)
            try expectNoCommit(fixture, try await desk.browser(.delete, "/api/v1/claims/\(fixture.openClaim)/assignee", session: ana,
                                                               origin: "https://evil.example"), "DELETE from another site", before: commits)
            let refused = try await desk.browser(.post, notes, session: ana, json: note, csrf: .omitted)
            #expect(refused.isJSON && refused.errorMessage?.isEmpty == false)

            // The page's own script: the session's token and the desk's origin.
            let accepted = try await desk.browser(.post, notes, session: ana, json: note)
            #expect(accepted.status == .created)
            #expect(try fixture.commitCount() == commits + 1)
            #expect(try ProcessRunner.git(["log", "-1", "--format=%an <%ae>"], in: fixture.repository) == "Ana Ruiz <ana@example.org>\n")
            let viaReferer = try await desk.browser(.post, notes, session: ana, json: note, origin: .omitted,
                                                    headers: [.referer: "http://localhost/articles/council-budget"])
            #expect(viaReferer.status == .created, "a same-origin Referer stands in for a missing Origin")
            #expect(try fixture.commitCount() == commits + 2)
            // Reads need no token.
            #expect(try await desk.browser(.get, "/api/v1/claims/\(fixture.openClaim)", session: ana).status == .ok)
        }
    }

    @Test func formsNeedTheCSRFField() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let ana = try await desk.signIn(token: fixture.anaToken)
            let ben = try await desk.signIn(token: fixture.benToken)
            let fields = [("id", "from-a-form"), ("title", "From a form"), ("text", "Made in a form.")]
            let commits = try fixture.commitCount()
            try expectNoCommit(fixture, try await desk.form("/articles", session: ana, fields: fields, csrf: .omitted), "no csrf field", before: commits)
            try expectNoCommit(fixture, try await desk.form("/articles", session: ana, fields: fields, csrf: "wrong"), "a wrong csrf field", before: commits)
            try expectNoCommit(fixture, try await desk.form("/articles", session: ana, fields: fields, csrf: .value(ben.csrf)), "Ben's token", before: commits)
            try expectNoCommit(fixture, try await desk.form("/articles", session: ana, fields: fields, origin: "https://evil.example"), "another site", before: commits)
            try expectNoCommit(fixture, try await desk.form("/articles", session: ana, fields: fields, origin: .omitted), "no Origin", before: commits)
            // The token in a header does not stand in for the form's field.
            var headers: HTTPFields = [.cookie: ana.cookie, .origin: "http://localhost", .contentType: DeskClient.formType]
            headers[CSRFMiddleware.headerName] = ana.csrf
            try expectNoCommit(fixture, try await desk.send(.post, "/articles", headers: headers, body: ByteBuffer(string: FormEncoding.encode(fields))),
                               "a header instead of the field", before: commits)
            try expectNoCommit(fixture, try await desk.form("/articles/council-budget/revision", session: ana, fields: [("text", "Gone.")], csrf: .omitted),
                               "a revision without csrf", before: commits)

            let accepted = try await desk.form("/articles", session: ana, fields: fields)
            #expect(accepted.status == .seeOther)
            #expect(try fixture.commitCount() == commits + 1)
        }
    }

    @Test func bearerCallsNeedNeitherTokenNorOrigin() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let commits = try fixture.commitCount()
            let plain = try await desk.api(.post, "/api/v1/claims/\(fixture.openClaim)/notes", token: fixture.benToken, json: #"{"note": "script"}"#)
            #expect(plain.status == .created)
            let foreign = try await desk.api(.post, "/api/v1/claims/\(fixture.openClaim)/notes", token: fixture.benToken,
                                             json: #"{"note": "script"}"#, headers: [.origin: "https://elsewhere.example"])
            #expect(foreign.status == .created)
            #expect(try fixture.commitCount() == commits + 2)
            #expect(try ProcessRunner.git(["log", "-1", "--format=%an <%ae>"], in: fixture.repository) == "Ben Okafor <ben@example.org>\n")
        }
    }

    @Test func thePageCarriesTheSessionsToken() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let ana = try await desk.signIn(token: fixture.anaToken)
            for uri in ["/", "/articles/council-budget", "/report"] {
                let page = try await desk.browser(.get, uri, session: ana)
                #expect(page.text.metaContent(named: "csrf-token") == ana.csrf, "\(uri)")
            }
            #expect(ana.csrf.wholeMatch(of: /[0-9a-f]{64}/) != nil, "32 random bytes in hex: \(ana.csrf)")
        }
    }
}
