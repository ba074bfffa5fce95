/// Text reduced to what editors mean rather than how a CMS typed it: curly and straight
/// quotes alike; every dash (hyphen, en and em dash, minus, and `--` or `---` typed for one)
/// one `-`, with any white space around it dropped, so that `mayor—who` and `mayor -- who`
/// fold alike; every other run of white space (non-breaking spaces and line breaks included)
/// one space; `…` as `...`; soft hyphens and zero-width spaces dropped. Each folded scalar
/// remembers the span of the original text it came from (a dash only its dashes, never the
/// spaces around them), so a match in folded text maps back to exact edges in the article.
struct FoldedText {
    /// The folded scalars.
    let scalars: [Unicode.Scalar]
    /// For each folded scalar, the original range it stands for.
    let origins: [Range<Int>]

    init(_ original: [Unicode.Scalar], in range: Range<Int>? = nil) {
        let range = range ?? 0..<original.count
        var scalars: [Unicode.Scalar] = []
        var origins: [Range<Int>] = []
        scalars.reserveCapacity(range.count)
        origins.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let scalar = original[index]
            if Self.isWhitespace(scalar) || Self.isDash(scalar) {
                // A run of dashes and white space: one dash (standing for its dashes) if it holds any,
                // else one space. A paragraph break is never merged with a dash: it stays a space.
                var end = index
                var dashes: Range<Int>?
                while end < range.upperBound {
                    if Self.isDash(original[end]) {
                        dashes = (dashes?.lowerBound ?? end)..<(end + 1)
                        end += 1
                        continue
                    }
                    guard Self.isWhitespace(original[end]) else { break }
                    let stretch = Self.whitespaceStretch(in: original, from: end, limit: range.upperBound)
                    if stretch.breaksParagraph && (dashes != nil || end > index || stretch.end < range.upperBound && Self.isDash(original[stretch.end])) {
                        if end == index { end = stretch.end }  // the break itself, before a dash: a space of its own
                        break
                    }
                    end = stretch.end
                }
                scalars.append(dashes == nil ? " " : "-")
                origins.append(dashes ?? index..<end)
                index = end
            } else if Self.isIgnorable(scalar) {
                index += 1
            } else if scalar == "\u{2026}" {
                scalars.append(contentsOf: ["." as Unicode.Scalar, ".", "."])
                origins.append(contentsOf: repeatElement(index..<(index + 1), count: 3))
                index += 1
            } else {
                scalars.append(Self.fold(scalar))
                origins.append(index..<(index + 1))
                index += 1
            }
        }
        self.scalars = scalars
        self.origins = origins
    }

    /// A quote as typed, folded and without surrounding white space.
    static func needle(_ quote: String) -> [Unicode.Scalar] {
        var folded = FoldedText(Array(ArticleText.normalizedFragment(quote).unicodeScalars)).scalars
        while folded.first == " " { folded.removeFirst() }
        while folded.last == " " { folded.removeLast() }
        return folded
    }

    /// The original range that the folded range `range` stands for.
    func originalRange(_ range: Range<Int>) -> Range<Int> {
        origins[range.lowerBound].lowerBound..<origins[range.upperBound - 1].upperBound
    }

    /// The folded index of the scalar holding original offset `offset` (or the next one).
    func foldedIndex(atOriginal offset: Int) -> Int {
        var low = 0, high = origins.count
        while low < high {
            let middle = (low + high) / 2
            if origins[middle].upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Unicode white space, with an ASCII fast path (the property lookup is slow).
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? (scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value)) : scalar.properties.isWhitespace
    }

    /// The white space from `start` on, and whether it holds two line breaks (a paragraph break).
    private static func whitespaceStretch(in scalars: [Unicode.Scalar], from start: Int, limit: Int) -> (end: Int, breaksParagraph: Bool) {
        var end = start, newlines = 0
        while end < limit && isWhitespace(scalars[end]) {
            if scalars[end] == "\n" { newlines += 1 }
            end += 1
        }
        return (end, newlines >= 2)
    }

    /// Hyphen-minus and the dashes and minus signs editors and CMSes type for it.
    static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: true
        default: false
        }
    }

    /// Invisible characters a CMS leaves in text: soft hyphens, zero-width spaces, word joiners.
    private static func isIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xAD, 0x200B, 0x2060, 0xFEFF: true
        default: false
        }
    }

    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard scalar.value >= 0x60 else { return scalar }
        return switch scalar {
        case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}", "\u{00B4}", "`": "'"
        case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}", "\u{00AB}", "\u{00BB}": "\""
        default: scalar
        }
    }
}
