import Foundation

/// One request the load client sends: method, path (with its query) and an optional JSON body.
struct HTTPRequest: Sendable {
    let method: String
    let path: String
    var json: String? = nil

    static func get(_ path: String) -> HTTPRequest { HTTPRequest(method: "GET", path: path) }
    static func post(_ path: String, json: String) -> HTTPRequest { HTTPRequest(method: "POST", path: path, json: json) }
}

/// A whole response as the load client read it. The body is a view of the connection's buffer
/// (no copy of a big report), valid until the connection's next request.
struct HTTPReply: Sendable {
    let status: Int
    let body: ArraySlice<UInt8>

    var text: String { String(decoding: body, as: UTF8.self) }
}

/// One HTTP/1.1 keep-alive connection to a server on 127.0.0.1, over a POSIX socket: no proxy,
/// no library. Requests go one at a time (no pipelining); bodies are read by `Content-Length` or
/// chunked. A connection the server closed while idle is opened again once, before anything of
/// the request was answered.
final class HTTPConnection {
    let port: Int
    /// Sent with every request, such as `Authorization: Bearer …`.
    let headers: [(String, String)]
    private var socket: Int32 = -1
    /// Bytes read and not yet parsed: `buffer[position...]`.
    private var buffer: [UInt8] = []
    private var position = 0
    private var chunk = [UInt8](repeating: 0, count: 256 << 10)

    init(port: Int, headers: [(String, String)]) throws {
        self.port = port
        self.headers = headers
        try connect()
    }

    deinit { if socket >= 0 { close(socket) } }

    /// Sends `request` and reads the whole response.
    func send(_ request: HTTPRequest) throws -> HTTPReply {
        var bytes = Array("\(request.method) \(request.path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n".utf8)
        for (name, value) in headers { bytes += Array("\(name): \(value)\r\n".utf8) }
        if let json = request.json {
            let body = Array(json.utf8)
            bytes += Array("Content-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
        } else {
            bytes += Array("\r\n".utf8)
        }
        do {
            try write(bytes)
            return try readReply()
        } catch HTTPConnectionError.closedBeforeReply {
            try connect()
            try write(bytes)
            return try readReply()
        }
    }

    private func connect() throws {
        if socket >= 0 { close(socket) }
        buffer = []
        position = 0
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw BenchError("socket: \(String(cString: strerror(errno)))") }
        var noDelay: Int32 = 1
        setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let reason = String(cString: strerror(errno))
            close(socket)
            socket = -1
            throw BenchError("cannot connect to 127.0.0.1:\(port): \(reason)")
        }
    }

    private func write(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                if errno == EPIPE || errno == ECONNRESET { throw HTTPConnectionError.closedBeforeReply }
                throw BenchError("send to 127.0.0.1:\(port): \(String(cString: strerror(errno)))")
            }
            sent += count
        }
    }

    /// Reads more bytes into the buffer; false at the end of the stream.
    private func fill() throws -> Bool {
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 && errno == ECONNRESET { return false }
            guard count >= 0 else { throw BenchError("recv from 127.0.0.1:\(port): \(String(cString: strerror(errno)))") }
            buffer += chunk[0..<count]
            return count > 0
        }
    }

    private func readReply() throws -> HTTPReply {
        // The last reply's bytes go (and with them a big body's memory).
        if position == buffer.count { buffer = [] } else { buffer.removeFirst(position) }
        position = 0
        var headEnd: Int?
        var searched = 0
        while true {
            if let end = Self.find([13, 10, 13, 10], in: buffer, from: max(0, searched - 3)) { headEnd = end; break }
            searched = buffer.count
            guard try fill() else {
                if buffer.isEmpty { throw HTTPConnectionError.closedBeforeReply }
                throw BenchError("127.0.0.1:\(port) closed the connection inside a response head")
            }
        }
        let head = String(decoding: buffer[0..<headEnd!], as: UTF8.self).components(separatedBy: "\r\n")
        position = headEnd! + 4
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."), let status = Int(statusParts[1]) else {
            throw BenchError("not an HTTP response: \(head[0])")
        }
        var fields: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let body: ArraySlice<UInt8>
        if fields["transfer-encoding"]?.lowercased().contains("chunked") == true {
            body = try readChunked()
        } else {
            body = try readExactly(Int(fields["content-length"] ?? "0") ?? 0)
        }
        if fields["connection"]?.lowercased() == "close" { try connect() }
        return HTTPReply(status: status, body: body)
    }

    private func readExactly(_ count: Int) throws -> ArraySlice<UInt8> {
        buffer.reserveCapacity(position + count)
        while buffer.count - position < count {
            guard try fill() else { throw BenchError("127.0.0.1:\(port) closed the connection inside a response body") }
        }
        defer { position += count }
        return buffer[position..<(position + count)]
    }

    private func readLine() throws -> String {
        while true {
            if let end = Self.find([13, 10], in: buffer, from: position) {
                defer { position = end + 2 }
                return String(decoding: buffer[position..<end], as: UTF8.self)
            }
            guard try fill() else { throw BenchError("127.0.0.1:\(port) closed the connection inside a chunked body") }
        }
    }

    private func readChunked() throws -> ArraySlice<UInt8> {
        var body: [UInt8] = []
        while true {
            let sizeField = try readLine().split(separator: ";").first.map(String.init) ?? ""
            guard let size = Int(sizeField.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw BenchError("bad chunk size '\(sizeField)' from 127.0.0.1:\(port)")
            }
            if size == 0 {
                while try !readLine().isEmpty {}  // trailers, then the empty line
                return body[...]
            }
            body += try readExactly(size)
            _ = try readLine()
        }
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        for index in start...(bytes.count - needle.count) where bytes[index] == needle[0] {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
        }
        return nil
    }
}

/// Why a connection gave no response: the server had closed it (to be opened again).
enum HTTPConnectionError: Error {
    case closedBeforeReply
}

/// The requests of one load run: each one's latency and the run's wall time.
struct LoadResult: Sendable {
    /// Seconds from the first byte sent to the last byte read, one per request, sorted.
    let latencies: [Double]
    let wallSeconds: Double

    var requestsPerSecond: Double { Double(latencies.count) / wallSeconds }
    var medianSeconds: Double { latencies.isEmpty ? 0 : latencies[latencies.count / 2] }
    var p99Seconds: Double { Rank.nearest(latencies, 0.99) }

    /// The requests of several runs pooled, with their wall times added.
    static func pooled(_ runs: [LoadResult]) -> LoadResult {
        LoadResult(latencies: runs.flatMap(\.latencies).sorted(), wallSeconds: runs.map(\.wallSeconds).reduce(0, +))
    }
}

/// Load from `connections` threads at once, each with its own keep-alive connection, taking the
/// next request number until `count` are sent. A response of another status than `expect` fails
/// the run with its body.
enum HTTPLoad {
    static func run(port: Int, headers: [(String, String)], connections: Int, count: Int, expect: Int = 200,
                    _ request: @escaping @Sendable (Int) -> HTTPRequest) throws -> LoadResult {
        let state = LoadState()
        let finished = DispatchGroup()
        let opened = try (0..<connections).map { _ in try HTTPConnection(port: port, headers: headers) }
        let start = ChildProcess.now()
        for connection in opened {
            finished.enter()
            let box = ConnectionBox(connection)
            let thread = Thread {
                defer { finished.leave() }
                var latencies: [Double] = []
                while let number = state.take(below: count) {
                    let sent = ChildProcess.now()
                    do {
                        let reply = try box.connection.send(request(number))
                        latencies.append(ChildProcess.now() - sent)
                        guard reply.status == expect else {
                            let req = request(number)
                            throw BenchError("\(req.method) \(req.path) answered \(reply.status), not \(expect): \(reply.text.prefix(300))")
                        }
                    } catch {
                        state.fail(error)
                        break
                    }
                }
                state.add(latencies)
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        finished.wait()
        let wall = ChildProcess.now() - start
        if let failure = state.failure { throw failure }
        return LoadResult(latencies: state.latencies.sorted(), wallSeconds: wall)
    }
}

/// Hands a connection to the one thread that uses it.
private final class ConnectionBox: @unchecked Sendable {
    let connection: HTTPConnection
    init(_ connection: HTTPConnection) { self.connection = connection }
}

/// What the threads of a load run share: the next request number, latencies, the first failure.
private final class LoadState: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private(set) var latencies: [Double] = []
    private(set) var failure: Error?

    /// The next request number, or nil when `count` are taken or a request failed.
    func take(below count: Int) -> Int? {
        lock.withLock {
            guard failure == nil, next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func add(_ more: [Double]) { lock.withLock { latencies += more } }
    func fail(_ error: Error) { lock.withLock { if failure == nil { failure = error } } }
}
