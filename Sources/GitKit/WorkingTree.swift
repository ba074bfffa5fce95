import Glibc

/// The working tree as the index records it: the lstat data of each path, and the content git
/// hashes for it. Paths are the index's bytes, relative to `root`.
struct WorkingTree {
    /// The working directory's path bytes, ending in a slash.
    private let root: [UInt8]

    init(root: String) {
        self.root = Array(root.utf8) + (root.hasSuffix("/") ? [] : [UInt8(ascii: "/")])
    }

    /// The lstat data of `path`; nil when nothing is there.
    func status(of path: UnsafeBufferPointer<UInt8>) -> stat? {
        var status = stat()
        return withFullPath(path) { lstat($0, &status) } == 0 ? status : nil
    }

    /// What git hashes for `path`: a regular file's content, or a symbolic link's target.
    func content(of path: UnsafeBufferPointer<UInt8>, status: stat) -> [UInt8]? {
        withFullPath(path) { fullPath in
            guard status.st_mode & S_IFMT == S_IFLNK else { return try? PosixFile.read(fullPath)?.bytes }
            var target = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
            let length = target.withUnsafeMutableBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { readlink(fullPath, $0.baseAddress!, $0.count) }
            }
            return length >= 0 && length < target.count ? Array(target[..<length]) : nil
        }
    }

    /// The fixed fields of a new index entry for the regular file at `path` with content `id`:
    /// its stat data (each field cut to 32 bits, as git does), mode 100644 or 100755 by its
    /// owner's execute bit, the id, and flags holding the path's length.
    func entryFields(path: [UInt8], id: ObjectID) throws -> [UInt8] {
        let name = String(decoding: path, as: UTF8.self)
        guard let status = path.withUnsafeBufferPointer({ self.status(of: $0) }) else {
            throw IndexFileError.fileSystem("cannot stage \(name): there is no such file in the working tree")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw IndexFileError.unsupported("cannot stage \(name) directly: it is not a regular file")
        }
        var fields: [UInt8] = []
        fields.reserveCapacity(IndexEntryLayout.fixedLength)
        for value in [status.st_ctim.tv_sec, status.st_ctim.tv_nsec, status.st_mtim.tv_sec, status.st_mtim.tv_nsec,
                      Int(truncatingIfNeeded: status.st_dev), Int(truncatingIfNeeded: status.st_ino)] {
            fields.appendBigEndian(UInt32(truncatingIfNeeded: value))
        }
        fields.appendBigEndian(status.st_mode & 0o100 != 0 ? 0o100755 : 0o100644)
        fields.appendBigEndian(status.st_uid)
        fields.appendBigEndian(status.st_gid)
        fields.appendBigEndian(UInt32(truncatingIfNeeded: status.st_size))
        fields.append(contentsOf: id.bytes)
        let flags = UInt16(min(path.count, IndexEntryLayout.longPathLength))
        fields.append(UInt8(flags >> 8))
        fields.append(UInt8(flags & 0xff))
        return fields
    }

    /// Calls `body` with the NUL-terminated full path of `path`.
    private func withFullPath<T>(_ path: UnsafeBufferPointer<UInt8>, _ body: (UnsafePointer<CChar>) -> T) -> T {
        let fullPath = root + Array(path) + [0]
        return fullPath.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }
}
