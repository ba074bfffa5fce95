import Foundation

/// Writes working-tree files whole: into a temporary sibling, then renamed over the target, so a
/// crash leaves the old file or the new one, never half of one. A leftover temporary file has a
/// name `check --repair` recognizes.
enum FileWriter {
    static let temporarySuffix = ".factdesk-tmp"

    static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + temporarySuffix)
        try data.write(to: temporary)
        guard rename(temporary.path, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw FactDeskError.storage("cannot replace \(path): \(reason)")
        }
    }

    static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.hasSuffix(temporarySuffix)
    }
}
