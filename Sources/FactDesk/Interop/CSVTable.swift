import Foundation

/// A table as RFC 4180 CSV, read and written strictly, without any dependency: UTF-8 (a leading
/// byte-order mark is skipped on reading, never written), fields separated by commas, records
/// ended by CRLF (LF alone is read too, blank lines are skipped), a field holding a comma, a
/// double quote, CR or LF enclosed in double quotes with its inner double quotes doubled.
///
/// **Spreadsheet formulas.** A spreadsheet opening a CSV file runs a cell that begins with `=`,
/// `+`, `-` or `@` (and some a cell beginning with a tab or a carriage return) as a formula, so
/// claim text such as `=HYPERLINK("http://evil","x")` could act on a reader's machine. Writing
/// puts an apostrophe before such a cell, which spreadsheets show as text; reading removes it
/// again, so a round trip gives back the exact text. To keep that exact for text that itself
/// begins with apostrophes before such a character, the rule counts them: a cell of apostrophes
/// (none or more) then `=`, `+`, `-`, `@`, tab or CR is written with one apostrophe more, and a
/// cell of one or more apostrophes then one of those characters is read with one apostrophe less.
struct CSVTable {
    /// One record after the header, with its row number as a spreadsheet shows it: the header is
    /// row 1 (blank lines before it are ignored), later blank lines count, a field spanning lines
    /// is still one row.
    struct Row {
        let number: Int
        let fields: [String]
    }

    /// The largest file read, in bytes, twice the largest article: a larger file is refused before
    /// parsing (split it by article).
    static let maximumBytes = 32 * 1024 * 1024

    /// The first record's fields.
    let header: [String]
    /// Every later record; a blank line is none.
    let rows: [Row]

    /// Reads `data`, naming `source` and the row in any error: a file over `maximumBytes`, not
    /// UTF-8, holding a NUL byte, with an unclosed quoted field, a stray double quote or a lone
    /// CR, or with no header at all.
    init(reading data: Data, source: String) throws {
        guard data.count <= Self.maximumBytes else {
            throw FactDeskError.invalidInput("\(source) is \(data.count / 1_048_576) MiB; FactDesk imports CSV files up to \(Self.maximumBytes / 1_048_576) MiB: split it by article")
        }
        var records = try data.withUnsafeBytes { buffer in
            var parser = Parser(bytes: buffer.bindMemory(to: UInt8.self), source: source)
            return try parser.records()
        }
        guard !records.isEmpty else {
            throw FactDeskError.invalidInput("\(source) is empty; a CSV import needs a header row naming its columns")
        }
        header = records.removeFirst().fields
        rows = records
    }

    /// How errors name a row: `export.csv, row 3 (the header is row 1)`.
    static func place(_ row: Int, in source: String) -> String {
        "\(source), row \(row) (the header is row 1)"
    }

    /// `records` as CSV text, every record ended by CRLF, formula cells escaped.
    static func render(_ records: [[String]]) -> String {
        var text = ""
        for record in records {
            let line = record.map { quoted(escapingFormula($0)) }.joined(separator: ",")
            // A blank line is no record: one empty field is written as "".
            text += (line.isEmpty ? "\"\"" : line) + "\r\n"
        }
        return text
    }

    private static func quoted(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == .comma || $0 == .quote || $0 == .cr || $0 == .lf }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Whether `cell` is apostrophes (`atLeast` or more) then a character that starts a formula.
    private static func startsFormula(_ cell: String, afterApostrophes atLeast: Int) -> Bool {
        let apostrophes = cell.unicodeScalars.prefix { $0 == "'" }.count
        guard apostrophes >= atLeast, let next = cell.unicodeScalars.dropFirst(apostrophes).first else { return false }
        return formulaStarts.contains(next)
    }

    static func escapingFormula(_ cell: String) -> String {
        startsFormula(cell, afterApostrophes: 0) ? "'" + cell : cell
    }

    static func unescapingFormula(_ cell: String) -> String {
        startsFormula(cell, afterApostrophes: 1) ? String(cell.unicodeScalars.dropFirst()) : cell
    }

    /// A single pass over the bytes. The separators are ASCII, and no byte of a multi-byte UTF-8
    /// character is, so fields are cut on bytes and decoded once each.
    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        let source: String
        var index = 0
        var row = 0

        init(bytes: UnsafeBufferPointer<UInt8>, source: String) {
            self.bytes = bytes
            self.source = source
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        }

        mutating func records() throws -> [Row] {
            var records: [Row] = []
            while index < bytes.count {
                if let blank = lineBreak(at: index) {
                    index += blank
                    if !records.isEmpty { row += 1 }
                    continue
                }
                row += 1
                records.append(Row(number: row, fields: try record()))
            }
            return records
        }

        /// The fields of the record at `index`, leaving `index` after its line break.
        private mutating func record() throws -> [String] {
            var fields: [String] = []
            while true {
                fields.append(try field())
                guard index < bytes.count else { return fields }
                switch bytes[index] {
                case .comma:
                    index += 1
                case .lf, .cr:
                    guard let length = lineBreak(at: index) else {
                        throw problem("a carriage return that ends no line; save the file with CRLF or LF line endings")
                    }
                    index += length
                    return fields
                default:
                    throw problem("text after the closing double quote of a field; a quoted field ends at its quote: write \"\" for a quote inside it")
                }
            }
        }

        /// The length of the CRLF or LF at `offset`, nil when there is none.
        private func lineBreak(at offset: Int) -> Int? {
            if bytes[offset] == .lf { return 1 }
            return bytes[offset] == .cr && offset + 1 < bytes.count && bytes[offset + 1] == .lf ? 2 : nil
        }

        private mutating func field() throws -> String {
            guard index < bytes.count, bytes[index] == .quote else {
                let start = index
                while index < bytes.count, bytes[index] != .comma, bytes[index] != .lf, bytes[index] != .cr {
                    try check(bytes[index])
                    if bytes[index] == .quote {
                        throw problem("a double quote inside a field that does not start with one; enclose the field in double quotes and write \"\" for each quote inside it")
                    }
                    index += 1
                }
                return try decoded(bytes[start..<index])
            }
            index += 1
            var content: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == .quote {
                    guard index < bytes.count, bytes[index] == .quote else { return try decoded(content[...]) }
                    index += 1
                }
                try check(byte)
                content.append(byte)
            }
            throw problem("a quoted field opens on this row and is never closed (unbalanced double quotes)")
        }

        private func check(_ byte: UInt8) throws {
            if byte == 0 { throw problem("a NUL byte: this is not a UTF-8 text file (UTF-16?); save it as CSV UTF-8") }
        }

        private func decoded<Bytes: Collection<UInt8>>(_ field: Bytes) throws -> String {
            guard let text = String(validating: field, as: UTF8.self) else {
                throw problem("text that is not UTF-8; save the file as CSV UTF-8")
            }
            return CSVTable.unescapingFormula(text)
        }

        private func problem(_ what: String) -> FactDeskError {
            FactDeskError.invalidInput("\(CSVTable.place(row, in: source)): \(what)")
        }
    }
}

private extension UInt8 {
    static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
}
