import FactDesk
@testable import FactDeskServer
import Foundation
import Hummingbird
import NIOCore
import NIOEmbedded
import HummingbirdTesting
import Testing
import TestSupport

/// What a client sends cannot crash, exhaust or hang the server: bodies over the limit are
/// refused with 413 (JSON under `/api`), malformed JSON and forms with 400, huge headers and
/// URIs are refused on the wire, and slow clients do not hold up anyone else.
@Suite struct BodyLimitsTests {
    static var limit: Int { DeskRequestContext(source: .init(channel: StandInChannel.make(), logger: .init(label: "test"))).maxUploadSize }

    @Test func oversizedBodiesAre413() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let limit = Self.limit
            #expect(limit >= 16 << 20, "an article's largest text fits")
            let commits = try fixture.commitCount()
            // A JSON string running past the limit: the server stops reading at the limit.
            var big = ByteBuffer(string: #"{"id": "big", "title": "Big", "text": ""#)
            big.writeRepeatingByte(UInt8(ascii: "a"), count: limit + 1 - big.readableBytes)
            let api = try await desk.send(.post, "/api/v1/articles", headers: [
                .authorization: "Bearer \(fixture.anaToken)", .contentType: DeskClient.jsonType,
            ], body: big)
            #expect(api.status == .contentTooLarge)
            #expect(api.isJSON)
            #expect(api.errorMessage?.contains("MiB") == true, "\(api.text)")

            let ana = try await desk.signIn(token: fixture.anaToken)
            var form = ByteBuffer(string: "csrf=\(ana.csrf)&id=big&title=Big&text=")
            form.writeRepeatingByte(UInt8(ascii: "a"), count: limit + 1 - form.readableBytes)
            let page = try await desk.send(.post, "/articles", headers: [
                .cookie: ana.cookie, .origin: "http://localhost", .contentType: DeskClient.formType,
            ], body: form)
            #expect(page.status == .contentTooLarge)
            #expect(page.isHTML)
            #expect(try fixture.commitCount() == commits)
        }
    }

    @Test func malformedBodiesAre400() async throws {
        let fixture = try ServerFixture()
        try await fixture.withDesk { desk in
            let commits = try fixture.commitCount()
            let claims = "/api/v1/articles/council-budget/claims"
            let nested = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
            let deepObject = String(repeating: #"{"a":"#, count: 50_000) + "1" + String(repeating: "}", count: 50_000)
            let bodies: [ByteBuffer] = [
                ByteBuffer(string: "{"), ByteBuffer(string: "}{"), ByteBuffer(string: "null"), ByteBuffer(string: #""claim""#),
                ByteBuffer(string: #"{"claim": "x", "paragraph": 1e400}"#), ByteBuffer(string: #"{"claim": "x", "paragraph": 99999999999999999999999}"#),
                ByteBuffer(string: #"{"claim": "x", "paragraph": NaN}"#), ByteBuffer(string: #"{"claim": "x\u0000", "paragraph": "#),
                ByteBuffer(bytes: [0x7B, 0x22, 0x63, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]), ByteBuffer(string: #"{"claim": "\ud800", "paragraph": 1}"#),
                ByteBuffer(string: nested), ByteBuffer(string: #"{"claim": "x", "paragraph": 1, "sources": "#+nested+"}"),
                ByteBuffer(string: deepObject),
            ]
            for body in bodies {
                let response = try await desk.send(.post, claims, headers: [
                    .authorization: "Bearer \(fixture.anaToken)", .contentType: DeskClient.jsonType,
                ], body: body)
                #expect(response.status.code >= 400 && response.status.code < 500, "\(String(buffer: body).prefix(60)): \(response.status) \(response.text.prefix(200))")
                #expect(response.isJSON && response.errorMessage != nil, "\(String(buffer: body).prefix(60))")
            }
            let plain = try await desk.api(.post, claims, token: fixture.anaToken, json: "{")
            #expect(plain.status == .badRequest)
            #expect(plain.errorMessage?.contains("not valid JSON") == true || plain.errorMessage?.contains("JSON") == true)

            // A form that is not URL-encoded.
            let ana = try await desk.signIn(token: fixture.anaToken)
            for body in ["csrf=\(ana.csrf)&id=%zz&title=T&text=T", "csrf=\(ana.csrf)&text=%E0%A4%A", "%"] {
                let response = try await desk.send(.post, "/articles", headers: [
                    .cookie: ana.cookie, .origin: "http://localhost", .contentType: DeskClient.formType,
                ], body: ByteBuffer(string: body))
                #expect(response.status == .badRequest || response.status == .forbidden, "\(body): \(response.status)")
                #expect(response.isHTML)
            }
            #expect(try fixture.commitCount() == commits)
        }
    }

    @Test func hugeHeadersAndURIsAreRefusedWithoutCrashing() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { port in
            let huge = String(repeating: "a", count: 1 << 20)
            let requests = [
                "GET /api/openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: \(huge)\r\n\r\n",
                "GET /api/v1/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(huge)\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: factdesk_session=\(huge)\r\n\r\n",
                "GET /\(huge) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + String(repeating: "X-Many: 1\r\n", count: 50_000) + "\r\n",
                "NOT HTTP AT ALL\r\n\r\n",
                "POST /api/v1/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -5\r\n\r\n",
                "POST /api/v1/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            ]
            for request in requests {
                // A generous wait: on a loaded machine the refusal may take seconds, and only its absence is a failure.
                let connection = try RawConnection(port: port, timeout: .seconds(30))
                let answer = await connection.request(request)
                if let status = answer.status {
                    #expect(status >= 400 && status < 500, "\(request.prefix(60)): \(answer.text.prefix(200))")
                } else {
                    #expect(answer.closed, "\(request.prefix(60)): neither an answer nor a closed connection")
                }
            }
            // A long token (but one a header may carry) is simply not a token.
            let token = String(repeating: "t", count: 40_000)
            let long = try await RawConnection(port: port, timeout: .seconds(30)).request("GET /api/v1/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer fdt_\(token)\r\nConnection: close\r\n\r\n")
            #expect(long.status == 401, "\(long.text.prefix(200))")
            // The server is still there.
            let after = try await RawConnection(port: port, timeout: .seconds(30)).request("GET /api/v1/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(fixture.anaToken)\r\nConnection: close\r\n\r\n")
            #expect(after.status == 200, "\(after.text.prefix(200))")
        }
    }

    @Test func slowClientsDoNotHoldUpOthers() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { port in
            var slow: [RawConnection] = []
            for index in 0..<40 {
                let connection = try RawConnection(port: port)
                if index % 2 == 0 {
                    // Headers that never end.
                    _ = await onThread { connection.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ") }
                } else {
                    // A body that never comes.
                    let request = "POST /api/v1/articles/council-budget/claims HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Authorization: Bearer \(fixture.anaToken)\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"claim\": "
                    _ = await onThread { connection.send(request) }
                }
                slow.append(connection)
            }
            let clock = ContinuousClock()
            let started = clock.now
            for _ in 0..<5 {
                let answer = try await RawConnection(port: port).request(
                    "GET /api/v1/claims/\(fixture.openClaim) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(fixture.anaToken)\r\nConnection: close\r\n\r\n")
                #expect(answer.status == 200, "\(answer.text.prefix(200))")
            }
            let elapsed = clock.now - started
            #expect(elapsed < .seconds(10), "five reads took \(elapsed) beside 40 stalled clients")
            withExtendedLifetime(slow) {}
        }
    }
}

/// A channel to make a request context outside a server, to read the context's body limit.
enum StandInChannel {
    static func make() -> any Channel { EmbeddedChannel() }
}
