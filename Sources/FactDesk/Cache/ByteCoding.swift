import Foundation

/// Appends values to a byte buffer in the summary cache's format: little-endian integers,
/// length-prefixed UTF-8 strings, dates as the bit pattern of their seconds (exact).
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func uint32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            uint32(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optional(_ value: String?) {
        bytes.append(value == nil ? 0 : 1)
        if let value { string(value) }
    }

    mutating func date(_ value: Date) {
        withUnsafeBytes(of: value.timeIntervalSince1970.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends bytes as they are: an array, a `Data`, or a slice of a mapped file.
    mutating func raw(_ value: some Collection<UInt8>) {
        bytes.append(contentsOf: value)
    }

    /// Makes room for `count` more bytes at once, for a writer whose size is known.
    mutating func reserve(_ count: Int) {
        bytes.reserveCapacity(bytes.count + count)
    }
}

/// Reads what `ByteWriter` wrote; any overrun throws, so a damaged entry is a miss, never a wrong answer.
struct ByteReader {
    /// A read past the end or a malformed value.
    struct Damaged: Error {}

    private let buffer: UnsafeRawBufferPointer
    private(set) var offset: Int

    init(_ buffer: UnsafeRawBufferPointer, offset: Int = 0) {
        self.buffer = buffer
        self.offset = offset
    }

    var isAtEnd: Bool { offset >= buffer.count }

    private mutating func take(_ count: Int) throws -> UnsafeRawBufferPointer {
        // Written so that no length, however large, can overflow.
        guard count >= 0, count <= buffer.count - offset else { throw Damaged() }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + count)])
    }

    mutating func int() throws -> Int {
        Int(Int64(littleEndian: try take(8).loadUnaligned(as: Int64.self)))
    }

    mutating func uint32() throws -> UInt32 {
        UInt32(littleEndian: try take(4).loadUnaligned(as: UInt32.self))
    }

    mutating func string() throws -> String {
        let count = Int(try uint32())
        return String(decoding: try take(count), as: UTF8.self)
    }

    mutating func optional() throws -> String? {
        let flag = try take(1)[0]
        guard flag <= 1 else { throw Damaged() }
        return flag == 1 ? try string() : nil
    }

    mutating func date() throws -> Date {
        Date(timeIntervalSince1970: Double(bitPattern: UInt64(littleEndian: try take(8).loadUnaligned(as: UInt64.self))))
    }

    mutating func bytes(_ count: Int) throws -> UnsafeRawBufferPointer {
        try take(count)
    }
}
