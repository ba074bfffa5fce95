import Foundation

/// The web desk's measures (issue 14): `factdesk serve` on a copy of the bench's bare desk (so
/// that the claims filed leave the generated desk as it was), loaded by the bench's own HTTP
/// client with a bearer token. Reads: the page of an article with 50 claims and
/// one claim through the API, with 16 connections; the report through the API against
/// `factdesk report --format json`. Writes: claims filed through the API by 8 writers against
/// `factdesk annotate`, one process per claim. Latencies are pooled over `runs` rounds (after one
/// untimed warm-up round); throughputs are the median round's. The server's peak memory is its
/// own during each measure (`VmHWM`, reset before each).
struct WebBench {
    let desk: SyntheticDesk
    let factdesk: String
    let runs: Int
    /// Tells this run's claims from earlier runs' on a reused desk.
    let session: String
    let log: (String) -> Void

    /// Connections of the read measures, and writers of claim creation.
    static let readers = 16
    static let writers = 8
    /// Requests in each round of the read measures.
    static let pageRequests = 1_000
    static let claimRequests = 2_000
    /// Requests of the whole report (a few megabytes on a big desk): one at a time, and with 16 connections.
    static let reportRequests = 10
    static let concurrentReportRequests = 48
    /// Claims filed in each round of the write measure, through the API and by the CLI.
    static let claimsFiled = 400
    /// The article with 50 claims: 45 on whole paragraphs and 5 nested inside them.
    static let article = "web-fifty-claims"
    static let articleParagraphs = 45
    static let articleClaims = 50
    static let editor = "Bench Web <bench-web@example.org>"

    private var folder: String { desk.root + "/web" }
    /// The desk served: a copy of the generated bare desk, made for each run and removed after it.
    private var store: String { folder + "/desk.git" }

    func measure() throws -> [Measure] {
        guard desk.claimsPerArticle > 0, desk.articles > 0 else {
            throw BenchError("the web measure needs --articles and --claims of 1 or more: it files claims on the generated articles' first paragraph")
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: store)
        // A report fills the generated desk's caches (once), which the copy then starts with.
        try ChildProcess.succeed([factdesk, "report", "--store", desk.bare], in: folder)
        try ChildProcess.succeed(["cp", "-a", desk.bare, store], in: folder)
        defer { try? FileManager.default.removeItem(atPath: store) }
        let token = try signInToken()
        log("web: factdesk serve on a copy of \(desk.bare) …")
        let server = try WebServer.start(factdesk: factdesk, store: store, folder: folder)
        defer { server.stop() }
        let headers = [("Authorization", "Bearer \(token)")]
        try prepareArticle(port: server.port, headers: headers)
        var measures: [Measure] = []

        logLoad("the article page, 50 claims, \(Self.readers) connections")
        let pagePath = "/articles/\(Self.article)"
        let warm = try HTTPConnection(port: server.port, headers: headers).send(.get(pagePath))
        guard warm.status == 200, warm.text.contains("\(Self.articleClaims) claim(s)") else {
            throw BenchError("GET \(pagePath) answered \(warm.status) without \(Self.articleClaims) claims: \(warm.text.prefix(300))")
        }
        let page = try rounds(server, headers, connections: Self.readers, count: Self.pageRequests) { _ in .get(pagePath) }
        measures.append(latency("article page (50 claims), 16 conn.", page, connections: Self.readers, target: "p99 < 50 ms",
                                met: page.result.p99Seconds < 0.05))

        logLoad("GET /api/v1/claims/{id}, \(Self.readers) connections")
        let claimIDs = (0..<1_000).map { desk.claimID(($0 * 104_729) % desk.articles, $0 % desk.claimsPerArticle) }
        let claim = try rounds(server, headers, connections: Self.readers, count: Self.claimRequests) { number in
            .get("/api/v1/claims/\(claimIDs[(number * 7_919) % claimIDs.count])")
        }
        measures.append(latency("GET /api/v1/claims/{id}, 16 conn.", claim, connections: Self.readers, target: "-", met: nil))

        measures += try measureReport(server, headers)
        measures.append(try measureClaimCreation(server, headers))
        return measures
    }

    // MARK: Measures

    /// The report through the API, one request at a time, against `factdesk report --format json`
    /// as a process, taken in turns so that both meet the same machine (after an untimed run of
    /// each, which fills the caches); then the report with 16 connections.
    private func measureReport(_ server: WebServer, _ headers: [(String, String)]) throws -> [Measure] {
        logLoad("GET /api/v1/report against factdesk report --format json")
        let reportFile = folder + "/report.json"
        _ = try ChildProcess.run([factdesk, "report", "--format", "json", "--store", store], in: folder, stdout: reportFile)
        let warm = try HTTPConnection(port: server.port, headers: headers).send(.get("/api/v1/report"))
        let cliBytes = (try? FileManager.default.attributesOfItem(atPath: reportFile)[.size] as? Int) ?? 0
        guard warm.status == 200 else { throw BenchError("GET /api/v1/report answered \(warm.status): \(warm.text.prefix(300))") }
        log("web: the report is \(warm.body.count / 1024) KB through the API, \(cliBytes / 1024) KB from the CLI")
        let connection = try HTTPConnection(port: server.port, headers: headers)
        var cliRuns: [ChildRun] = []
        let api = try ServedLoad.measure(server) {
            var latencies: [Double] = [], busy = 0.0
            for _ in 0..<max(runs, Self.reportRequests) {
                let sent = ChildProcess.now()
                let reply = try connection.send(.get("/api/v1/report"))
                latencies.append(ChildProcess.now() - sent)
                busy += latencies.last!
                guard reply.status == 200 else { throw BenchError("GET /api/v1/report answered \(reply.status)") }
                cliRuns.append(try ChildProcess.run([factdesk, "report", "--format", "json", "--store", store], in: folder))
            }
            return LoadResult(latencies: latencies.sorted(), wallSeconds: busy)
        }
        let cli = try Sampler.samples(runs: cliRuns.count) { cliRuns[$0] }
        let ratio = cli.median.seconds / api.result.medianSeconds
        let sequential = Measure(
            name: "GET /api/v1/report, 1 conn.", baseline: "factdesk report --format json",
            baselineMedianMs: cli.median.seconds * 1000, baselineP99Ms: cli.p99Seconds * 1000,
            factdeskMedianMs: api.result.medianSeconds * 1000, factdeskP99Ms: api.result.p99Seconds * 1000, ratio: ratio,
            peakMemoryMB: api.peakMB, target: "≥ 1× (no slower)", met: ratio >= 1)

        logLoad("GET /api/v1/report, \(Self.readers) connections")
        let concurrent = try ServedLoad.measure(server) {
            try HTTPLoad.run(port: server.port, headers: headers, connections: Self.readers,
                             count: Self.concurrentReportRequests) { _ in .get("/api/v1/report") }
        }
        return [api.describe(sequential, connections: 1),
                latency("GET /api/v1/report, 16 conn.", concurrent, connections: Self.readers, target: "-", met: nil)]
    }

    /// Claims filed through the API by 8 writers at once, against `factdesk annotate` run once per
    /// claim, one after another; each round files `claimsFiled` claims over the desk's articles, an
    /// API round and a CLI round in turns, so that both meet the same machine.
    private func measureClaimCreation(_ server: WebServer, _ headers: [(String, String)]) throws -> Measure {
        logLoad("\(Self.claimsFiled) claims through the API (\(Self.writers) writers) and by factdesk annotate (one process each), \(runs) rounds of each")
        let articles = desk.articles, session = session, count = Self.claimsFiled
        var api: [LoadResult] = [], cli: [Double] = []
        let served = try ServedLoad.measure(server) {
            for round in 0..<runs {
                api.append(try HTTPLoad.run(port: server.port, headers: headers, connections: Self.writers, count: count,
                                            expect: 201) { number in
                    let article = ((round * count + number) * 7_919) % articles
                    return .post("/api/v1/articles/article-\(article)/claims",
                                 json: #"{"claim":"web bench claim \#(session).\#(round).\#(number)","paragraph":1}"#)
                })
                let start = ChildProcess.now()
                for number in 0..<count {
                    let article = ((round * count + number) * 7_919 + 1) % articles
                    let run = try ChildProcess.run(
                        [factdesk, "annotate", "article-\(article)", "--paragraph", "1",
                         "--claim", "web bench cli claim \(session).\(round).\(number)", "--store", store],
                        in: folder, environment: ["FACTDESK_EDITOR": SyntheticDesk.editor])
                    guard run.status == 0 else { throw BenchError("factdesk annotate failed (status \(run.status))") }
                }
                cli.append(Double(count) / (ChildProcess.now() - start))
            }
            return LoadResult.pooled(api)
        }
        let apiRate = api.map(\.requestsPerSecond).sorted()[runs / 2], cliRate = cli.sorted()[runs / 2]
        let requests = served.result
        log(String(format: "web: API claim creation %.0f/s (each request: median %.1f ms, p99 %.1f ms; server CPU %.2f ms a claim); CLI %.0f/s",
                   apiRate, requests.medianSeconds * 1000, requests.p99Seconds * 1000,
                   served.cpuSeconds * 1000 / Double(requests.latencies.count), cliRate))
        var measure = served.describe(Measure(
            name: String(format: "POST claims, %d writers: %.0f/s", Self.writers, apiRate),
            baseline: String(format: "factdesk annotate, one by one: %.0f/s", cliRate),
            baselineMedianMs: 1000 / cliRate, factdeskMedianMs: 1000 / apiRate, ratio: apiRate / cliRate,
            peakMemoryMB: served.peakMB, target: "≥ 3×", met: apiRate >= 3 * cliRate), connections: Self.writers)
        // The median round's rate, not the pooled one the description gives.
        measure.perSecond = apiRate
        measure.baselinePerSecond = cliRate
        return measure
    }

    // MARK: Rounds and rows

    /// A warm-up round of a tenth of `count` requests (untimed), then `runs` rounds pooled.
    private func rounds(_ server: WebServer, _ headers: [(String, String)], connections: Int, count: Int,
                        _ request: @escaping @Sendable (Int) -> HTTPRequest) throws -> ServedLoad {
        _ = try HTTPLoad.run(port: server.port, headers: headers, connections: connections, count: max(1, count / 10), request)
        return try ServedLoad.measure(server) {
            LoadResult.pooled(try (0..<runs).map { _ in
                try HTTPLoad.run(port: server.port, headers: headers, connections: connections, count: count, request)
            })
        }
    }

    /// A latency row without a baseline.
    private func latency(_ name: String, _ load: ServedLoad, connections: Int, target: String, met: Bool?) -> Measure {
        load.describe(Measure(name: name, baseline: "-", baselineMedianMs: nil,
                              factdeskMedianMs: load.result.medianSeconds * 1000, factdeskP99Ms: load.result.p99Seconds * 1000,
                              ratio: nil, peakMemoryMB: load.peakMB, target: target, met: met), connections: connections)
    }

    /// Where the machine stands: other processes on the same cores inflate latencies.
    private func logLoad(_ what: String) {
        let average = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first ?? "?"
        log("web: \(what) (load average \(average) on \(ProcessInfo.processInfo.activeProcessorCount) cores) …")
    }

    // MARK: Set-up

    /// A sign-in token for the bench's editor, issued anew (`factdesk editor remove`, then `add`).
    private func signInToken() throws -> String {
        let email = Self.editor.split(separator: "<").last.map { String($0.dropLast()) } ?? ""
        _ = try ChildProcess.run([factdesk, "editor", "remove", email, "--store", store], in: folder, stderr: "/dev/null")
        let tokenFile = folder + "/token"
        let added = try ChildProcess.run([factdesk, "editor", "add", Self.editor, "--store", store], in: folder, stdout: tokenFile)
        guard added.status == 0 else { throw BenchError("factdesk editor add failed on \(store) (status \(added.status))") }
        let token = try String(contentsOfFile: tokenFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.removeItem(atPath: tokenFile)
        return token
    }

    /// Adds the 50-claim article through the API (or the claims it lacks, should the desk copied hold it).
    private func prepareArticle(port: Int, headers: [(String, String)]) throws {
        let connection = try HTTPConnection(port: port, headers: headers)
        let path = "/api/v1/articles/\(Self.article)"
        var reply = try connection.send(.get(path))
        if reply.status == 404 {
            log("web: adding \(Self.article) with \(Self.articleClaims) claims through the API …")
            let text = SyntheticDesk.escape(SyntheticDesk.text(article: 99_999, paragraphs: Self.articleParagraphs))
            let added = try connection.send(.post("/api/v1/articles", json: """
                {"id":"\(Self.article)","title":"Fifty claims","url":"https://news.example/\(Self.article)","text":"\(text)"}
                """))
            guard added.status == 201 else { throw BenchError("POST /api/v1/articles answered \(added.status): \(added.text.prefix(300))") }
            reply = try connection.send(.get(path))
        }
        guard reply.status == 200, let article = try JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: Any],
              let claims = article["claims"] as? [Any], let paragraphs = article["paragraphs"] as? [[String: Any]],
              paragraphs.count == Self.articleParagraphs
        else { throw BenchError("GET \(path) answered \(reply.status) without the article expected: \(reply.text.prefix(300))") }
        for number in claims.count..<max(claims.count, Self.articleClaims) {
            let place: String
            if number < Self.articleParagraphs {
                place = #""paragraph":\#(number + 1)"#
            } else {
                let start = (paragraphs[(number - Self.articleParagraphs) * 9]["start"] as? Int ?? 0) + 12
                place = #""start":\#(start),"end":\#(start + 60)"#
            }
            let filed = try connection.send(.post(path + "/claims", json: #"{"claim":"Claim \#(number + 1) of fifty holds",\#(place)}"#))
            guard filed.status == 201 else { throw BenchError("POST \(path)/claims answered \(filed.status): \(filed.text.prefix(300))") }
        }
    }
}

/// One load on the server with what it cost the server: its peak memory (`VmHWM`, reset first to
/// what it holds then, which after the report includes the heap the allocator kept) and its CPU
/// time over the load.
struct ServedLoad {
    let result: LoadResult
    let peakMB: Double
    let cpuSeconds: Double

    static func measure(_ server: WebServer, _ load: () throws -> LoadResult) throws -> ServedLoad {
        server.resetPeakMemory()
        let cpu = server.cpuSeconds()
        let result = try load()
        return ServedLoad(result: result, peakMB: Double(server.peakMemoryBytes()) / 1_048_576, cpuSeconds: server.cpuSeconds() - cpu)
    }

    /// `measure` with its HTTP fields filled in: connections, requests per second, CPU per request.
    func describe(_ measure: Measure, connections: Int) -> Measure {
        var measure = measure
        measure.connections = connections
        measure.perSecond = result.requestsPerSecond
        measure.serverCPUMsPerRequest = cpuSeconds * 1000 / Double(max(1, result.latencies.count))
        return measure
    }
}
