import FactDesk
import Foundation

/// `factdesk suggest` on a 1 MB article: the labelled articles of `Tests/Suggest/data` (markers
/// taken out) repeated to 1 MB, in a bare desk of its own with 500 of its sentences already filed
/// as claims, so that the covered marks are worked out too. The whole command is timed, as a user
/// runs it, and the library's ranking alone, in this process.
struct SuggestBench {
    let root: String
    let factdesk: String
    var store: String { root + "/desk.git" }
    static let slug = "long-read"

    func prepare() throws {
        try PreparedDesk.once(root: root, store: store) { deskStore, editor in
            let slug = try ArticleSlug(Self.slug)
            try deskStore.addArticle(slug: slug, title: "A long read", url: nil, text: try Self.text(), editor: editor)
            try deskStore.annotateSuggestions(slug, top: 500, editor: editor)
        }
    }

    /// One `factdesk suggest long-read --json`, its output thrown away.
    func suggest() throws -> ChildRun {
        try ChildProcess.run([factdesk, "suggest", Self.slug, "--json", "--store", store], in: root)
    }

    /// `CheckWorthiness.rank` of the article's text, in this process: seconds per run.
    func rankInProcess(runs: Int) throws -> [Double] {
        let text = try Self.text()
        return (0..<runs).map { _ in
            let start = Date()
            let ranked = CheckWorthiness.rank(text)
            precondition(!ranked.isEmpty)
            return Date().timeIntervalSince(start)
        }
    }

    /// The labelled articles, repeated until the text passes 1 MB (UTF-8).
    static func text() throws -> ArticleText {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Tests/Suggest/data/articles")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        guard !names.isEmpty else { throw BenchError("no labelled articles in \(folder.path)") }
        let articles = try names.map { name in
            try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                .replacingOccurrences(of: "⟦", with: "").replacingOccurrences(of: "⟧", with: "")
        }
        var text = ""
        while text.utf8.count < 1_048_576 { text += articles.joined(separator: "\n") + "\n" }
        return try ArticleText(normalizing: text, source: "bench")
    }
}
