import Glibc

/// Whole-file reads and writes with POSIX calls, for the index and the working files it describes.
enum PosixFile {
    /// The content and status of the file at `path`; nil when there is no such file.
    static func read(_ path: UnsafePointer<CChar>) throws -> (bytes: [UInt8], status: stat)? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 && errno == ENOENT { return nil }
        guard descriptor >= 0 else { throw failure("cannot open", path) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure("cannot stat", path) }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: Int(status.st_size)) { buffer, count in
            while count < buffer.count {
                let got = Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else { failed = got < 0; break }
                count += got
            }
        }
        guard !failed, bytes.count == Int(status.st_size) else { throw failure("cannot read all of", path) }
        return (bytes, status)
    }

    /// Writes all of `bytes` to `descriptor`, the open file at `path`.
    static func write(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
        try bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let put = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if put < 0 && errno == EINTR { continue }
                guard put > 0 else { throw failure("cannot write", path) }
                written += put
            }
        }
    }

    /// An error naming the failed operation, the path and the system's reason (from `errno`).
    static func failure(_ operation: String, _ path: UnsafePointer<CChar>) -> IndexFileError {
        .fileSystem("\(operation) \(String(cString: path)): \(String(cString: strerror(errno)))")
    }
}
