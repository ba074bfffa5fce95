import FactDesk
@testable import FactDeskServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import ServiceLifecycle
import Testing
import TestSupport

/// A desk in a temporary repository for the web desk's tests: two articles, a few claims, two
/// editors who may sign in (Ana and Ben, with the tokens `addEditor` printed once), and the web
/// desk over it, driven in process (`withDesk`: requests go straight to the router) or served on a
/// loopback port as `factdesk serve` serves it (`withServer`).
final class ServerFixture: @unchecked Sendable {
    let directory: TemporaryDirectory
    let deskPath: String
    let store: DeskStore
    let configuration: ServerConfiguration
    let ana = try! Editor(parsing: "Ana Ruiz <ana@example.org>")
    let ben = try! Editor(parsing: "Ben Okafor <ben@example.org>")
    let anaToken: String
    let benToken: String
    let budget = try! ArticleSlug("council-budget")
    let harbour = try! ArticleSlug("harbour-plan")
    /// An unverified claim on "€4.2 million", assigned to Ben.
    let openClaim: String
    /// A claim on "the largest in a decade", verified with a source.
    let verifiedClaim: String

    static let budgetText = """
    The council approved a budget of €4.2 million on Tuesday — the largest in a decade.

    “We have cut waste,” said Mayor Zoë Laurent. Officials said more than a dozen projects were delayed.

    Critics said the figure was “misleading”. The council said the figure was final.
    """

    static let harbourText = "The harbour will be dredged in spring.\n\nThe work costs €1 million.\n"

    init(configuration: ServerConfiguration = ServerConfiguration(), secondReview: Bool = false) throws {
        self.configuration = configuration
        directory = try TemporaryDirectory("factdesk-server")
        try ProcessRunner.git(["init", "-q", "-b", "main"], in: directory.url)
        deskPath = directory.path("annotations")
        store = try DeskStore.create(at: deskPath, editor: ana)
        try store.addArticle(slug: budget, title: "Council passes record budget", url: "https://news.example/budget",
                             text: try ArticleText(normalizing: Self.budgetText, source: "test"), editor: ana)
        try store.addArticle(slug: harbour, title: "Harbour plan", url: nil,
                             text: try ArticleText(normalizing: Self.harbourText, source: "test"), editor: ben)
        openClaim = try store.annotate(
            AnnotationRequest(article: budget, selector: .quote("€4.2 million", occurrence: nil),
                              claim: "The budget is €4.2 million", note: "check the minutes", assignee: ben.description),
            editor: ana).id.value
        verifiedClaim = try store.annotate(
            AnnotationRequest(article: budget, selector: .quote("the largest in a decade", occurrence: nil),
                              claim: "Largest budget in a decade", sources: ["https://records.example/budgets"]),
            editor: ben).id.value
        _ = try store.verify(verifiedClaim, note: "matches the records", editor: ben)
        if secondReview { _ = try store.setPolicy(.secondReview, to: "on", editor: ana) }
        anaToken = try store.addEditor(ana)
        benToken = try store.addEditor(ben)
    }

    var repository: URL { directory.url }

    /// `git rev-list --count HEAD` of the desk's repository.
    func commitCount() throws -> Int {
        Int(try ProcessRunner.git(["rev-list", "--count", "HEAD"], in: repository).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// A fresh router over the desk (its own sessions and sign-in throttle).
    func router() throws -> Router<DeskRequestContext> {
        try WebDesk.router(desk: deskPath, configuration: configuration)
    }

    /// Runs `body` against the web desk in process: requests go straight to the router.
    func withDesk<T: Sendable>(_ body: @Sendable (DeskClient) async throws -> T) async throws -> T {
        let app = Application(router: try router())
        return try await app.test(.router) { client in try await body(DeskClient(client: client, origin: "http://localhost")) }
    }
}

extension ServerFixture {
    /// Runs `body` against the web desk as `factdesk serve` runs it (the same application, its
    /// HTTP settings included), listening on a free loopback port which `body` gets.
    func withServer<T: Sendable>(_ body: @Sendable (Int) async throws -> T) async throws -> T {
        var settings = configuration
        settings.host = "127.0.0.1"
        settings.port = 0
        let (ports, listening) = AsyncStream.makeStream(of: Int.self)
        let app = try WebDesk.application(desk: deskPath, configuration: settings) { port in
            listening.yield(port)
            listening.finish()
        }
        let services = ServiceGroup(configuration: .init(services: [app], logger: Logger(label: "factdesk-test")))
        let server = Task { try await services.run() }
        do {
            guard let port = await ports.first(where: { _ in true }) else { throw TestFailure("the server did not start") }
            let value = try await body(port)
            await services.triggerGracefulShutdown()
            try await server.value
            return value
        } catch {
            await services.triggerGracefulShutdown()
            _ = await server.result
            throw error
        }
    }
}

/// Runs blocking work (sockets, processes) on a thread of its own, never on the threads that
/// run Swift tasks, which the server under test needs.
func onThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread.detachNewThread { continuation.resume(returning: work()) }
    }
}

/// A plain TCP connection to a loopback port, for requests no HTTP client would send (huge
/// headers, bodies that never finish) and for seeing exactly what the server answers.
final class RawConnection: @unchecked Sendable {
    private let socket: Int32

    init(port: Int, timeout: Duration = .seconds(5)) throws {
        #if canImport(Glibc)
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socket >= 0 else { throw TestFailure("socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw TestFailure("connect to port \(port): \(errno)")
        }
        var time = timeval(tv_sec: Int(timeout.components.seconds), tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(socket) }

    /// Sends `bytes`; false when the server has closed the connection (or stopped reading).
    @discardableResult
    func send(_ text: String) -> Bool { send(Data(text.utf8)) }

    @discardableResult
    func send(_ data: Data) -> Bool {
        data.withUnsafeBytes { buffer in
            var sent = 0
            while sent < buffer.count {
                #if canImport(Glibc)
                let n = Glibc.send(socket, buffer.baseAddress! + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
                #else
                let n = Darwin.send(socket, buffer.baseAddress! + sent, buffer.count - sent, 0)
                #endif
                if n <= 0 { return false }
                sent += n
            }
            return true
        }
    }

    /// Reads one response (its head and a `Content-Length` body), or what came before the server
    /// closed the connection or the timeout passed.
    func readResponse() -> (status: Int?, text: String, closed: Bool) {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var closed = false
        while true {
            let n = recv(socket, &buffer, buffer.count, 0)
            if n <= 0 { closed = n == 0 || errno != EAGAIN; break }
            data.append(contentsOf: buffer[0..<n])
            let text = String(decoding: data, as: UTF8.self)
            if let end = text.range(of: "\r\n\r\n") {
                let head = text[..<end.lowerBound].lowercased()
                let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                if text.utf8.distance(from: end.upperBound, to: text.utf8.endIndex) >= length { break }
            }
        }
        let text = String(decoding: data, as: UTF8.self)
        let status = text.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) }
        return (text.hasPrefix("HTTP/1.1 ") ? status : nil, text, closed)
    }

    /// Sends a whole request and reads its response, on a thread of its own.
    func request(_ text: String) async -> (status: Int?, text: String, closed: Bool) {
        await onThread {
            self.send(text)
            return self.readResponse()
        }
    }
}

/// A signed-in browser: its session id (the `factdesk_session` cookie) and the CSRF token the
/// desk's pages carry in `<meta name="csrf-token">`.
struct BrowserSession: Sendable {
    let id: String
    let csrf: String

    var cookie: String { "factdesk_session=\(id)" }
}

/// Sends requests to the web desk and checks, on every answer, the headers every answer must
/// carry; knows how a browser signs in, posts forms and calls the API with its session, and how
/// a script calls it with a bearer token.
struct DeskClient: Sendable {
    let client: any TestClientProtocol
    /// The desk's own origin, as a browser on its pages sends it.
    let origin: String

    static let jsonType = "application/json"
    static let formType = "application/x-www-form-urlencoded"

    /// Any request; the answer's security headers are checked here, for every test.
    @discardableResult
    func send(_ method: HTTPRequest.Method, _ uri: String, headers: HTTPFields = [:], body: ByteBuffer? = nil,
              sourceLocation: SourceLocation = #_sourceLocation) async throws -> TestResponse {
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        SecurityHeaders.expect(on: response, for: uri, sourceLocation: sourceLocation)
        return response
    }

    /// A script's call: JSON body, `Authorization: Bearer TOKEN` when a token is given.
    @discardableResult
    func api(_ method: HTTPRequest.Method, _ uri: String, token: String?, json: String? = nil, headers extra: HTTPFields = [:],
             sourceLocation: SourceLocation = #_sourceLocation) async throws -> TestResponse {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil, headers[.contentType] == nil { headers[.contentType] = Self.jsonType }
        return try await send(method, uri, headers: headers, body: json.map { ByteBuffer(string: $0) }, sourceLocation: sourceLocation)
    }

    /// A browser's call with its session cookie; `csrf` and `origin` as the desk's script sends them unless told otherwise.
    @discardableResult
    func browser(_ method: HTTPRequest.Method, _ uri: String, session: BrowserSession?, json: String? = nil,
                 csrf: Sent = .usual, origin: Sent = .usual, headers extra: HTTPFields = [:],
                 sourceLocation: SourceLocation = #_sourceLocation) async throws -> TestResponse {
        var headers = extra
        if let session { headers[.cookie] = session.cookie }
        if json != nil { headers[.contentType] = Self.jsonType }
        if method != .get && method != .head {
            if let value = origin.resolve(self.origin) { headers[.origin] = value }
            if let value = csrf.resolve(session?.csrf) { headers[CSRFMiddleware.headerName] = value }
        }
        return try await send(method, uri, headers: headers, body: json.map { ByteBuffer(string: $0) }, sourceLocation: sourceLocation)
    }

    /// A form post (`application/x-www-form-urlencoded`) from a page of the desk: the session's
    /// `csrf` field is added unless `csrf` says otherwise.
    @discardableResult
    func form(_ uri: String, session: BrowserSession?, fields: [(String, String)], csrf: Sent = .usual,
              origin: Sent = .usual, cookie: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) async throws -> TestResponse {
        var all = fields
        if let value = csrf.resolve(session?.csrf) { all.append(("csrf", value)) }
        var headers: HTTPFields = [.contentType: Self.formType]
        if let cookie = cookie ?? session?.cookie { headers[.cookie] = cookie }
        if let value = origin.resolve(self.origin) { headers[.origin] = value }
        return try await send(.post, uri, headers: headers, body: ByteBuffer(string: FormEncoding.encode(all)), sourceLocation: sourceLocation)
    }

    /// Signs in with `token` as a browser does (bringing `cookie`, if any) and returns the
    /// sign-in answer itself.
    func postSignIn(token: String, cookie: String? = nil, origin: Sent = .usual,
                    sourceLocation: SourceLocation = #_sourceLocation) async throws -> TestResponse {
        try await form("/signin", session: nil, fields: [("token", token)], origin: origin, cookie: cookie, sourceLocation: sourceLocation)
    }

    /// Signs in with `token` and returns the session: its id from `Set-Cookie`, its CSRF token from the desk's page.
    func signIn(token: String, cookie: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) async throws -> BrowserSession {
        let response = try await postSignIn(token: token, cookie: cookie, sourceLocation: sourceLocation)
        guard response.status == .seeOther, let id = response.cookie(named: "factdesk_session")?.value, !id.isEmpty else {
            throw TestFailure("sign-in failed: \(response.status) \(response.headers) \(response.text)")
        }
        let page = try await send(.get, "/", headers: [.cookie: "factdesk_session=\(id)"], sourceLocation: sourceLocation)
        guard page.status == .ok, let csrf = page.text.metaContent(named: "csrf-token") else {
            throw TestFailure("the desk page after sign-in has no CSRF token: \(page.status) \(page.text.prefix(400))")
        }
        return BrowserSession(id: id, csrf: csrf)
    }
}

/// A header or form field a request sends: what a page of the desk would send, nothing, or a value.
enum Sent: Sendable, ExpressibleByStringLiteral {
    case usual
    case omitted
    case value(String)

    init(stringLiteral value: String) { self = .value(value) }

    func resolve(_ usual: String?) -> String? {
        switch self {
        case .usual: usual
        case .omitted: nil
        case .value(let value): value
        }
    }
}

/// The headers every answer carries (pages, API, errors, redirects, assets).
enum SecurityHeaders {
    static func expect(on response: TestResponse, for uri: String, sourceLocation: SourceLocation) {
        let what = "\(response.status.code) for \(uri)"
        let csp = response.headers[.contentSecurityPolicy] ?? ""
        #expect(!csp.isEmpty, "no Content-Security-Policy on \(what)", sourceLocation: sourceLocation)
        let directives = Dictionary(csp.split(separator: ";").map { part -> (String, String) in
            let words = part.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
            return (words.first.map(String.init) ?? "", words.count > 1 ? String(words[1]) : "")
        }, uniquingKeysWith: { first, _ in first })
        let scripts = directives["script-src"] ?? directives["default-src"] ?? ""
        #expect(!scripts.isEmpty && !scripts.contains("'unsafe-inline'") && !scripts.contains("'unsafe-eval'") && !scripts.contains("*"),
                "scripts are not limited to the desk's own files on \(what): \(csp)", sourceLocation: sourceLocation)
        #expect(directives["frame-ancestors"] == "'none'", "no frame-ancestors 'none' on \(what): \(csp)", sourceLocation: sourceLocation)
        #expect(response.headers[.xContentTypeOptions] == "nosniff", "no X-Content-Type-Options: nosniff on \(what)", sourceLocation: sourceLocation)
        let referrer = response.headers[HTTPField.Name("Referrer-Policy")!] ?? ""
        #expect(["no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"].contains(referrer),
                "no strict Referrer-Policy on \(what): \(referrer.debugDescription)", sourceLocation: sourceLocation)
        if !uri.hasPrefix("/assets/") {
            #expect(response.headers[.cacheControl]?.contains("no-store") == true,
                    "no Cache-Control: no-store on \(what): \(response.headers[.cacheControl] ?? "none")", sourceLocation: sourceLocation)
        }
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body parsed as JSON.
    func json(sourceLocation: SourceLocation = #_sourceLocation) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(buffer: body), options: [.fragmentsAllowed])
    }

    func jsonObject() throws -> [String: Any] {
        guard let object = try json() as? [String: Any] else { throw TestFailure("not a JSON object: \(text.prefix(300))") }
        return object
    }

    /// The `{"error": "..."}` message of an API error.
    var errorMessage: String? {
        ((try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any])?["error"] as? String
    }

    var isJSON: Bool { headers[.contentType]?.hasPrefix("application/json") == true }
    var isHTML: Bool { headers[.contentType]?.hasPrefix("text/html") == true }

    /// The `Set-Cookie` headers, parsed.
    var setCookies: [SetCookie] { headers[values: .setCookie].map(SetCookie.init) }

    /// The last `Set-Cookie` for `name`.
    func cookie(named name: String) -> SetCookie? { setCookies.last { $0.name == name } }
}

/// One `Set-Cookie` header: name, value and attributes.
struct SetCookie: Sendable {
    let name: String
    let value: String
    /// Attribute names lowercased, with their values (empty for flags).
    let attributes: [String: String]

    init(_ header: String) {
        let parts = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        let pair = parts.first?.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false) ?? []
        name = pair.first.map(String.init) ?? ""
        value = pair.count > 1 ? String(pair[1]) : ""
        var attributes: [String: String] = [:]
        for part in parts.dropFirst() {
            let attribute = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            attributes[String(attribute[0]).lowercased()] = attribute.count > 1 ? String(attribute[1]) : ""
        }
        self.attributes = attributes
    }

    /// The cookie ends the session (expired, or emptied).
    var isRemoval: Bool {
        if value.isEmpty || attributes["max-age"] == "0" { return true }
        guard let expires = attributes["expires"] else { return false }
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "GMT")
        format.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = format.date(from: expires) else { return false }
        return date.timeIntervalSinceNow < 5
    }
}

enum FormEncoding {
    static func encode(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._~")
        return fields.map { name, value in
            "\(name.addingPercentEncoding(withAllowedCharacters: allowed)!)=\(value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
    }
}

/// JSON written by the tests (string escapes done by JSONSerialization).
enum JSONBody {
    static func make(_ object: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }
}

/// Two JSON texts hold the same value (objects compared by keys, not by order).
func sameJSON(_ a: String, _ b: String) -> Bool {
    guard let x = try? JSONSerialization.jsonObject(with: Data(a.utf8), options: [.fragmentsAllowed]),
          let y = try? JSONSerialization.jsonObject(with: Data(b.utf8), options: [.fragmentsAllowed]) else { return false }
    return NSArray(array: [x]).isEqual(to: [y])
}

extension String {
    /// The `content` of `<meta name="NAME" content="...">`, unescaped.
    func metaContent(named name: String) -> String? {
        guard let match = firstMatch(of: try! Regex("<meta name=\"\(name)\" content=\"([^\"]*)\">")),
              let value = match.output[1].substring else { return nil }
        return String(value).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The content of `<script type="application/json" id="ID">…</script>`.
    func jsonBlock(id: String) -> String? {
        guard let start = range(of: "<script type=\"application/json\" id=\"\(id)\">"),
              let end = range(of: "</script>", range: start.upperBound..<endIndex) else { return nil }
        return String(self[start.upperBound..<end.lowerBound])
    }

    /// The page without its JSON data blocks (`<script type="application/json">` and
    /// `application/ld+json`), whose content a browser never parses as markup.
    var withoutDataBlocks: String {
        var page = self
        while let start = page.range(of: #"<script type="application/(ld\+)?json"[^>]*>"#, options: .regularExpression),
              let end = page.range(of: "</script>", range: start.upperBound..<page.endIndex) {
            page.removeSubrange(start.lowerBound..<end.upperBound)
        }
        return page
    }

    var lines: [String] { split(separator: "\n").map(String.init) }
}
