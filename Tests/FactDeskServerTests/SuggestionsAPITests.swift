import FactDesk
@testable import FactDeskServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// `GET /api/v1/articles/{slug}/suggestions` answers what `factdesk suggest --json` prints (the
/// same library call), and filing a suggestion through the claim route covers it.
@Suite struct SuggestionsAPITests {
    @Test func answersTheLibrarysRankingAndFilingOneCoversIt() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let all = try await desk.api(.get, "/api/v1/articles/council-budget/suggestions", token: fixture.anaToken)
            #expect(all.status == .ok && all.isJSON)
            let expected = try fixture.store.suggestions(for: fixture.budget).showing(openOnly: false, top: nil).jsonUTF8()
            #expect(all.text == String(decoding: expected, as: UTF8.self))
            let listing = try all.jsonObject()
            let suggestions = try #require(listing["suggestions"] as? [[String: Any]])
            #expect(suggestions.count == 5)
            #expect(suggestions.contains { $0["covered"] as? Bool == true })

            let open = try await desk.api(.get, "/api/v1/articles/council-budget/suggestions?open=true&top=2", token: fixture.anaToken)
            let first = try #require((try open.jsonObject()["suggestions"] as? [[String: Any]])?.first)
            #expect((try open.jsonObject()["suggestions"] as? [Any])?.count == 2)
            #expect(first["covered"] as? Bool == false)
            let (start, end) = (try #require(first["start"] as? Int), try #require(first["end"] as? Int))
            let sentence = try #require(first["sentence"] as? String)
            let body = try String(decoding: JSONSerialization.data(withJSONObject: [
                "claim": sentence, "start": start, "end": end, "revision": listing["revision"] as? Int ?? 0]), as: UTF8.self)
            let filed = try await desk.api(.post, "/api/v1/articles/council-budget/claims", token: fixture.anaToken, json: body)
            #expect(filed.status == .created, "\(filed.text)")
            let claim = try filed.jsonObject()
            #expect(claim["start"] as? Int == start && claim["end"] as? Int == end && claim["quote"] as? String == sentence)
            let after = try await desk.api(.get, "/api/v1/articles/council-budget/suggestions?open=true", token: fixture.anaToken)
            #expect(!(try after.jsonObject()["suggestions"] as? [[String: Any]] ?? []).contains { $0["start"] as? Int == start })
        }
    }

    @Test func refusesBadParametersAndUnknownArticles() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            for (uri, status) in [("/api/v1/articles/council-budget/suggestions?top=0", HTTPResponse.Status.badRequest),
                                  ("/api/v1/articles/council-budget/suggestions?top=two", .badRequest),
                                  ("/api/v1/articles/council-budget/suggestions?open=yes", .badRequest),
                                  ("/api/v1/articles/no-such-article/suggestions", .notFound)] {
                let response = try await desk.api(.get, uri, token: fixture.anaToken)
                #expect(response.status == status && response.isJSON && response.errorMessage != nil, "\(uri): \(response.status) \(response.text)")
            }
            let anonymous = try await desk.send(.get, "/api/v1/articles/council-budget/suggestions")
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test func theArticlePageLoadsTheSuggestionsScriptAndStyle() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let session = try await desk.signIn(token: fixture.anaToken)
            let page = try await desk.browser(.get, "/articles/council-budget", session: session)
            #expect(page.text.contains("<script src=\"/assets/suggest.js\" defer></script>"))
            #expect(page.text.contains("<link rel=\"stylesheet\" href=\"/assets/suggest.css\">"))
            let script = try await desk.send(.get, "/assets/suggest.js")
            #expect(script.status == .ok && script.text.contains("/suggestions?open=true"))
            #expect(!script.text.contains("innerHTML"))
            let style = try await desk.send(.get, "/assets/suggest.css")
            #expect(style.status == .ok && style.text.contains("::highlight(suggest-strong)"))
        }
    }
}
