/// How user text is kept from being read as markup in each output format: which ASCII bytes are
/// special there and what each becomes. Text without special bytes, most of it, is copied whole.
enum ReportEscaping {
    /// A backslash before each byte that could start or end markup.
    case markdown
    /// The five characters with entities, replaced only where they are a Character on their own,
    /// as the per-Character escape did: `&` followed by a combining accent is left as it is.
    case html
    /// JSON string contents as `JSONEncoder` writes them with `.withoutEscapingSlashes`: quote,
    /// backslash and control characters, short forms where JSON has them, else `\u00xx`.
    case json

    /// The bytes special in this format.
    fileprivate var special: ASCIISet {
        switch self {
        case .markdown: Self.markdownBytes
        case .html: Self.htmlBytes
        case .json: Self.jsonBytes
        }
    }

    /// Whether a special byte is replaced only when it is a Character on its own.
    fileprivate var replacesWholeCharactersOnly: Bool { self == .html }

    private static let markdownBytes = ASCIISet("\\`*_[]<>|#")
    private static let htmlBytes = ASCIISet("&<>\"'")
    private static let jsonBytes = ASCIISet("\"\\" + String(decoding: 0..<0x20, as: UTF8.self))

    /// Appends what special byte `byte` becomes.
    fileprivate func appendReplacement(of byte: UInt8, to out: inout ReportBuffer) {
        switch (self, byte) {
        case (.markdown, _):
            out.append(ascii: UInt8(ascii: "\\"))
            out.append(ascii: byte)
        case (.html, UInt8(ascii: "&")): out.append("&amp;")
        case (.html, UInt8(ascii: "<")): out.append("&lt;")
        case (.html, UInt8(ascii: ">")): out.append("&gt;")
        case (.html, UInt8(ascii: "\"")): out.append("&quot;")
        case (.html, _): out.append("&#39;")
        case (.json, UInt8(ascii: "\"")): out.append("\\\"")
        case (.json, UInt8(ascii: "\\")): out.append("\\\\")
        case (.json, 0x08): out.append("\\b")
        case (.json, 0x0C): out.append("\\f")
        case (.json, 0x0A): out.append("\\n")
        case (.json, 0x0D): out.append("\\r")
        case (.json, 0x09): out.append("\\t")
        case (.json, _):
            let hex: StaticString = "0123456789abcdef"
            out.append("\\u00")
            out.append(ascii: hex.utf8Start[Int(byte >> 4)])
            out.append(ascii: hex.utf8Start[Int(byte & 0x0F)])
        }
    }
}

extension ReportBuffer {
    /// Appends `text` with the bytes special to `escaping` replaced.
    mutating func append(_ text: String, escaping: ReportEscaping) {
        var contiguous = text
        contiguous.withUTF8 { utf8 in
            let special = escaping.special
            let start = count
            var copied = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard special.contains(byte) else { continue }
                // Only non-ASCII scalars join an ASCII one into a bigger Character (combining marks
                // after it, prepended scalars before it), so ASCII neighbours settle it.
                let neighbours = (index > 0 ? utf8[index - 1] : 0) | (index + 1 < utf8.count ? utf8[index + 1] : 0)
                if escaping.replacesWholeCharactersOnly && neighbours >= 0x80 {
                    truncate(to: start)
                    return appendByCharacter(text, escaping: escaping)
                }
                append(UnsafeBufferPointer(rebasing: utf8[copied..<index]))
                escaping.appendReplacement(of: byte, to: &self)
                copied = index + 1
            }
            append(UnsafeBufferPointer(rebasing: utf8[copied...]))
        }
    }

    /// Appends `text` folded onto one line and cut to `limit` characters (`String.oneLine(limit:)`),
    /// escaped; without making a new String when the text is already one short line.
    mutating func appendOneLine(_ text: String, limit: Int, escaping: ReportEscaping) {
        append(text.isOneLine(limit: limit) ? text : text.oneLine(limit: limit), escaping: escaping)
    }

    /// The slow way, for text where a special byte may be part of a bigger Character.
    private mutating func appendByCharacter(_ text: String, escaping: ReportEscaping) {
        let special = escaping.special
        for character in text {
            let utf8 = character.utf8
            if utf8.count == 1, let byte = utf8.first, special.contains(byte) {
                escaping.appendReplacement(of: byte, to: &self)
            } else {
                for byte in utf8 { append(ascii: byte) }
            }
        }
    }
}

/// A set of ASCII bytes as two 64-bit masks, tested without reading memory.
fileprivate struct ASCIISet {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    init(_ members: String) {
        for byte in members.utf8 {
            precondition(byte < 128, "only ASCII bytes")
            if byte < 64 { low |= 1 << byte } else { high |= 1 << (byte - 64) }
        }
    }

    func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? low >> byte & 1 != 0 : byte < 128 && high >> (byte - 64) & 1 != 0
    }
}

/// JSON placed in an HTML `<script>` data block (the report's ClaimReview markup, the web desk's
/// claims): every `<` written `\u003c`, which JSON reads as the same character and which no HTML
/// parser can take for the end of the block. A pass over the bytes: Foundation's string search
/// took ten times as long on a page's claims.
public enum ScriptBlockJSON {
    public static func escaped(_ json: String) -> String {
        guard json.utf8.contains(UInt8(ascii: "<")) else { return json }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(json.utf8.count + 64)
        for byte in json.utf8 {
            if byte == UInt8(ascii: "<") { bytes.append(contentsOf: Array("\\u003c".utf8)) } else { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
