import Foundation

/// `<git dir>/factdesk-journal`: the desk paths of a commit whose working-tree and index update
/// has not finished yet. Written before the branch moves, removed once the files are in place;
/// if a writer dies in between, the next writer (or `check --repair`) brings those paths in step
/// with the branch.
struct WriteJournal {
    let path: String

    init(gitDirectory: String) {
        path = gitDirectory + "factdesk-journal"
    }

    func record(_ paths: [String]) throws {
        do {
            try Data((paths.sorted().joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw FactDeskError.storage("cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// The paths of an interrupted write, if there was one.
    func pending() -> [String]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    func clear() throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw FactDeskError.storage("cannot remove \(path): \(error.localizedDescription)")
        }
    }
}
