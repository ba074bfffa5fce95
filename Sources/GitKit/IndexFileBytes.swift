import Glibc

/// Reading an index file's numbers: big-endian, at any offset the caller has checked is in range.
extension UnsafeBufferPointer<UInt8> {
    func bigEndianUInt32(at offset: Int) -> UInt32 {
        UnsafeRawPointer(baseAddress! + offset).loadUnaligned(as: UInt32.self).bigEndian
    }

    func bigEndianUInt16(at offset: Int) -> UInt16 {
        UnsafeRawPointer(baseAddress! + offset).loadUnaligned(as: UInt16.self).bigEndian
    }

    func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: self[range])
    }

    /// Byte order, as memcmp gives it: the order of index entries by path.
    func compareBytes(_ other: UnsafeBufferPointer<UInt8>) -> Int {
        let shared = Swift.min(count, other.count)
        let common = shared == 0 ? 0 : Int(memcmp(baseAddress!, other.baseAddress!, shared))
        return common != 0 ? common : count - other.count
    }

    /// The offset of the first NUL at or after `start` and before `end`.
    func nul(from start: Int, before end: Int) throws -> Int {
        guard start < end, let found = memchr(baseAddress! + start, 0, end - start) else {
            throw IndexFileError.corrupt("the index has a path without its terminating NUL")
        }
        return UnsafeRawPointer(baseAddress!).distance(to: UnsafeRawPointer(found))
    }

    /// Git's variable-length integer (`decode_varint`) at `offset`, and the offset after it.
    func varint(at offset: Int, before end: Int) throws -> (value: Int, next: Int) {
        var cursor = offset
        var value = 0
        while cursor < end {
            let byte = self[cursor]
            cursor += 1
            value = (value << 7) + Int(byte & 0x7f)
            if byte & 0x80 == 0 { return (value, cursor) }
            guard value < 1 << 48 else { break }
            value += 1
        }
        throw IndexFileError.corrupt("the index has a truncated or oversized path length")
    }
}

/// Writing an index file's numbers.
extension [UInt8] {
    mutating func appendBigEndian(_ value: UInt32) {
        Swift.withUnsafeBytes(of: value.bigEndian) { append(contentsOf: $0) }
    }

    /// Git's variable-length integer (`encode_varint`): seven bits a byte, most significant first.
    mutating func appendVarint(_ value: Int) {
        guard value >= 0x80 else { return append(UInt8(value)) }
        var digits: [UInt8] = [UInt8(value & 0x7f)]
        var rest = value >> 7
        while rest != 0 {
            rest -= 1
            digits.append(0x80 | UInt8(rest & 0x7f))
            rest >>= 7
        }
        append(contentsOf: digits.reversed())
    }

    /// `value` in ASCII decimal, as the cache-tree extension spells its counts.
    mutating func appendDecimal(_ value: Int) {
        append(contentsOf: String(value).utf8)
    }
}
