import FactDesk
import Foundation
import GitKit

/// Generates a desk of `articles` × `claimsPerArticle` claims in sharded folders, one commit per
/// article and per claim (plus `fillerCommits` commits outside the desk), through
/// `git fast-import`; then checks it out, writes a commit-graph and makes a bare clone.
struct SyntheticDesk {
    let root: String
    let articles: Int
    let claimsPerArticle: Int
    let fillerCommits: Int
    /// Paragraphs of each article's text (default: one per claim).
    var paragraphsPerArticle: Int? = nil

    /// The desk of this size in the bench's folder `work`, named by its size so that a later run finds it.
    init(work: String, articles: Int, claimsPerArticle: Int, fillerCommits: Int) {
        self.init(root: work + "/\(articles)x\(claimsPerArticle)+\(fillerCommits)", articles: articles,
                  claimsPerArticle: claimsPerArticle, fillerCommits: fillerCommits)
    }

    init(root: String, articles: Int, claimsPerArticle: Int, fillerCommits: Int, paragraphsPerArticle: Int? = nil) {
        self.root = root
        self.articles = articles
        self.claimsPerArticle = claimsPerArticle
        self.fillerCommits = fillerCommits
        self.paragraphsPerArticle = paragraphsPerArticle
    }

    /// The same kind of desk with `articles` articles, beside this one in the bench's folder.
    func resized(articles: Int) -> SyntheticDesk {
        SyntheticDesk(work: (root as NSString).deletingLastPathComponent, articles: articles,
                      claimsPerArticle: claimsPerArticle, fillerCommits: fillerCommits)
    }

    /// True when the desk was generated (its bare clone, the last step, is there).
    var isGenerated: Bool { FileManager.default.fileExists(atPath: bare + "/HEAD") }

    var checkedOut: String { root + "/desk" }
    var bare: String { root + "/desk.git" }
    static let deskFolder = "annotations"
    static let editor = "Bench Editor <bench@example.org>"
    static let epoch = 1_767_225_600

    func slug(_ article: Int) -> String { "article-\(article)" }

    /// `c-` and 8 base-32 digits, from the claim's number.
    func claimID(_ article: Int, _ claim: Int) -> String {
        let digits = Array("0123456789abcdefghjkmnpqrstvwxyz")
        var number = article * claimsPerArticle + claim
        var body = ""
        for _ in 0..<8 {
            body = String(digits[number % 32]) + body
            number /= 32
        }
        return "c-" + body
    }

    func claimPath(_ article: Int, _ claim: Int) throws -> String {
        let slug = try ArticleSlug(slug(article))
        return "\(Self.deskFolder)/articles/\(slug.shard)/\(slug.value)/claims/\(claimID(article, claim)).json"
    }

    func generate() throws {
        try? FileManager.default.removeItem(atPath: root)
        try FileManager.default.createDirectory(atPath: checkedOut, withIntermediateDirectories: true)
        try ChildProcess.succeed(["git", "init", "-q", "-b", "main", checkedOut], in: root)
        let streamPath = root + "/stream.fi"
        var writer = try FastImportWriter(creating: streamPath)
        var time = Self.epoch
        writer.commit(message: "init desk", time: time, files: [(Self.deskFolder + "/desk.json", Data(#"{"schemaVersion":1,"verifiedRequiresSource":true}"#.utf8 + [10]))])
        for article in 0..<articles {
            time += 1
            let text = Self.text(article: article, paragraphs: paragraphsPerArticle ?? claimsPerArticle)
            try writer.commit(message: "article add \(slug(article))", time: time, files: articleFiles(article, text: text))
            let paragraphs = try ArticleText(normalizing: text, source: "bench").paragraphs
            for claim in 0..<claimsPerArticle {
                time += 1
                let range = paragraphs[claim % paragraphs.count]
                writer.commit(message: "annotate \(claimID(article, claim))", time: time,
                              files: [(try claimPath(article, claim), claimJSON(article, claim, text: text, range: range, time: time))])
            }
            for filler in 0..<(articles > 0 ? fillerCommits / articles : 0) {
                time += 1
                writer.commit(message: "filler \(article).\(filler)", time: time, files: [("filler/log.txt", Data("\(time)\n".utf8))])
            }
        }
        try writer.finish()
        try ChildProcess.succeed(["/bin/sh", "-c", "git fast-import --quiet < ../stream.fi"], in: checkedOut)
        try FileManager.default.removeItem(atPath: streamPath)
        try ChildProcess.succeed(["git", "reset", "-q", "--hard", "main"], in: checkedOut)
        try ChildProcess.succeed(["git", "config", "user.name", "Bench Baseline"], in: checkedOut)
        try ChildProcess.succeed(["git", "config", "user.email", "baseline@example.org"], in: checkedOut)
        try ChildProcess.succeed(["git", "commit-graph", "write", "--reachable"], in: checkedOut)
        try ChildProcess.succeed(["git", "clone", "-q", "--bare", checkedOut, bare], in: root)
    }

    private func articleFiles(_ article: Int, text: String) throws -> [(String, Data)] {
        let slug = try ArticleSlug(slug(article))
        let textData = Data(text.utf8)
        let date = Self.iso(Self.epoch)
        let json = """
        {"createdAt":"\(date)","createdBy":"\(Self.editor)","id":"\(slug.value)","revision":1,\
        "textID":"\(ObjectID.hashing(blob: Array(textData)).hex)","title":"Synthetic article \(article)",\
        "updatedAt":"\(date)","updatedBy":"\(Self.editor)","url":"https://news.example/\(slug.value)"}

        """
        let folder = "\(Self.deskFolder)/articles/\(slug.shard)/\(slug.value)"
        return [(folder + "/article.json", Data(json.utf8)), (folder + "/text.txt", textData)]
    }

    private func claimJSON(_ article: Int, _ claim: Int, text: String, range: Range<Int>, time: Int) -> Data {
        let scalars = Array(text.unicodeScalars)
        func slice(_ r: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[r.clamped(to: 0..<scalars.count)])
            return Self.escape(String(view))
        }
        let number = article * claimsPerArticle + claim
        let status = ["unverified", "unverified", "unverified", "unverified", "unverified", "unverified",
                      "in-review", "verified", "verified", "false"][number % 10]
        let sources = status == "verified" || status == "false"
            ? #"[{"addedAt":"\#(Self.iso(time))","addedBy":"\#(Self.editor)","url":"https://records.example/\#(number)"}]"# : "[]"
        let date = Self.iso(time)
        let json = """
        {"anchor":{"end":\(range.upperBound),"exact":"\(slice(range))","prefix":"\(slice((range.lowerBound - 32)..<range.lowerBound))",\
        "revision":1,"start":\(range.lowerBound),"suffix":"\(slice(range.upperBound..<(range.upperBound + 32)))"},\
        "article":"\(slug(article))","claim":"Claim \(claim) of article \(article) holds","createdAt":"\(date)",\
        "createdBy":"\(Self.editor)","id":"\(claimID(article, claim))","notes":[],"paragraph":\(claim + 1),\
        "sources":\(sources),"status":"\(status)","statusChangedAt":"\(date)","statusChangedBy":"\(Self.editor)",\
        "updatedAt":"\(date)","updatedBy":"\(Self.editor)"}

        """
        return Data(json.utf8)
    }

    /// An article of `paragraphs` paragraphs of plain prose, about 200 characters each.
    static func text(article: Int, paragraphs: Int) -> String {
        (0..<paragraphs).map { p in
            "Paragraph \(p + 1) of article \(article): the council said on Tuesday that \(100 + (article * 7 + p) % 900) "
                + "projects were delayed, officials confirmed, and the mayor’s office disputed the figure — again."
        }.joined(separator: "\n\n") + "\n"
    }

    static func iso(_ seconds: Int) -> String {
        ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Writes a `git fast-import` stream of linear commits on `refs/heads/main`.
struct FastImportWriter {
    let handle: FileHandle
    private var buffer = Data()

    init(handle: FileHandle) {
        self.handle = handle
    }

    /// A writer of a new stream file at `path`.
    init(creating path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        self.init(handle: try FileHandle(forWritingTo: URL(fileURLWithPath: path)))
    }

    /// Adds a commit of `files`. `parent` is where the stream's first commit starts (`refs/heads/main^0`: the
    /// branch as the repository has it); without one, the stream starts the branch anew.
    mutating func commit(message: String, time: Int, files: [(String, Data)], parent: String? = nil) {
        var chunk = "commit refs/heads/main\ncommitter \(SyntheticDesk.editor) \(time) +0000\ndata \(message.utf8.count)\n\(message)\n"
            + (parent.map { "from \($0)\n" } ?? "")
        var data = Data(chunk.utf8)
        for (path, content) in files {
            chunk = "M 100644 inline \(path)\ndata \(content.count)\n"
            data.append(Data(chunk.utf8))
            data.append(content)
            data.append(10)
        }
        data.append(10)
        buffer.append(data)
        if buffer.count > 4 << 20 { flush() }
    }

    mutating func flush() {
        handle.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and closes the stream.
    mutating func finish() throws {
        flush()
        try handle.close()
    }
}
