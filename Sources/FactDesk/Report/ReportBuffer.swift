import Foundation

/// The bytes of a report being rendered: UTF-8 appended to one block of memory reserved up front,
/// so that a report of 100,000 claims is one allocation rather than a String per line, and each
/// append a bounds check and a copy. If the estimate was short the block grows with `realloc`,
/// which moves large blocks by remapping pages, not by copying them. At the end the block becomes
/// the report's `Data` as it is.
struct ReportBuffer: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    /// How many bytes have been appended.
    private(set) var count = 0
    private var capacity: Int

    /// An empty buffer with room for `capacity` bytes.
    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        start = Self.resize(nil, to: self.capacity)
    }

    deinit {
        free(start)
    }

    /// The report as bytes; the memory passes to the `Data`, uncopied.
    consuming func data() -> Data {
        let data = Data(bytesNoCopy: start, count: count, deallocator: .free)
        discard self
        return data
    }

    /// The report as a String (one copy of the bytes).
    consuming func text() -> String {
        String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    }

    /// Appends markup or a label fixed at compile time.
    mutating func append(_ literal: StaticString) {
        append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends UTF-8 bytes as they are.
    mutating func append(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let source = utf8.baseAddress else { return }
        reserve(utf8.count)
        (start + count).update(from: source, count: utf8.count)
        count += utf8.count
    }

    /// Appends `text` as it is, for text that needs no escaping (ids, status names, URLs in Markdown).
    mutating func append(raw text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Appends one ASCII byte.
    mutating func append(ascii byte: UInt8) {
        reserve(1)
        start[count] = byte
        count += 1
    }

    /// Appends `number` in decimal, as `String(number)` writes it.
    mutating func append(_ number: Int) {
        reserve(20)
        if number < 0 {
            start[count] = UInt8(ascii: "-")
            count += 1
        }
        var digits = 1, rest = number.magnitude
        while rest >= 10 {
            digits += 1
            rest /= 10
        }
        rest = number.magnitude
        for offset in stride(from: digits - 1, through: 0, by: -1) {
            start[count + offset] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        count += digits
    }

    /// Appends `count` spaces (indentation).
    mutating func appendSpaces(_ spaces: Int) {
        reserve(spaces)
        (start + count).initialize(repeating: UInt8(ascii: " "), count: spaces)
        count += spaces
    }

    /// Takes back everything appended since the buffer held `count` bytes.
    mutating func truncate(to count: Int) {
        self.count = min(self.count, count)
    }

    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        capacity = max(needed, capacity * 2)
        start = Self.resize(start, to: capacity)
    }

    private static func resize(_ memory: UnsafeMutablePointer<UInt8>?, to capacity: Int) -> UnsafeMutablePointer<UInt8> {
        guard let memory = realloc(memory, capacity) else { fatalError("out of memory for a report of \(capacity) bytes") }
        return memory.assumingMemoryBound(to: UInt8.self)
    }
}
