import Foundation

/// One article of the hand-written re-anchoring corpus (`ReanchoringCorpus/*.txt`): successive
/// revisions of its text, and in each one where every claim of the first revision belongs,
/// as an editor marked it by hand with `⟦cN⟧…⟦/cN⟧` (a claim absent from a revision is
/// expected to be orphaned there).
struct RevisionCorpusArticle {
    struct Revision {
        let description: String
        /// The text with the markers removed.
        let text: String
        /// Each marked claim's span, in Unicode scalar offsets of `text`.
        let spans: [String: Range<Int>]
    }

    let name: String
    let revisions: [Revision]

    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ReanchoringCorpus")
    }

    static func all() throws -> [RevisionCorpusArticle] {
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        return try files.map { try RevisionCorpusArticle(parsing: String(contentsOf: $0, encoding: .utf8),
                                                          name: $0.deletingPathExtension().lastPathComponent) }
    }

    init(parsing file: String, name: String) throws {
        self.name = name
        var revisions: [Revision] = []
        var header: String?
        var body: [Substring] = []
        func close() throws {
            guard let header else { return }
            revisions.append(try Self.revision(header: header, lines: body, in: name))
        }
        for line in file.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("=== revision ") {
                try close()
                header = String(line)
                body = []
            } else {
                body.append(line)
            }
        }
        try close()
        self.revisions = revisions
    }

    private static func revision(header: String, lines: [Substring], in name: String) throws -> Revision {
        var lines = lines
        while lines.first?.allSatisfy(\.isWhitespace) == true { lines.removeFirst() }
        while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
        let description = header.split(separator: ":", maxSplits: 1).dropFirst().first
            .map { $0.replacingOccurrences(of: "===", with: "").trimmingCharacters(in: .whitespaces) } ?? "original"
        var text = String.UnicodeScalarView()
        var open: [String: Int] = [:]
        var spans: [String: Range<Int>] = [:]
        let scalars = Array(lines.joined(separator: "\n").unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "⟦" else { text.append(scalars[index]); index += 1; continue }
            guard let close = scalars[index...].firstIndex(of: "⟧") else { throw CorpusError("\(name): unclosed marker") }
            let marker = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
            if marker.hasPrefix("/") {
                let id = String(marker.dropFirst())
                guard let start = open.removeValue(forKey: id), spans[id] == nil else {
                    throw CorpusError("\(name) \(header): ⟦/\(id)⟧ without its opening marker")
                }
                spans[id] = start..<text.count
            } else {
                open[marker] = text.count
            }
            index = close + 1
        }
        guard open.isEmpty else { throw CorpusError("\(name) \(header): \(open.keys.sorted()) never closed") }
        return Revision(description: description, text: String(text), spans: spans)
    }
}

struct CorpusError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
