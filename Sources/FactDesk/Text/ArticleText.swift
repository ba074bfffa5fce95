import Foundation

/// An article's text as stored: UTF-8, NFC-normalized, LF line endings. Every offset in
/// FactDesk counts Unicode scalars of this text, start inclusive, end exclusive.
public struct ArticleText: Equatable, Sendable {
    /// The normalized text.
    public let string: String
    /// The text's Unicode scalars, indexed by offset.
    public let scalars: [Unicode.Scalar]
    /// The paragraphs: runs of non-blank lines separated by blank lines, trimmed of surrounding
    /// white space, in order; paragraph N is `paragraphs[N - 1]`.
    public let paragraphs: [Range<Int>]

    /// Takes text exactly as stored (already normalized).
    init(stored string: String) {
        self.string = string
        scalars = Array(string.unicodeScalars)
        paragraphs = Self.paragraphs(of: scalars)
    }

    public static func == (lhs: ArticleText, rhs: ArticleText) -> Bool { lhs.string == rhs.string }

    /// Decodes and normalizes text an editor supplied: strict UTF-8, no byte-order mark,
    /// CRLF and CR as LF, NFC. Refuses invalid UTF-8, control characters (see `TextPolicy`),
    /// text over the size limit, and text with nothing but white space.
    public init(normalizing data: Data, source: String) throws {
        guard data.count <= TextPolicy.maximumArticleBytes else {
            throw FactDeskError.invalidInput("\(source) is \(data.count / 1_048_576) MiB; FactDesk takes articles up to \(TextPolicy.maximumArticleBytes / 1_048_576) MiB")
        }
        guard let decoded = String(validating: data, as: UTF8.self) else {
            throw FactDeskError.invalidInput("\(source) is not valid UTF-8 text; convert it to UTF-8 first")
        }
        try self.init(normalizing: decoded, source: source)
    }

    /// Normalizes text already decoded, with the same rules as `init(normalizing:source:)`.
    public init(normalizing text: String, source: String) throws {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        text = Self.composed(Self.normalizedLineEndings(text))
        if let bad = text.unicodeScalars.first(where: TextPolicy.isForbiddenInText) {
            throw FactDeskError.invalidInput("\(source) contains the control character \(TextPolicy.name(bad)); remove it")
        }
        guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            throw FactDeskError.invalidInput("\(source) is empty; an article needs some text")
        }
        self.init(stored: text)
    }

    /// Normalizes a quote or fragment typed by a user the same way as stored text (no checks).
    static func normalizedFragment(_ text: String) -> String {
        composed(normalizedLineEndings(text))
    }

    /// `text` in NFC. Most newsroom text is already NFC and made only of characters that NFC
    /// never changes (Unicode's quick check: NFC_QC=Yes, combining class 0): such text is
    /// returned as is, without a pass through Foundation's normalizer.
    private static func composed(_ text: String) -> String {
        text.unicodeScalars.allSatisfy(isInertUnderNFC) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// Blocks whose characters all have NFC_QC=Yes and combining class 0: Latin up to the
    /// combining diacritics, general punctuation (but U+2000 and U+2001, which NFC maps to
    /// U+2002 and U+2003), CJK ideographs and Hangul syllables.
    private static func isInertUnderNFC(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x300, 0x2002...0x206F, 0x4E00...0x9FFF, 0xAC00...0xD7A3: true
        default: false
        }
    }

    private static func normalizedLineEndings(_ text: String) -> String {
        guard text.unicodeScalars.contains("\r") else { return text }
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
                previousWasCR = true
            } else {
                if !(scalar == "\n" && previousWasCR) { scalars.append(scalar) }
                previousWasCR = false
            }
        }
        return String(scalars)
    }

    /// The number of scalars.
    public var count: Int { scalars.count }

    /// The text of `range` (scalar offsets, clamped to the text).
    public func substring(_ range: Range<Int>) -> String {
        let clamped = range.clamped(to: 0..<scalars.count)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[clamped])
        return String(view)
    }

    private static func paragraphs(of scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var lineStart = 0
        var paragraphStart: Int?
        var paragraphEnd = 0
        func closeParagraph() {
            if let start = paragraphStart { result.append(trimmed(start..<paragraphEnd, in: scalars)) }
            paragraphStart = nil
        }
        while lineStart <= scalars.count {
            var lineEnd = lineStart
            while lineEnd < scalars.count && scalars[lineEnd] != "\n" { lineEnd += 1 }
            let blank = scalars[lineStart..<lineEnd].allSatisfy(FoldedText.isWhitespace)
            if blank {
                closeParagraph()
            } else {
                if paragraphStart == nil { paragraphStart = lineStart }
                paragraphEnd = lineEnd
            }
            lineStart = lineEnd + 1
        }
        closeParagraph()
        return result
    }

    /// The paragraph number (from 1) holding `offset`; for an offset between paragraphs,
    /// the next one; nil past the last.
    public func paragraphNumber(at offset: Int) -> Int? {
        var low = 0, high = paragraphs.count
        while low < high {
            let middle = (low + high) / 2
            if paragraphs[middle].upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        return low < paragraphs.count ? low + 1 : nil
    }

    /// Which scalar offsets begin a user-perceived character (grapheme cluster), the end included:
    /// `boundaries.contains(offset)`.
    func characterBoundaries() -> CharacterBoundaries {
        var isBoundary = [Bool](repeating: false, count: scalars.count + 1)
        isBoundary[0] = true
        var offset = 0
        for character in string {
            offset += character.unicodeScalars.count
            isBoundary[offset] = true
        }
        return CharacterBoundaries(isBoundary: isBoundary)
    }

    /// `range` without the white space at either end.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        Self.trimmed(range, in: scalars)
    }

    private static func trimmed(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper && FoldedText.isWhitespace(scalars[lower]) { lower += 1 }
        while upper > lower && FoldedText.isWhitespace(scalars[upper - 1]) { upper -= 1 }
        return lower..<upper
    }
}

/// The offsets where characters begin in one text, for O(1) membership tests.
struct CharacterBoundaries {
    let isBoundary: [Bool]

    func contains(_ offset: Int) -> Bool {
        offset >= 0 && offset < isBoundary.count && isBoundary[offset]
    }
}
