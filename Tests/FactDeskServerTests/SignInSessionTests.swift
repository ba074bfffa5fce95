import FactDesk
@testable import FactDeskServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// Signing in with a token and the browser session it starts: the cookie's flags, a fresh id at
/// every sign-in (no session fixation), bad tokens answered slowly and ever more slowly,
/// sign-out, expiry, and sessions that end when the editor's sign-in is removed.
@Suite struct SignInSessionTests {
    @Test func goodTokenStartsASessionWithAStrictHttpOnlyCookie() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let response = try await desk.postSignIn(token: "  \(fixture.anaToken)\n")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/")
            let cookie = try #require(response.cookie(named: "factdesk_session"))
            #expect(!cookie.value.isEmpty)
            #expect(cookie.value.utf8.count >= 32, "a session id long enough not to be guessed")
            #expect(cookie.attributes["httponly"] != nil, "HttpOnly: \(response.headers[values: .setCookie])")
            #expect(cookie.attributes["samesite"]?.lowercased() == "strict")
            #expect(cookie.attributes["secure"] == nil, "not Secure without --behind-https")
            #expect(cookie.attributes["path"] == "/")
            #expect(!cookie.isRemoval)
            let page = try await desk.send(.get, "/", headers: [.cookie: "factdesk_session=\(cookie.value)"])
            #expect(page.status == .ok)
            #expect(page.text.contains("Signed in as Ana Ruiz"))
        }
    }

    @Test func cookieIsSecureBehindHTTPS() async throws {
        let fixture = try ServerFixture(configuration: ServerConfiguration(behindHTTPS: true))
        try await fixture.withDesk { desk in
            // Behind a TLS proxy the desk's own origin is https.
            let https = DeskClient(client: desk.client, origin: "https://localhost")
            let response = try await https.postSignIn(token: fixture.anaToken)
            #expect(response.status == .seeOther)
            let cookie = try #require(response.cookie(named: "factdesk_session"))
            #expect(cookie.attributes["secure"] != nil, "Secure with --behind-https: \(response.headers[values: .setCookie])")
            #expect(cookie.attributes["httponly"] != nil)
            #expect(cookie.attributes["samesite"]?.lowercased() == "strict")
            // A page served over https cannot be changed from its http twin.
            let plain = try await desk.postSignIn(token: fixture.anaToken)
            #expect(plain.status == .forbidden)
        }
    }

    @Test func signInGivesAFreshSessionIdWhateverIdTheBrowserBrought() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            // An id an attacker chose and planted in the browser.
            let planted = "attacker-chosen-session-id-0123456789abcdef"
            let fresh = try await desk.signIn(token: fixture.anaToken, cookie: "factdesk_session=\(planted)")
            #expect(fresh.id != planted)
            let withPlanted = try await desk.send(.get, "/", headers: [.cookie: "factdesk_session=\(planted)"])
            #expect(withPlanted.status == .seeOther, "the planted id must not be signed in")
            #expect(withPlanted.headers[.location] == "/signin")

            // An id the server issued (an attacker's own session, say): signing in again ends it.
            let bens = try await desk.signIn(token: fixture.benToken)
            let response = try await desk.postSignIn(token: fixture.anaToken, cookie: bens.cookie)
            #expect(response.status == .seeOther)
            let cookies = response.setCookies.filter { $0.name == "factdesk_session" }
            let live = cookies.filter { !$0.isRemoval }
            #expect(live.count == 1, "\(response.headers[values: .setCookie])")
            #expect(live.first?.value != bens.id)
            #expect(!live.contains { $0.value == bens.id })
            let old = try await desk.browser(.get, "/", session: bens)
            #expect(old.status == .seeOther, "the session the browser brought is ended")
            let oldAPI = try await desk.browser(.get, "/api/v1/articles", session: bens)
            #expect(oldAPI.status == .unauthorized)
            let new = try await desk.send(.get, "/", headers: [.cookie: "factdesk_session=\(live.first?.value ?? "")"])
            #expect(new.status == .ok)
            #expect(new.text.contains("Signed in as Ana Ruiz"))
            // Every session has its own CSRF token.
            let another = try await desk.signIn(token: fixture.anaToken)
            #expect(another.csrf != fresh.csrf)
            #expect(another.id != fresh.id)
        }
    }

    @Test func badTokenGetsTheSignInPageWith401() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            for token in ["fdt_not-a-token", "", String(repeating: "x", count: 5000)] {
                let response = try await desk.postSignIn(token: token)
                #expect(response.status == .unauthorized)
                #expect(response.isHTML)
                #expect(response.text.contains("That token signs no one in"))
                #expect(response.text.contains("action=\"/signin\""))
                #expect(response.cookie(named: "factdesk_session") == nil, "no session for a bad token")
            }
        }
    }

    @Test func signInFromAnotherSiteIsRefused() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            for origin: Sent in [.omitted, "https://evil.example", "null", "http://localhost.evil.example"] {
                let response = try await desk.postSignIn(token: fixture.anaToken, origin: origin)
                #expect(response.status == .forbidden, "\(origin)")
                #expect(response.cookie(named: "factdesk_session") == nil)
            }
        }
    }

    @Test func failedSignInsAreSlowedDown() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            var times: [Duration] = []
            for _ in 0..<3 {
                let clock = ContinuousClock()
                let started = clock.now
                let response = try await desk.postSignIn(token: "fdt_guess")
                times.append(clock.now - started)
                #expect(response.status == .unauthorized)
            }
            #expect(times[1] >= .milliseconds(450), "the second waits 500 ms: \(times)")
            #expect(times[2] >= .milliseconds(900), "the third waits longer still: \(times)")
        }
    }

    @Test func signOutEndsTheSession() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let session = try await desk.signIn(token: fixture.anaToken)
            // Signing out takes the page's CSRF token too: another site cannot sign an editor out.
            let forged = try await desk.form("/signout", session: session, fields: [], csrf: .omitted)
            #expect(forged.status == .forbidden)
            #expect(try await desk.browser(.get, "/", session: session).status == .ok)

            let response = try await desk.form("/signout", session: session, fields: [])
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/signin")
            let cookie = try #require(response.cookie(named: "factdesk_session"))
            #expect(cookie.isRemoval, "the browser is told to drop its cookie: \(response.headers[values: .setCookie])")
            let page = try await desk.browser(.get, "/", session: session)
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/signin")
            let api = try await desk.browser(.get, "/api/v1/articles", session: session)
            #expect(api.status == .unauthorized)
        }
    }

    @Test func sessionsExpire() async throws {
        // Long enough that a loaded machine still answers the first request inside the lifetime
        // (6 s was not, once, with the whole suite running on 2 cores).
        let fixture = try ServerFixture(configuration: ServerConfiguration(sessionLifetime: .seconds(15)))
        try await fixture.withDesk { desk in
            let response = try await desk.postSignIn(token: fixture.anaToken)
            let cookie = try #require(response.cookie(named: "factdesk_session"))
            #expect(cookie.attributes["expires"] != nil || cookie.attributes["max-age"] != nil, "the cookie says when it ends")
            #expect(try await desk.send(.get, "/", headers: [.cookie: "factdesk_session=\(cookie.value)"]).status == .ok)
            try await Task.sleep(for: .milliseconds(15_300))
            let later = try await desk.send(.get, "/", headers: [.cookie: "factdesk_session=\(cookie.value)"])
            #expect(later.status == .seeOther)
            #expect(later.headers[.location] == "/signin")
        }
    }

    @Test func removingAnEditorEndsTheirSessions() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let page = try await desk.signIn(token: fixture.benToken)
            let api = try await desk.signIn(token: fixture.benToken)
            let unused = try await desk.signIn(token: fixture.benToken)
            let ana = try await desk.signIn(token: fixture.anaToken)
            #expect(try await desk.browser(.get, "/", session: page).status == .ok)
            let issued = try #require(try fixture.store.signInEditors().first { $0.editor == fixture.ben }?.addedAt)
            try fixture.store.removeEditor(email: "BEN@example.org")
            let afterPage = try await desk.browser(.get, "/", session: page)
            #expect(afterPage.status == .seeOther)
            #expect(afterPage.headers[.location] == "/signin")
            let commits = try fixture.commitCount()
            let afterAPI = try await desk.browser(.post, "/api/v1/claims/\(fixture.openClaim)/notes", session: api, json: #"{"note": "x"}"#)
            #expect(afterAPI.status == .unauthorized)
            #expect(afterAPI.isJSON)
            #expect(try fixture.commitCount() == commits)
            #expect(try await desk.browser(.get, "/", session: ana).status == .ok, "other editors stay signed in")

            // A new token for Ben (the way to replace a leaked one): no session of the old token comes back.
            // (The registry keeps when a token was issued to the second: issue the new one in a later second.)
            let wait = issued.addingTimeInterval(1).timeIntervalSinceNow
            if wait > 0 { try await Task.sleep(for: .milliseconds(Int(wait * 1000) + 20)) }
            let newToken = try fixture.store.addEditor(fixture.ben)
            for (name, session) in [("page", page), ("api", api), ("unused", unused)] {
                let response = try await desk.browser(.get, "/", session: session)
                #expect(response.status == .seeOther, "the \(name) session of Ben's removed token works again after a new token")
                let call = try await desk.browser(.get, "/api/v1/articles", session: session)
                #expect(call.status == .unauthorized, "the \(name) session of Ben's removed token works again after a new token")
            }
            let again = try await desk.signIn(token: newToken)
            #expect(try await desk.browser(.get, "/", session: again).status == .ok)
            #expect(try await desk.postSignIn(token: fixture.benToken).status == .unauthorized)
        }
    }

    @Test func anotherAuthorizationSchemeIsLeftToWhoeverSentIt() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            // A proxy in front of the desk with its own Basic sign-in passes its Authorization header on.
            let basic: HTTPFields = [.authorization: "Basic cHJveHk6c2VjcmV0"]
            let signInPage = try await desk.send(.get, "/signin", headers: basic)
            #expect(signInPage.status == .ok, "the sign-in page must not send the browser back to itself")
            var form = basic
            form[.contentType] = DeskClient.formType
            form[.origin] = "http://localhost"
            let signIn = try await desk.send(.post, "/signin", headers: form, body: ByteBuffer(string: FormEncoding.encode([("token", fixture.anaToken)])))
            #expect(signIn.status == .seeOther)
            let session = try #require(signIn.cookie(named: "factdesk_session")?.value)
            var withSession = basic
            withSession[.cookie] = "factdesk_session=\(session)"
            let page = try await desk.send(.get, "/", headers: withSession)
            #expect(page.status == .ok)
            #expect(page.text.contains("Signed in as Ana Ruiz"))
            let api = try await desk.api(.get, "/api/v1/articles", token: nil, headers: basic)
            #expect(api.status == .unauthorized)
            #expect(api.isJSON)
            // The scheme's name is case-insensitive.
            let lower = try await desk.send(.get, "/api/v1/articles", headers: [.authorization: "bearer \(fixture.benToken)"])
            #expect(lower.status == .ok)
        }
    }

    @Test func withoutSignInPagesRedirectAndTheAPIAnswers401() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let id = fixture.openClaim
            let routes: [(HTTPRequest.Method, String, String?)] = [
                (.get, "/api/v1/articles", nil), (.post, "/api/v1/articles", #"{"id": "x", "title": "X", "text": "X."}"#),
                (.get, "/api/v1/articles/council-budget", nil), (.put, "/api/v1/articles/council-budget/text", #"{"text": "x"}"#),
                (.post, "/api/v1/articles/council-budget/claims", #"{"claim": "x", "paragraph": 1}"#),
                (.get, "/api/v1/claims", nil), (.get, "/api/v1/claims/\(id)", nil), (.get, "/api/v1/claims/\(id)/history", nil),
                (.post, "/api/v1/claims/\(id)/status", #"{"status": "false"}"#),
                (.post, "/api/v1/claims/\(id)/sources", #"{"url": "https://example.org"}"#),
                (.post, "/api/v1/claims/\(id)/notes", #"{"note": "x"}"#),
                (.post, "/api/v1/claims/\(id)/assignee", #"{"assignee": "Ana Ruiz"}"#), (.delete, "/api/v1/claims/\(id)/assignee", nil),
                (.post, "/api/v1/claims/\(id)/review", #"{"decision": "approve"}"#),
                (.post, "/api/v1/claims/\(id)/attribution", #"{"claimant": "X"}"#),
                (.post, "/api/v1/claims/\(id)/anchor", #"{"paragraph": 1}"#), (.get, "/api/v1/report", nil),
            ]
            let commits = try fixture.commitCount()
            for (method, uri, json) in routes {
                for cookie in [nil, "factdesk_session=forged"] {
                    var headers: HTTPFields = [.origin: "http://localhost"]
                    if let cookie { headers[.cookie] = cookie }
                    let response = try await desk.api(method, uri, token: nil, json: json, headers: headers)
                    #expect(response.status == .unauthorized, "\(method) \(uri)")
                    #expect(response.isJSON && response.errorMessage != nil, "\(method) \(uri): \(response.text)")
                }
            }
            #expect(try fixture.commitCount() == commits)
        }
    }
}
