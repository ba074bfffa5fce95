import Foundation
import GitKit

extension DeskStore {
    /// Brings the working tree and the index of a checked-out desk in step with a commit that
    /// changed `files`: each file is written whole (temporary file, then rename) and staged, so
    /// `git status` stays clean. Only the changed paths are touched.
    func updateWorkingTree(with files: [String: Data?]) throws {
        guard let root = repository.workingDirectory else { return }
        let fileManager = FileManager.default
        do {
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                let url = URL(fileURLWithPath: root + path)
                if let data {
                    try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try data.write(to: url, options: .atomic)
                } else if fileManager.fileExists(atPath: url.path) {
                    try fileManager.removeItem(at: url)
                }
            }
        } catch {
            throw FactDeskError.storage("committed, but could not write the working tree (\(error.localizedDescription)); run `git checkout -- .` in the desk")
        }
        try gitCall {
            let index = try repository.index()
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                if data == nil { try index.remove(path: path) } else { try index.add(path: path) }
            }
            try index.write()
        }
    }
}
