import Foundation

/// What the cache files in `<git dir>/factdesk/` share: a checksum that tells a damaged file,
/// a read that maps the file rather than copying it, and a whole-file write that readers never
/// see half done (a temporary file renamed into place: a mapped file is never changed under its reader).
enum CacheFile {
    /// FNV-1a style over 64-bit words in four independent lanes (so the multiplications overlap),
    /// then the tail bytes and the length. Enough to tell a torn or damaged file, at memory speed.
    static func checksum(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        let prime: UInt64 = 0x100000001b3
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (0xcbf29ce484222325, 0x84222325cbf29ce4, 0x9ce484222325cbf2, 0x2325cbf29ce48422)
        let blocks = raw.count / 32
        for block in 0..<blocks {
            let offset = block * 32
            lanes.0 = (lanes.0 ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* prime
            lanes.1 = (lanes.1 ^ raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)) &* prime
            lanes.2 = (lanes.2 ^ raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)) &* prime
            lanes.3 = (lanes.3 ^ raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)) &* prime
        }
        var hash = lanes.0
        for lane in [lanes.1, lanes.2, lanes.3, UInt64(raw.count)] { hash = (hash ^ lane) &* prime }
        for byte in raw[(blocks * 32)...] { hash = (hash ^ UInt64(byte)) &* prime }
        return hash
    }

    static func checksum(_ bytes: some ContiguousBytes) -> UInt64 {
        bytes.withUnsafeBytes { checksum($0) }
    }

    /// `body` followed by its checksum, written to a temporary file and renamed over `path`.
    /// Failures are ignored: a cache is only ever an optimization.
    static func write(_ body: [UInt8], to path: String) {
        var bytes = body
        withUnsafeBytes(of: checksum(body).littleEndian) { bytes.append(contentsOf: $0) }
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        let temporary = path + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else { return }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    /// The file's body when it starts with `magic` and its checksum holds; nil otherwise.
    static func read(_ path: String, magic: [UInt8]) -> Data? {
        guard let data = map(path), data.starts(with: magic), data.count >= magic.count + 8 else { return nil }
        let body = data.prefix(data.count - 8)
        let stored = data.suffix(8).withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        return checksum(body) == stored ? body : nil
    }

    /// The whole file, mapped read-only: pages are read from the page cache as they are touched,
    /// and nothing is copied. Nil when there is no readable file.
    static func map(_ path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        guard size > 0 else { return Data() }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else { return nil }
        return Data(bytesNoCopy: address, count: size, deallocator: .custom { address, size in munmap(address, size) })
    }
}
