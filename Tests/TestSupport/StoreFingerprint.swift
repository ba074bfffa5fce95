import Foundation

/// What a store looks like from outside, to prove an operation changed nothing: the branch's
/// commit, `git status`, and every file's path and bytes under the repository's working tree.
public struct StoreFingerprint: Equatable, CustomStringConvertible {
    public let head: String
    public let status: String
    public let files: [String: Data]

    public init(repository: URL) throws {
        head = (try? ProcessRunner.git(["rev-parse", "HEAD"], in: repository)) ?? "(no commit)"
        status = try ProcessRunner.git(["status", "--porcelain", "--untracked-files=all"], in: repository)
        var files: [String: Data] = [:]
        let root = repository.standardizedFileURL.path
        if let enumerator = FileManager.default.enumerator(atPath: root) {
            for case let relative as String in enumerator where !relative.hasPrefix(".git/") && relative != ".git" {
                var isDirectory: ObjCBool = false
                let full = root + "/" + relative
                if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files[relative] = FileManager.default.contents(atPath: full)
                }
            }
        }
        self.files = files
    }

    public var description: String { "HEAD \(head), \(files.count) files, status: \(status.isEmpty ? "clean" : status)" }
}
