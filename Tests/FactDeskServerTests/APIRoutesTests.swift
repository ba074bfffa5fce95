import FactDesk
@testable import FactDeskServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// Every `/api/v1` route with a bearer token: the body of each success (claims exactly as
/// `factdesk show --json` prints them, the report as `factdesk report --format json`), and each
/// error status as JSON `{"error": ...}` with nothing committed.
@Suite struct APIRoutesTests {
    /// Calls that must be refused with `status` and a JSON error, and commit nothing.
    func expectRefused(_ desk: DeskClient, _ fixture: ServerFixture, _ method: HTTPRequest.Method, _ uri: String,
                       token: String? = nil, json: String?, _ status: HTTPResponse.Status, mentioning: String? = nil,
                       sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let commits = try fixture.commitCount()
        let response = try await desk.api(method, uri, token: token ?? fixture.anaToken, json: json, sourceLocation: sourceLocation)
        #expect(response.status == status, "\(method) \(uri) \(json ?? ""): \(response.status) \(response.text)", sourceLocation: sourceLocation)
        #expect(response.isJSON, "\(method) \(uri): not JSON", sourceLocation: sourceLocation)
        let message = response.errorMessage
        #expect(message?.isEmpty == false, "\(method) \(uri): no error message in \(response.text)", sourceLocation: sourceLocation)
        if let mentioning {
            #expect(message?.contains(mentioning) == true, "\(method) \(uri): \(message ?? "") should mention \(mentioning)", sourceLocation: sourceLocation)
        }
        #expect(try fixture.commitCount() == commits, "\(method) \(uri) committed", sourceLocation: sourceLocation)
    }

    /// A claim as the API answers it is what `factdesk show --json` prints: same keys, same values.
    func expectClaim(_ body: String, is id: String, in fixture: ServerFixture, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try FactDeskJSON.string(ClaimView(try fixture.store.claim(id)))
        #expect(Self.keys(body) == Self.keys(expected), "claim keys differ from `factdesk show --json`", sourceLocation: sourceLocation)
        #expect(sameJSON(body, expected), "claim \(id): \(body) is not \(expected)", sourceLocation: sourceLocation)
    }

    func lastAuthor(_ fixture: ServerFixture) throws -> String {
        try ProcessRunner.git(["log", "-1", "--format=%an <%ae>"], in: fixture.repository).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func authentication() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            for uri in ["/api/v1/articles", "/api/v1/claims/\(fixture.openClaim)", "/api/v1/report"] {
                for header in [nil, "Bearer fdt_wrong", "Bearer ", "Basic YW5hOnNlY3JldA==", "Bearer \(fixture.anaToken)x"] {
                    let response = try await desk.send(.get, uri, headers: header.map { [.authorization: $0] } ?? [:])
                    #expect(response.status == .unauthorized, "\(uri) with \(header ?? "no Authorization")")
                    #expect(response.isJSON && response.errorMessage != nil, "\(uri): \(response.text)")
                }
            }
            let ok = try await desk.api(.get, "/api/v1/articles", token: fixture.anaToken)
            #expect(ok.status == .ok)
            // A removed editor's token stops working at once.
            try fixture.store.removeEditor(email: "ben@example.org")
            try await expectRefused(desk, fixture, .get, "/api/v1/articles", token: fixture.benToken, json: nil, .unauthorized)
            try await expectRefused(desk, fixture, .post, "/api/v1/claims/\(fixture.openClaim)/notes", token: fixture.benToken,
                                    json: #"{"note": "after removal"}"#, .unauthorized)
        }
    }

    @Test func listAndReadArticles() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let list = try await desk.api(.get, "/api/v1/articles", token: fixture.anaToken)
            #expect(list.status == .ok)
            #expect(list.isJSON)
            #expect(list.text == (try FactDeskJSON.string(try fixture.store.articleSummaries())))

            let article = try await desk.api(.get, "/api/v1/articles/council-budget", token: fixture.anaToken)
            #expect(article.status == .ok)
            let document = try fixture.store.document(fixture.budget)
            #expect(sameJSON(article.text, try FactDeskJSON.string(ArticleView(document))))
            let object = try article.jsonObject()
            #expect(Set(object.keys) == ["id", "title", "url", "revision", "text", "paragraphs", "claims",
                                         "createdBy", "createdAt", "updatedBy", "updatedAt"])
            #expect(object["text"] as? String == document.text.string)
            let claims = try #require(object["claims"] as? [[String: Any]])
            #expect(claims.count == 2)
            for claim in claims {
                let id = try #require(claim["id"] as? String)
                let data = try JSONSerialization.data(withJSONObject: claim)
                try expectClaim(String(decoding: data, as: UTF8.self), is: id, in: fixture)
            }

            try await expectRefused(desk, fixture, .get, "/api/v1/articles/no-such-article", json: nil, .notFound)
            let malformed = try await desk.api(.get, "/api/v1/articles/Not_A_Slug", token: fixture.anaToken)
            #expect([.notFound, .unprocessableContent].contains(malformed.status))
            #expect(malformed.isJSON)
        }
    }

    @Test func createArticle() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let commits = try fixture.commitCount()
            let body = JSONBody.make(["id": "ferry-timetable", "title": "Ferry timetable", "url": "https://news.example/ferry",
                                      "text": "Ferries run every hour.\n\nThe mayor said so.\n"])
            let created = try await desk.api(.post, "/api/v1/articles", token: fixture.benToken, json: body)
            #expect(created.status == .created)
            #expect(try fixture.commitCount() == commits + 1)
            #expect(try lastAuthor(fixture) == "Ben Okafor <ben@example.org>")
            let stored = try fixture.store.document(try ArticleSlug("ferry-timetable"))
            #expect(sameJSON(created.text, try FactDeskJSON.string(ArticleView(stored))))
            #expect(stored.article.url == "https://news.example/ferry")

            try await expectRefused(desk, fixture, .post, "/api/v1/articles", json: "{\"id\": ", .badRequest)
            try await expectRefused(desk, fixture, .post, "/api/v1/articles", json: "not json at all", .badRequest)
            try await expectRefused(desk, fixture, .post, "/api/v1/articles", json: #"{"id": "x", "title": "X"}"#, .badRequest, mentioning: "text")
            try await expectRefused(desk, fixture, .post, "/api/v1/articles", json: #"{"id": 7, "title": "X", "text": "T."}"#, .badRequest)
            try await expectRefused(desk, fixture, .post, "/api/v1/articles", json: "[]", .badRequest)
            try await expectRefused(desk, fixture, .post, "/api/v1/articles", json: "", .badRequest)
            try await expectRefused(desk, fixture, .post, "/api/v1/articles",
                                    json: #"{"id": "ferry-timetable", "title": "Again", "text": "Again."}"#, .conflict)
            try await expectRefused(desk, fixture, .post, "/api/v1/articles",
                                    json: #"{"id": "scripted", "title": "S", "url": "javascript:alert(1)", "text": "T."}"#, .unprocessableContent)
            try await expectRefused(desk, fixture, .post, "/api/v1/articles",
                                    json: #"{"id": "Not A Slug", "title": "S", "text": "T."}"#, .unprocessableContent)
            try await expectRefused(desk, fixture, .post, "/api/v1/articles",
                                    json: #"{"id": "empty-text", "title": "S", "text": ""}"#, .unprocessableContent)
        }
    }

    @Test func replaceText() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let commits = try fixture.commitCount()
            let revised = "Breaking: " + ServerFixture.budgetText
            let response = try await desk.api(.put, "/api/v1/articles/council-budget/text", token: fixture.anaToken,
                                              json: JSONBody.make(["text": revised]))
            #expect(response.status == .ok)
            let summary = try response.jsonObject()
            #expect(summary["revision"] as? Int == 2)
            #expect(summary["moved"] as? Int == 2)
            #expect(summary["orphaned"] as? Int == 0)
            #expect(try fixture.commitCount() == commits + 1)
            #expect(try fixture.store.document(fixture.budget).text.string == revised)
            // The claims moved with the text: the API's offsets are scalar offsets of the new text.
            let claim = try await desk.api(.get, "/api/v1/claims/\(fixture.openClaim)", token: fixture.anaToken).jsonObject()
            let start = try #require(claim["start"] as? Int), end = try #require(claim["end"] as? Int)
            let scalars = Array(revised.unicodeScalars)
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == "€4.2 million")

            try await expectRefused(desk, fixture, .put, "/api/v1/articles/no-such-article/text", json: #"{"text": "x"}"#, .notFound)
            try await expectRefused(desk, fixture, .put, "/api/v1/articles/council-budget/text", json: #"{"body": "x"}"#, .badRequest)
            try await expectRefused(desk, fixture, .put, "/api/v1/articles/council-budget/text", json: #"{"text": ""}"#, .unprocessableContent)
        }
    }

    @Test func fileClaims() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let commits = try fixture.commitCount()
            let byQuote = try await desk.api(.post, "/api/v1/articles/council-budget/claims", token: fixture.benToken, json: JSONBody.make([
                "claim": "More than a dozen projects were delayed", "quote": "more than a dozen projects were delayed",
                "sources": ["https://records.example/projects"], "note": "ask the council", "assignee": "Ana Ruiz", "due": "2031-01-15",
                "claimant": "Officials", "claimantKind": "organization", "claimDate": "2026-11-24",
            ]))
            #expect(byQuote.status == .created, "\(byQuote.text)")
            let id = try #require(try byQuote.jsonObject()["id"] as? String)
            try expectClaim(byQuote.text, is: id, in: fixture)
            let claim = try byQuote.jsonObject()
            #expect(claim["assignee"] as? String == "Ana Ruiz <ana@example.org>")
            #expect(claim["due"] as? String == "2031-01-15")
            #expect(claim["claimant"] as? String == "Officials")
            #expect(try fixture.commitCount() == commits + 1)
            #expect(try lastAuthor(fixture) == "Ben Okafor <ben@example.org>")

            // A span in Unicode scalar offsets: "€" and the curly quotes are one scalar each.
            let text = ServerFixture.budgetText
            let quote = "“We have cut waste,”"
            let range = try #require(text.range(of: quote))
            let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
            let bySpan = try await desk.api(.post, "/api/v1/articles/council-budget/claims", token: fixture.anaToken,
                                            json: JSONBody.make(["claim": "Waste was cut", "start": start, "end": start + quote.unicodeScalars.count]))
            #expect(bySpan.status == .created)
            let spanned = try bySpan.jsonObject()
            #expect(spanned["quote"] as? String == quote)
            #expect(spanned["paragraph"] as? Int == 2)
            try expectClaim(bySpan.text, is: try #require(spanned["id"] as? String), in: fixture)

            let byParagraph = try await desk.api(.post, "/api/v1/articles/harbour-plan/claims", token: fixture.anaToken,
                                                 json: #"{"claim": "Costs a million", "paragraph": 2}"#)
            #expect(byParagraph.status == .created)
            #expect(try byParagraph.jsonObject()["quote"] as? String == "The work costs €1 million.")
            #expect(try fixture.commitCount() == commits + 3)

            let claims = "/api/v1/articles/council-budget/claims"
            try await expectRefused(desk, fixture, .post, "/api/v1/articles/no-such-article/claims", json: #"{"claim": "x", "paragraph": 1}"#, .notFound)
            try await expectRefused(desk, fixture, .post, claims, json: #"{"claim": "x", "quote": "the figure"}"#, .conflict)
            try await expectRefused(desk, fixture, .post, claims, json: #"{"claim": "x", "quote": "words that are not there"}"#, .unprocessableContent)
            try await expectRefused(desk, fixture, .post, claims, json: #"{"claim": "x", "quote": "€4.2 million", "due": "31/12/2030"}"#, .unprocessableContent)
            try await expectRefused(desk, fixture, .post, claims, json: #"{"claim": "x", "quote": "€4.2 million", "claimDate": "yesterday-ish"}"#, .unprocessableContent)
            try await expectRefused(desk, fixture, .post, claims, json: #"{"claim": "x", "quote": "€4.2 million", "sources": ["javascript:alert(1)"]}"#, .unprocessableContent)
            try await expectRefused(desk, fixture, .post, claims, json: #"{"claim": "x", "quote": "€4.2 million", "sources": ["data:text/html,<script>alert(1)</script>"]}"#, .unprocessableContent)
            try await expectRefused(desk, fixture, .post, claims, json: #"{"claim": "x", "quote": "€4.2 million", "assignee": "Nobody Known"}"#, .unprocessableContent)
            try await expectRefused(desk, fixture, .post, claims, json: #"{"claim": "x", "quote": "€4.2 million", "paragraph": 1}"#, .unprocessableContent)
            try await expectRefused(desk, fixture, .post, claims, json: #"{"claim": "x"}"#, .unprocessableContent)
            try await expectRefused(desk, fixture, .post, claims, json: #"{"claim": "x", "start": 5, "end": 100000}"#, .unprocessableContent)
            try await expectRefused(desk, fixture, .post, claims, json: #"{"claim": "", "paragraph": 1}"#, .unprocessableContent)
            try await expectRefused(desk, fixture, .post, claims, json: #"{"quote": "€4.2 million"}"#, .badRequest, mentioning: "claim")
            try await expectRefused(desk, fixture, .post, claims, json: #"{"claim": "x", "paragraph": "one"}"#, .badRequest)
            try await expectRefused(desk, fixture, .post, claims, json: #"{"claim": "x", "paragraph": 1"#, .badRequest)
        }
    }

    @Test func listClaims() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let all = try await desk.api(.get, "/api/v1/claims", token: fixture.anaToken)
            #expect(all.status == .ok)
            #expect(sameJSON(all.text, try FactDeskJSON.string(try fixture.store.claims().map { ClaimView($0) })))
            let verified = try await desk.api(.get, "/api/v1/claims?status=verified", token: fixture.anaToken).json() as? [[String: Any]]
            #expect(verified?.compactMap { $0["id"] as? String } == [fixture.verifiedClaim])
            let mine = try await desk.api(.get, "/api/v1/claims?assignee=me", token: fixture.benToken).json() as? [[String: Any]]
            #expect(mine?.compactMap { $0["id"] as? String } == [fixture.openClaim])
            let harbour = try await desk.api(.get, "/api/v1/claims?article=harbour-plan", token: fixture.anaToken).json() as? [[String: Any]]
            #expect(harbour?.isEmpty == true)
            try await expectRefused(desk, fixture, .get, "/api/v1/claims?status=bogus", json: nil, .unprocessableContent)
            try await expectRefused(desk, fixture, .get, "/api/v1/claims?article=no-such-article", json: nil, .notFound)
        }
    }

    @Test func readClaimAndHistory() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let claim = try await desk.api(.get, "/api/v1/claims/\(fixture.verifiedClaim)", token: fixture.anaToken)
            #expect(claim.status == .ok)
            try expectClaim(claim.text, is: fixture.verifiedClaim, in: fixture)
            let history = try await desk.api(.get, "/api/v1/claims/\(fixture.verifiedClaim)/history", token: fixture.anaToken)
            #expect(history.status == .ok)
            #expect(history.text == (try FactDeskJSON.string(try fixture.store.history(ofClaim: fixture.verifiedClaim))))
            let entries = try #require(try history.json() as? [[String: Any]])
            #expect(entries.count == 2)
            #expect(Set(entries.flatMap(\.keys)) == ["commit", "date", "editor", "message", "status", "detail"])

            try await expectRefused(desk, fixture, .get, "/api/v1/claims/c-zzzzzzzz", json: nil, .notFound)
            try await expectRefused(desk, fixture, .get, "/api/v1/claims/c-zzzzzzzz/history", json: nil, .notFound)
        }
    }

    @Test func changeStatus() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let uri = "/api/v1/claims/\(fixture.openClaim)/status"
            let commits = try fixture.commitCount()
            let inReview = try await desk.api(.post, uri, token: fixture.benToken, json: #"{"status": "in-review", "note": "looking"}"#)
            #expect(inReview.status == .ok)
            try expectClaim(inReview.text, is: fixture.openClaim, in: fixture)
            #expect(try inReview.jsonObject()["status"] as? String == "in-review")
            // Verified needs a source (the desk's policy): refused with 403, then given with one.
            try await expectRefused(desk, fixture, .post, uri, json: #"{"status": "verified"}"#, .forbidden)
            let verified = try await desk.api(.post, uri, token: fixture.benToken,
                                              json: #"{"status": "verified", "sources": ["https://records.example/minutes"], "note": "in the minutes"}"#)
            #expect(verified.status == .ok)
            try expectClaim(verified.text, is: fixture.openClaim, in: fixture)
            #expect(try verified.jsonObject()["status"] as? String == "verified")
            #expect(try fixture.commitCount() == commits + 2)

            try await expectRefused(desk, fixture, .post, uri, json: #"{"status": "bogus"}"#, .unprocessableContent)
            try await expectRefused(desk, fixture, .post, uri, json: #"{"status": "false", "sources": ["javascript:alert(1)"]}"#, .unprocessableContent)
            try await expectRefused(desk, fixture, .post, uri, json: #"{"note": "no status"}"#, .badRequest, mentioning: "status")
            try await expectRefused(desk, fixture, .post, "/api/v1/claims/c-zzzzzzzz/status", json: #"{"status": "false"}"#, .notFound)
        }
    }

    /// Known bug of `APIController` (being reworked elsewhere, so recorded here as a known issue:
    /// this test says so when it is fixed): a status change that brings sources commits each
    /// source on its own before the status, so one call is several commits, and a call refused
    /// with 422 has already committed the sources before the bad one.
    @Test func statusChangeWithSourcesIsOneCommitOrNone() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let uri = "/api/v1/claims/\(fixture.openClaim)/status"
            let commits = try fixture.commitCount()
            let refused = try await desk.api(.post, uri, token: fixture.anaToken,
                                             json: #"{"status": "false", "sources": ["https://records.example/a", "javascript:alert(1)"]}"#)
            #expect(refused.status == .unprocessableContent)
            let afterRefusal = try fixture.commitCount()
            let accepted = try await desk.api(.post, uri, token: fixture.anaToken,
                                              json: #"{"status": "false", "sources": ["https://records.example/b", "https://records.example/c"]}"#)
            #expect(accepted.status == .ok)
            let afterChange = try fixture.commitCount()
            #expect(afterRefusal == commits, "a refused change committed \(afterRefusal - commits) source(s)")
            #expect(afterChange == afterRefusal + 1, "one change took \(afterChange - afterRefusal) commits")
        }
    }

    @Test func sourcesAndNotes() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let commits = try fixture.commitCount()
            let source = try await desk.api(.post, "/api/v1/claims/\(fixture.openClaim)/sources", token: fixture.anaToken,
                                            json: #"{"url": "https://records.example/budget.pdf", "title": "Budget", "note": "page 4"}"#)
            #expect(source.status == .created)
            try expectClaim(source.text, is: fixture.openClaim, in: fixture)
            let note = try await desk.api(.post, "/api/v1/claims/\(fixture.openClaim)/notes", token: fixture.anaToken,
                                          json: #"{"note": "called the council"}"#)
            #expect(note.status == .created)
            try expectClaim(note.text, is: fixture.openClaim, in: fixture)
            #expect(try fixture.commitCount() == commits + 2)

            let sources = "/api/v1/claims/\(fixture.openClaim)/sources"
            for url in ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=",
                        "vbscript:msgbox", "https://example.org/a b", "not a url", ""] {
                try await expectRefused(desk, fixture, .post, sources, json: JSONBody.make(["url": url]), .unprocessableContent)
            }
            try await expectRefused(desk, fixture, .post, sources, json: #"{"title": "no url"}"#, .badRequest)
            try await expectRefused(desk, fixture, .post, "/api/v1/claims/c-zzzzzzzz/sources", json: #"{"url": "https://example.org"}"#, .notFound)
            try await expectRefused(desk, fixture, .post, "/api/v1/claims/\(fixture.openClaim)/notes", json: #"{"text": "wrong key"}"#, .badRequest)
            try await expectRefused(desk, fixture, .post, "/api/v1/claims/c-zzzzzzzz/notes", json: #"{"note": "x"}"#, .notFound)
        }
    }

    @Test func assignAndUnassign() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let uri = "/api/v1/claims/\(fixture.verifiedClaim)/assignee"
            let assigned = try await desk.api(.post, uri, token: fixture.anaToken, json: #"{"assignee": "Ana Ruiz", "due": "2031-02-01"}"#)
            #expect(assigned.status == .ok)
            try expectClaim(assigned.text, is: fixture.verifiedClaim, in: fixture)
            #expect(try assigned.jsonObject()["assignee"] as? String == "Ana Ruiz <ana@example.org>")
            #expect(try assigned.jsonObject()["due"] as? String == "2031-02-01")
            let unassigned = try await desk.api(.delete, uri, token: fixture.anaToken)
            #expect(unassigned.status == .ok)
            #expect(try unassigned.jsonObject()["assignee"] is NSNull)
            try expectClaim(unassigned.text, is: fixture.verifiedClaim, in: fixture)

            try await expectRefused(desk, fixture, .post, uri, json: #"{"assignee": "Ana Ruiz", "due": "someday"}"#, .unprocessableContent)
            try await expectRefused(desk, fixture, .post, uri, json: #"{"assignee": "Nobody Known"}"#, .unprocessableContent)
            try await expectRefused(desk, fixture, .post, uri, json: #"{"due": "2031-02-01"}"#, .badRequest)
            try await expectRefused(desk, fixture, .post, "/api/v1/claims/c-zzzzzzzz/assignee", json: #"{"assignee": "Ana Ruiz"}"#, .notFound)
            try await expectRefused(desk, fixture, .delete, "/api/v1/claims/c-zzzzzzzz/assignee", json: nil, .notFound)
        }
    }

    @Test func secondEditorReview() async throws {
        let fixture = try ServerFixture(secondReview: true)
        try await fixture.withDesk { desk in
            let status = "/api/v1/claims/\(fixture.openClaim)/status"
            let review = "/api/v1/claims/\(fixture.openClaim)/review"
            try await expectRefused(desk, fixture, .post, review, json: #"{"decision": "approve"}"#, .unprocessableContent)
            let proposed = try await desk.api(.post, status, token: fixture.anaToken,
                                              json: #"{"status": "false", "note": "the minutes say 4.1"}"#)
            #expect(proposed.status == .ok)
            #expect(try proposed.jsonObject()["status"] as? String == "in-review")
            #expect(try proposed.jsonObject()["awaitingReview"] as? Bool == true)
            try expectClaim(proposed.text, is: fixture.openClaim, in: fixture)
            // Approving one's own verdict is what the policy forbids.
            try await expectRefused(desk, fixture, .post, review, json: #"{"decision": "approve"}"#, .forbidden)
            try await expectRefused(desk, fixture, .post, review, token: fixture.benToken, json: #"{"decision": "maybe"}"#, .unprocessableContent)
            try await expectRefused(desk, fixture, .post, review, token: fixture.benToken, json: #"{"note": "no decision"}"#, .badRequest)
            let approved = try await desk.api(.post, review, token: fixture.benToken, json: #"{"decision": "approve", "note": "agreed"}"#)
            #expect(approved.status == .ok)
            #expect(try approved.jsonObject()["status"] as? String == "false")
            let settled = try #require(try approved.jsonObject()["review"] as? [String: Any])
            #expect(settled["approvedBy"] as? String == "Ben Okafor <ben@example.org>")
            try expectClaim(approved.text, is: fixture.openClaim, in: fixture)
            try await expectRefused(desk, fixture, .post, "/api/v1/claims/c-zzzzzzzz/review", json: #"{"decision": "approve"}"#, .notFound)
        }
    }

    @Test func attribution() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let uri = "/api/v1/claims/\(fixture.openClaim)/attribution"
            let response = try await desk.api(.post, uri, token: fixture.anaToken, json: JSONBody.make([
                "claimant": "Mayor Zoë Laurent", "claimDate": "2026-11-24", "appearances": ["https://video.example/council"],
            ]))
            #expect(response.status == .ok)
            try expectClaim(response.text, is: fixture.openClaim, in: fixture)
            let claim = try response.jsonObject()
            #expect(claim["claimant"] as? String == "Mayor Zoë Laurent")
            #expect(claim["claimantKind"] as? String == "person")
            #expect(claim["claimDate"] as? String == "2026-11-24")
            #expect(claim["appearances"] as? [String] == ["https://video.example/council"])

            try await expectRefused(desk, fixture, .post, uri, json: "{}", .unprocessableContent)
            try await expectRefused(desk, fixture, .post, uri, json: #"{"claimant": "X", "claimDate": "soon"}"#, .unprocessableContent)
            try await expectRefused(desk, fixture, .post, uri, json: #"{"claimant": "X", "claimantKind": "robot"}"#, .unprocessableContent)
            try await expectRefused(desk, fixture, .post, uri, json: #"{"claimant": 5}"#, .badRequest)
            try await expectRefused(desk, fixture, .post, "/api/v1/claims/c-zzzzzzzz/attribution", json: #"{"claimant": "X"}"#, .notFound)
        }
    }

    @Test func reanchor() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let uri = "/api/v1/claims/\(fixture.openClaim)/anchor"
            let moved = try await desk.api(.post, uri, token: fixture.anaToken, json: #"{"quote": "a budget of €4.2 million"}"#)
            #expect(moved.status == .ok)
            try expectClaim(moved.text, is: fixture.openClaim, in: fixture)
            #expect(try moved.jsonObject()["quote"] as? String == "a budget of €4.2 million")

            try await expectRefused(desk, fixture, .post, uri, json: #"{"quote": "the figure"}"#, .conflict)
            try await expectRefused(desk, fixture, .post, uri, json: #"{"quote": "not in the text at all"}"#, .unprocessableContent)
            try await expectRefused(desk, fixture, .post, uri, json: #"{"paragraph": 9}"#, .unprocessableContent)
            try await expectRefused(desk, fixture, .post, uri, json: #"{"quote": 1}"#, .badRequest)
            try await expectRefused(desk, fixture, .post, "/api/v1/claims/c-zzzzzzzz/anchor", json: #"{"paragraph": 1}"#, .notFound)
        }
    }

    @Test func report() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let response = try await desk.api(.get, "/api/v1/report", token: fixture.anaToken)
            #expect(response.status == .ok)
            #expect(response.isJSON)
            let expected = try ReportFormat.json.render(try fixture.store.report())
            #expect(sameJSON(Self.withoutGeneratedAt(response.text), Self.withoutGeneratedAt(expected)))
            #expect(Self.keys(response.text) == Self.keys(expected))
            let one = try await desk.api(.get, "/api/v1/report?article=harbour-plan", token: fixture.anaToken)
            #expect(one.status == .ok)
            let expectedOne = try ReportFormat.json.render(try fixture.store.report(articles: [fixture.harbour]))
            #expect(sameJSON(Self.withoutGeneratedAt(one.text), Self.withoutGeneratedAt(expectedOne)))
            try await expectRefused(desk, fixture, .get, "/api/v1/report?article=no-such-article", json: nil, .notFound)
        }
    }

    /// The report without the moment it was made, which differs between two renderings.
    static func withoutGeneratedAt(_ json: String) -> String {
        json.replacing(/"generatedAt" *: *"[^"]*"/, with: "\"generatedAt\": \"\"")
    }

    static func keys(_ json: String) -> Set<String> {
        Set(((try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any])?.keys.map { $0 } ?? [])
    }
}
