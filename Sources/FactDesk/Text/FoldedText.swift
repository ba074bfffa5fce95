/// Text reduced to what editors mean rather than how a CMS typed it: curly and straight
/// quotes alike, hyphens and dashes alike, every run of white space (non-breaking spaces and
/// line breaks included) one space. Each folded scalar remembers the span of the original
/// text it came from, so a match in folded text maps back to the article's own text.
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
            if Self.isWhitespace(scalar) {
                var end = index + 1
                while end < range.upperBound && Self.isWhitespace(original[end]) { end += 1 }
                scalars.append(" ")
                origins.append(index..<end)
                index = end
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

    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard scalar.value >= 0x60 else { return scalar }
        return switch scalar {
        case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}", "\u{00B4}", "`": "'"
        case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}", "\u{00AB}", "\u{00BB}": "\""
        case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}": "-"
        default: scalar
        }
    }
}
