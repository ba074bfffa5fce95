import Foundation
import GitKit

/// `factdesk import` of 10,000 annotations, 20 on each of 500 articles, into a bare desk holding the
/// articles and no claims, against `git fast-import` of a commit adding the same claim files to the
/// same desk. Every run, of either, starts from a fresh copy of the prepared desk.
struct ImportBench {
    let root: String
    let factdesk: String

    static let articles = 500
    static let claimsPerArticle = 20
    static var claims: Int { articles * claimsPerArticle }

    /// Where the annotations come from: the articles with their claims, exported once.
    private var source: SyntheticDesk {
        SyntheticDesk(root: root + "/source", articles: Self.articles, claimsPerArticle: Self.claimsPerArticle, fillerCommits: 0)
    }

    /// The desk every run starts from: the same articles (the same text), without claims.
    private var prepared: SyntheticDesk {
        SyntheticDesk(root: root + "/prepared", articles: Self.articles, claimsPerArticle: 0, fillerCommits: 0,
                      paragraphsPerArticle: Self.claimsPerArticle)
    }

    /// The W3C AnnotationCollection imported, as `factdesk export --format w3c` wrote it.
    var annotations: String { root + "/annotations.jsonld" }
    var importDesk: String { root + "/import.git" }
    var baselineDesk: String { root + "/baseline.git" }
    private var baselineStream: String { root + "/baseline.fi" }

    /// Builds both desks through `git fast-import` and exports the annotations (kept for later runs).
    func prepare(regenerate: Bool) throws {
        if !regenerate && FileManager.default.fileExists(atPath: root + "/ready") { return }
        try? FileManager.default.removeItem(atPath: root)
        try source.generate()
        try ChildProcess.succeed([factdesk, "export", "--format", "w3c", "--output", annotations, "--store", source.bare],
                                 in: root)
        try FileManager.default.removeItem(atPath: source.root)
        try checkAnnotations()
        try prepared.generate()
        try Data().write(to: URL(fileURLWithPath: root + "/ready"))
    }

    /// Replaces the desk at `path` with a copy of the prepared one (untimed).
    func reset(_ path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: prepared.bare, toPath: path)
    }

    /// One import into `importDesk`. The first run's commit is checked, and its files become the
    /// baseline's stream.
    func runImport(_ run: Int) throws -> ChildRun {
        let result = try ChildProcess.run([factdesk, "import", annotations, "--store", importDesk], in: root,
                                          environment: ["FACTDESK_EDITOR": SyntheticDesk.editor])
        if run == 0 && result.status == 0 { try writeBaselineStream() }
        return result
    }

    /// One `git fast-import` of the import's files into `baselineDesk`, after the imports. The first
    /// run's tree is checked against the import's.
    func runFastImport(_ run: Int) throws -> ChildRun {
        let result = try ChildProcess.run(["/bin/sh", "-c", "git fast-import --quiet < \(baselineStream)"], in: baselineDesk)
        if run == 0 && result.status == 0 {
            let imported = try Repository.open(at: importDesk), baseline = try Repository.open(at: baselineDesk)
            guard try tip(of: imported).treeID == (try tip(of: baseline).treeID) else {
                throw BenchError("git fast-import wrote another tree than factdesk import: the baseline is not the same files")
            }
        }
        return result
    }

    /// Every annotation carries its claim id, so that the import writes new claim files under those ids.
    private func checkAnnotations() throws {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: annotations)))
        let items = ((json as? [String: Any])?["first"] as? [String: Any])?["items"] as? [[String: Any]] ?? []
        let withIDs = items.filter { ($0["id"] as? String)?.hasPrefix("urn:factdesk:claim:c-") == true }
        guard items.count == Self.claims, withIDs.count == Self.claims else {
            throw BenchError("\(annotations) holds \(items.count) annotations, \(withIDs.count) with a claim id; expected \(Self.claims)")
        }
    }

    /// Checks that the import added one commit to the prepared desk and that the commit adds
    /// `claims` claim files and nothing else; writes a stream adding the same files to the same desk.
    private func writeBaselineStream() throws {
        let repository = try Repository.open(at: importDesk)
        let base = try tip(of: Repository.open(at: prepared.bare))
        let commit = try tip(of: repository)
        guard commit.parentIDs == [base.id] else {
            throw BenchError("factdesk import did not add exactly one commit on the prepared desk (\(commit.id) has parents \(commit.parentIDs))")
        }
        let changes = try Self.changedFiles(from: repository.tree(base.treeID), to: commit.tree(), in: repository)
        let newClaims = changes.filter { $0.isNew && $0.path.contains("/claims/") && $0.path.hasSuffix(".json") }
        guard newClaims.count == Self.claims, changes.count == Self.claims else {
            throw BenchError("factdesk import's commit changes \(changes.count) files, \(newClaims.count) of them new claim files; expected \(Self.claims) new claim files and nothing else")
        }
        var writer = try FastImportWriter(creating: baselineStream)
        writer.commit(message: commit.message, time: Int(Date().timeIntervalSince1970),
                      files: try changes.map { ($0.path, try repository.blobData($0.id)) }, parent: "refs/heads/main^0")
        try writer.finish()
    }

    private func tip(of repository: Repository) throws -> Commit {
        guard let id = try repository.resolve(reference: "refs/heads/main") else { throw BenchError("no branch main") }
        return try repository.commit(id)
    }

    /// The files `new` adds or changes against `old`, by path; a removed file fails the check.
    private static func changedFiles(from old: Tree?, to new: Tree, in repository: Repository,
                                     prefix: String = "") throws -> [(path: String, id: ObjectID, isNew: Bool)] {
        var files: [(path: String, id: ObjectID, isNew: Bool)] = []
        for (before, after) in Tree.changes(from: old, to: new) {
            guard let after else { throw BenchError("factdesk import removed \(prefix)\(before?.name ?? "")") }
            let path = prefix + after.name
            if after.kind == .tree {
                let oldTree = try before.flatMap { $0.kind == .tree ? try repository.tree($0.id) : nil }
                files += try changedFiles(from: oldTree, to: repository.tree(after.id), in: repository, prefix: path + "/")
            } else {
                files.append((path, after.id, before == nil))
            }
        }
        return files
    }
}
