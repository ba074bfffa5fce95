/// An index file checked and split into its parts: version, entries and extensions. Refuses a
/// wrong checksum (`corrupt`), and what `IndexFile` must not rewrite (`unsupported`): a version
/// other than 2, 3 or 4, and required extensions, such as a split (`link`) or sparse (`sdir`) index.
struct ParsedIndexFile {
    struct Extension {
        let signature: String
        /// Where its data lies in the file.
        let data: Range<Int>
    }

    var entries: IndexEntryTable
    /// In file order.
    let extensions: [Extension]

    init(file: UnsafeBufferPointer<UInt8>) throws {
        let checksumStart = file.count - 20
        guard checksumStart >= 12 else { throw IndexFileError.corrupt("the index is too short to be one") }
        let hasher = try SHA1()
        try hasher.update(UnsafeRawBufferPointer(file.slice(0..<checksumStart)))
        guard try hasher.finalize().elementsEqual(file.slice(checksumStart..<file.count)) else {
            throw IndexFileError.corrupt("the index's checksum does not match its content")
        }
        guard file.slice(0..<4).elementsEqual("DIRC".utf8) else {
            throw IndexFileError.corrupt("the index does not start with DIRC")
        }
        let version = file.bigEndianUInt32(at: 4)
        guard (2...4).contains(version) else { throw IndexFileError.unsupported("the index has version \(version)") }
        entries = try IndexEntryTable(file: file, version: version, count: Int(file.bigEndianUInt32(at: 8)),
                                      start: 12, limit: checksumStart)
        var extensions: [Extension] = []
        var offset = entries.end
        while offset < checksumStart {
            guard checksumStart - offset >= 8, Int(file.bigEndianUInt32(at: offset + 4)) <= checksumStart - offset - 8 else {
                throw IndexFileError.corrupt("the index has a truncated extension")
            }
            let signature = String(decoding: file.slice(offset..<offset + 4), as: UTF8.self)
            // An extension whose signature starts with a capital letter is optional; any other is required.
            guard (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(file[offset]) else {
                let kind = ["link": " (a split index)", "sdir": " (a sparse index)"][signature] ?? ""
                throw IndexFileError.unsupported("the index has required extension \(signature)\(kind)")
            }
            let dataStart = offset + 8
            offset = dataStart + Int(file.bigEndianUInt32(at: offset + 4))
            extensions.append(Extension(signature: signature, data: dataStart..<offset))
        }
        self.extensions = extensions
    }
}
