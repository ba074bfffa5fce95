import FactDesk
@testable import FactDeskServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// Every page route of the web desk (desk, article, report, sign-in, sign-out, the two forms),
/// the compiled-in assets, the OpenAPI document and unknown routes: what each answers when it
/// works and every status it answers when it does not. The security headers are checked on
/// every answer by `DeskClient`.
@Suite struct PageRoutesTests {
    @Test func pagesWithoutASessionRedirectToSignIn() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            for uri in ["/", "/articles/council-budget", "/report", "/?status=verified"] {
                let response = try await desk.send(.get, uri)
                #expect(response.status == .seeOther, "\(uri)")
                #expect(response.headers[.location] == "/signin", "\(uri)")
            }
            for uri in ["/articles", "/articles/council-budget/revision"] {
                let response = try await desk.form(uri, session: nil, fields: [("id", "x"), ("text", "x")])
                #expect(response.status == .seeOther, "\(uri)")
                #expect(response.headers[.location] == "/signin", "\(uri)")
            }
        }
    }

    @Test func deskPageListsArticlesAndFilters() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let ben = try await desk.signIn(token: fixture.benToken)
            let page = try await desk.browser(.get, "/", session: ben)
            #expect(page.status == .ok)
            #expect(page.isHTML)
            #expect(page.text.contains("Council passes record budget"))
            #expect(page.text.contains("Harbour plan"))
            #expect(page.text.contains("2 of 2 article(s)"))
            #expect(page.text.contains("Signed in as Ben Okafor"))
            #expect(page.text.metaContent(named: "csrf-token") == ben.csrf)
            #expect(page.text.contains("<input type=\"hidden\" name=\"csrf\" value=\"\(ben.csrf)\">"), "forms carry the CSRF token")
            // Open claims first: the budget article (one unverified claim) before the harbour plan (none).
            let budgetRow = try #require(page.text.range(of: "/articles/council-budget"))
            let harbourRow = try #require(page.text.range(of: "/articles/harbour-plan"))
            #expect(budgetRow.lowerBound < harbourRow.lowerBound)

            let verified = try await desk.browser(.get, "/?status=verified", session: ben)
            #expect(verified.status == .ok)
            #expect(verified.text.contains("1 of 2 article(s)"))
            #expect(!verified.text.contains("/articles/harbour-plan"))
            let mine = try await desk.browser(.get, "/?assignee=me", session: ben)
            #expect(mine.text.contains("1 of 2 article(s)") && mine.text.contains("/articles/council-budget"))
            let titled = try await desk.browser(.get, "/?title=HARBOUR", session: ben)
            #expect(titled.text.contains("1 of 2 article(s)") && titled.text.contains("/articles/harbour-plan"))
            let anyStatus = try await desk.browser(.get, "/?status=", session: ben)
            #expect(anyStatus.status == .ok && anyStatus.text.contains("2 of 2 article(s)"))

            let bad = try await desk.browser(.get, "/?status=bogus", session: ben)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.isHTML)
            #expect(bad.text.contains("bogus"))
        }
    }

    @Test func articlePageHighlightsClaimsAndCarriesThemAsData() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let ana = try await desk.signIn(token: fixture.anaToken)
            let page = try await desk.browser(.get, "/articles/council-budget", session: ana)
            #expect(page.status == .ok)
            #expect(page.isHTML)
            let html = page.text
            #expect(html.contains("<h1>Council passes record budget</h1>"))
            #expect(html.contains("data-claims=\"\(fixture.openClaim)\""))
            #expect(html.contains("class=\"hl s-unverified\""))
            #expect(html.contains("class=\"hl s-verified\""))
            #expect(html.contains("href=\"https://news.example/budget\""))
            #expect(html.contains("action=\"/articles/council-budget/revision\""))
            // The claims as data for the page's script: exactly what `factdesk show --json` prints for each.
            let block = try #require(html.jsonBlock(id: "claims-data"))
            let expected = try FactDeskJSON.string(try fixture.store.document(fixture.budget).claims.map { ClaimView($0) })
            #expect(sameJSON(block, expected), "claims-data: \(block.prefix(300))")

            let unknown = try await desk.browser(.get, "/articles/no-such-article", session: ana)
            #expect(unknown.status == .notFound)
            #expect(unknown.isHTML)
            #expect(unknown.text.contains("Not found"))
            let malformed = try await desk.browser(.get, "/articles/Not_A_Slug", session: ana)
            #expect([.notFound, .unprocessableContent].contains(malformed.status))
            #expect(malformed.isHTML)
        }
    }

    @Test func reportPageShowsTheReportAndItsChart() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let ana = try await desk.signIn(token: fixture.anaToken)
            let before = ReportFormat.htmlFragment(try fixture.store.report(claimReviews: true))
            let page = try await desk.browser(.get, "/report", session: ana)
            let after = ReportFormat.htmlFragment(try fixture.store.report(claimReviews: true))
            #expect(page.status == .ok)
            #expect(page.isHTML)
            #expect(page.text.contains("<svg role=\"img\""))
            #expect(page.text.contains("Claims by status: unverified 1, in-review 0, verified 1"))
            #expect(page.text.contains(before) || page.text.contains(after), "the page holds `factdesk report --format html`'s report")
        }
    }

    @Test func signInPage() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let page = try await desk.send(.get, "/signin")
            #expect(page.status == .ok)
            #expect(page.isHTML)
            #expect(page.text.contains("<form method=\"post\" action=\"/signin\""))
            #expect(page.text.contains("name=\"token\""))
            #expect(page.text.metaContent(named: "csrf-token") == nil)
            #expect(page.setCookies.isEmpty, "no session before signing in")
            let ana = try await desk.signIn(token: fixture.anaToken)
            let again = try await desk.browser(.get, "/signin", session: ana)
            #expect(again.status == .seeOther)
            #expect(again.headers[.location] == "/")
            let signOut = try await desk.form("/signout", session: ana, fields: [])
            #expect(signOut.status == .seeOther)
            #expect(signOut.headers[.location] == "/signin")
            let signOutAgain = try await desk.form("/signout", session: nil, fields: [])
            #expect(signOutAgain.status == .seeOther)
            #expect(signOutAgain.headers[.location] == "/signin")
        }
    }

    @Test func addArticleForm() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let ben = try await desk.signIn(token: fixture.benToken)
            let commits = try fixture.commitCount()
            let text = "Ferries will run every hour.\n\nThe mayor said so on Monday.\n"
            let added = try await desk.form("/articles", session: ben, fields: [
                ("id", "ferry-timetable"), ("title", "Ferry timetable"), ("url", "https://news.example/ferry"), ("text", text),
            ])
            #expect(added.status == .seeOther)
            #expect(added.headers[.location] == "/articles/ferry-timetable")
            #expect(try fixture.commitCount() == commits + 1)
            let document = try fixture.store.document(try ArticleSlug("ferry-timetable"))
            #expect(document.article.title == "Ferry timetable")
            #expect(document.article.url == "https://news.example/ferry")
            #expect(document.text.string == text)
            #expect(document.article.createdBy == fixture.ben)
            #expect(try ProcessRunner.git(["log", "-1", "--format=%an <%ae>"], in: fixture.repository) == "Ben Okafor <ben@example.org>\n")

            let refusals: [([(String, String)], HTTPResponse.Status)] = [
                ([("id", "ferry-timetable"), ("title", "Again"), ("text", "Again.")], .conflict),
                ([("id", "new-one"), ("title", "Script"), ("url", "javascript:alert(1)"), ("text", "Text.")], .unprocessableContent),
                ([("id", "Not A Slug"), ("title", "Bad id"), ("text", "Text.")], .unprocessableContent),
                ([("id", "no-text"), ("title", "No text"), ("text", "")], .unprocessableContent),
            ]
            for (fields, status) in refusals {
                let response = try await desk.form("/articles", session: ben, fields: fields)
                #expect(response.status == status, "\(fields): \(response.text.prefix(200))")
                #expect(response.isHTML, "\(fields)")
            }
            let withoutToken = try await desk.form("/articles", session: ben, fields: [("id", "no-csrf"), ("title", "T"), ("text", "T.")], csrf: .omitted)
            #expect(withoutToken.status == .forbidden)
            #expect(withoutToken.isHTML)
            #expect(try fixture.commitCount() == commits + 1)
        }
    }

    @Test func revisionForm() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let ana = try await desk.signIn(token: fixture.anaToken)
            let commits = try fixture.commitCount()
            let revised = ServerFixture.budgetText.replacingOccurrences(of: "€4.2 million", with: "€4.3 million")
                .replacingOccurrences(of: "The council approved", with: "On Monday, the council approved")
            let response = try await desk.form("/articles/council-budget/revision", session: ana, fields: [("text", revised)])
            #expect(response.status == .ok)
            #expect(response.isHTML)
            #expect(response.text.contains("<h1>Revision 2 stored</h1>"))
            #expect(response.text.contains("id=\"reanchoring-summary\""))
            #expect(response.text.contains("1 moved") || response.text.contains("1 changed"))
            #expect(try fixture.commitCount() == commits + 1)
            #expect(try fixture.store.document(fixture.budget).article.revision == 2)
            #expect(try fixture.store.document(fixture.budget).text.string == revised)

            let unknown = try await desk.form("/articles/no-such-article/revision", session: ana, fields: [("text", "x")])
            #expect(unknown.status == .notFound)
            #expect(unknown.isHTML)
            let noToken = try await desk.form("/articles/council-budget/revision", session: ana, fields: [("text", "x")], csrf: .omitted)
            #expect(noToken.status == .forbidden)
            let wrongToken = try await desk.form("/articles/council-budget/revision", session: ana, fields: [("text", "x")], csrf: "0123")
            #expect(wrongToken.status == .forbidden)
            #expect(try fixture.commitCount() == commits + 1)
        }
    }

    @Test func assetsAreServedWithoutSignIn() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let css = try await desk.send(.get, "/assets/desk.css")
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.text == DeskStyle.source)
            let js = try await desk.send(.get, "/assets/desk.js")
            #expect(js.status == .ok)
            #expect(js.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(js.text == DeskScript.source)
            let missing = try await desk.send(.get, "/assets/other.js")
            #expect(missing.status == .notFound)
        }
    }

    @Test func openAPIDocumentIsServedWithoutSignIn() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let response = try await desk.send(.get, "/api/openapi.json")
            #expect(response.status == .ok)
            #expect(response.isJSON)
            let document = try response.jsonObject()
            #expect((document["openapi"] as? String)?.hasPrefix("3.1") == true)
            #expect(response.text == OpenAPIDocument.json)
        }
    }

    @Test func unknownRoutes() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let ana = try await desk.signIn(token: fixture.anaToken)
            for uri in ["/no-such-page", "/articles", "/articles/council-budget/nothing", "/signout"] {
                let page = try await desk.browser(.get, uri, session: ana)
                #expect(page.status == .notFound, "\(uri)")
                #expect(page.isHTML, "\(uri)")
                #expect(page.text.contains("Not found"), "\(uri)")
            }
            for uri in ["/api/v1/no-such-route", "/api/nothing", "/api/v2/articles"] {
                let response = try await desk.api(.get, uri, token: fixture.anaToken)
                #expect(response.status == .notFound, "\(uri)")
                #expect(response.isJSON, "\(uri)")
                #expect(response.errorMessage != nil, "\(uri): \(response.text)")
            }
            let wrongMethod = try await desk.api(.delete, "/api/v1/articles", token: fixture.anaToken)
            #expect(wrongMethod.status == .notFound || wrongMethod.status == .methodNotAllowed)
            #expect(wrongMethod.isJSON)
            // Without signing in, an unknown route is still unknown: nothing more is said.
            let anonymous = try await desk.send(.get, "/no-such-page")
            #expect(anonymous.status == .notFound || anonymous.status == .seeOther)
            let anonymousAPI = try await desk.api(.get, "/api/v1/no-such-route", token: nil)
            #expect(anonymousAPI.status == .notFound || anonymousAPI.status == .unauthorized)
            #expect(anonymousAPI.isJSON)
        }
    }

    @Test func bearerTokenOpensPagesButNotForms() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let page = try await desk.send(.get, "/", headers: [.authorization: "Bearer \(fixture.anaToken)"])
            #expect(page.status == .ok)
            #expect(page.text.contains("Signed in as Ana Ruiz"))
            #expect(page.text.metaContent(named: "csrf-token") == nil, "no session, no CSRF token")
            let commits = try fixture.commitCount()
            let form = try await desk.send(.post, "/articles", headers: [
                .authorization: "Bearer \(fixture.anaToken)", .contentType: DeskClient.formType,
            ], body: ByteBuffer(string: FormEncoding.encode([("id", "by-script"), ("title", "T"), ("text", "T.")])))
            #expect(form.status == .forbidden)
            #expect(try fixture.commitCount() == commits)
            let bad = try await desk.send(.get, "/", headers: [.authorization: "Bearer fdt_not-a-token"])
            #expect(bad.status == .seeOther)
            #expect(bad.headers[.location] == "/signin")
        }
    }
}
