/// Writes JSON into a report buffer in exactly the layout of `JSONEncoder`'s `.prettyPrinted`:
/// members and elements on lines of their own, two spaces of indent a level, `"key" : value`,
/// and an empty container as its brackets around a blank line. Callers give keys in sorted order.
struct PrettyJSONWriter: ~Copyable {
    /// The JSON written so far.
    var buffer: ReportBuffer
    private var depth = 0
    /// Whether the container just opened has nothing in it yet.
    private var atFirst = true

    init(capacity: Int) {
        buffer = ReportBuffer(capacity: capacity)
    }

    mutating func beginObject() { open("{") }
    mutating func endObject() { close("}") }
    mutating func beginArray() { open("[") }
    mutating func endArray() { close("]") }

    /// Starts a member of the current object: `"key" : ` on a line of its own.
    mutating func key(_ key: StaticString) {
        newItem()
        buffer.append("\"")
        buffer.append(key)
        buffer.append("\" : ")
    }

    /// Starts a member whose key is data (a dictionary's), escaped.
    mutating func key(_ key: String) {
        newItem()
        string(key)
        buffer.append(" : ")
    }

    /// Starts an element of the current array.
    mutating func element() { newItem() }

    /// A member whose value is a string, or `null`.
    mutating func member(_ key: StaticString, _ value: String?) {
        self.key(key)
        string(value)
    }

    mutating func member(_ key: StaticString, _ value: Int) {
        self.key(key)
        number(value)
    }

    /// A member whose value is a number already rounded to `decimals` places (at most 9), written
    /// as `JSONEncoder` writes it (`2`, `0.917`, `-1.25`) with integer arithmetic, not through a String.
    mutating func member(_ key: StaticString, _ value: Double, decimals: Int) {
        self.key(key)
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((value * Double(scale)).rounded())
        if scaled < 0 { buffer.append("-") }
        buffer.append(abs(scaled) / scale)
        var fraction = abs(scaled) % scale, digits = decimals
        guard fraction != 0 else { return }
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        buffer.append(".")
        var place = 1
        for _ in 1..<digits { place *= 10 }
        while place > 0 {
            buffer.append(ascii: UInt8(ascii: "0") + UInt8(fraction / place % 10))
            place /= 10
        }
    }

    mutating func member(_ key: StaticString, _ value: Bool) {
        self.key(key)
        buffer.append(value ? "true" : "false")
    }

    /// An array of `items`, each written by `write` as one element.
    mutating func array<Item>(_ items: [Item], _ write: (Item, inout PrettyJSONWriter) -> Void) {
        beginArray()
        for item in items {
            element()
            write(item, &self)
        }
        endArray()
    }

    mutating func string(_ value: String) {
        buffer.append("\"")
        buffer.append(value, escaping: .json)
        buffer.append("\"")
    }

    /// A string, or `null`.
    mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    mutating func number(_ value: Int) {
        buffer.append(value)
    }

    mutating func null() {
        buffer.append("null")
    }

    /// `[String: Int]` as an object, keys sorted by their UTF-8 as `JSONEncoder` sorts them.
    mutating func object(_ counts: [String: Int]) {
        beginObject()
        for (name, count) in counts.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            key(name)
            number(count)
        }
        endObject()
    }

    /// Writes the separator from the previous item and the indent.
    private mutating func newItem() {
        if !atFirst { buffer.append(",\n") }
        atFirst = false
        buffer.appendSpaces(2 * depth)
    }

    private mutating func open(_ bracket: StaticString) {
        buffer.append(bracket)
        buffer.append("\n")
        depth += 1
        atFirst = true
    }

    private mutating func close(_ bracket: StaticString) {
        depth -= 1
        buffer.append("\n")
        buffer.appendSpaces(2 * depth)
        buffer.append(bracket)
        atFirst = false
    }
}
