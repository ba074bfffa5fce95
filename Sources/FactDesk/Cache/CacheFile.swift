import Foundation

/// What the cache files in `<git dir>/factdesk/` share: a checksum that tells a damaged file,
/// a read that maps the file rather than copying it, and a whole-file write that readers never
/// see half done (a temporary file renamed into place: a mapped file is never changed under its reader).
enum CacheFile {
    /// xxHash64's round over 64-bit words in four independent lanes (so the multiplications
    /// overlap), then the tail bytes and the length: every bit of a word reaches every bit of its
    /// lane. Enough to tell a torn or damaged file, at memory speed; not a defence against forgery.
    static func checksum(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        let prime1: UInt64 = 0x9E3779B185EBCA87, prime2: UInt64 = 0xC2B2AE3D27D4EB4F
        func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
            let mixed = lane &+ word &* prime2
            return ((mixed << 31) | (mixed >> 33)) &* prime1
        }
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (prime1 &+ prime2, prime2, 0, 0 &- prime1)
        let blocks = raw.count / 32
        for block in 0..<blocks {
            let offset = block * 32
            lanes.0 = round(lanes.0, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            lanes.1 = round(lanes.1, raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            lanes.2 = round(lanes.2, raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            lanes.3 = round(lanes.3, raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
        }
        var hash = UInt64(raw.count)
        hash = round(round(round(round(hash, lanes.0), lanes.1), lanes.2), lanes.3)
        for byte in raw[(blocks * 32)...] { hash = round(hash, UInt64(byte)) }
        return hash
    }

    static func checksum(_ bytes: some ContiguousBytes) -> UInt64 {
        bytes.withUnsafeBytes { checksum($0) }
    }

    /// `body` followed by its checksum, written to a temporary file and renamed over `path`.
    /// Failures are ignored: a cache is only ever an optimization.
    static func write(_ body: [UInt8], to path: String) {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        let temporary = temporaryPath(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        var written = body.withUnsafeBytes { writeAll($0, to: descriptor) }
        written = written && withUnsafeBytes(of: checksum(body).littleEndian) { writeAll($0, to: descriptor) }
        close(descriptor)
        if !written || rename(temporary, path) != 0 { unlink(temporary) }
    }

    /// A name beside `path` that no other writer uses, in this process (a server's threads) or another.
    static func temporaryPath(for path: String) -> String {
        path + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    }

    /// Writes all of `bytes`, however many calls it takes; false on an error.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }

    /// The file's body when it starts with `magic` and its checksum holds; nil otherwise.
    static func read(_ path: String, magic: [UInt8]) -> Data? {
        guard let data = map(path), data.starts(with: magic), data.count >= magic.count + 8 else { return nil }
        let body = data.prefix(data.count - 8)
        let stored = data.suffix(8).withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        return checksum(body) == stored ? body : nil
    }

    /// The whole file, mapped read-only: pages are read from the page cache as they are touched,
    /// and nothing is copied. Nil when there is no readable file. FactDesk only ever replaces
    /// these files by rename or appends to them, which leaves a mapping intact; another program
    /// truncating one in place while it is mapped would make the reader fault.
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
