/// One sentence of an article as the splitter found it: where it is (Unicode scalar offsets of
/// the stored NFC text, end exclusive, white space trimmed), in which paragraph, and whether it
/// is a heading rather than a sentence.
public struct TextSentence: Equatable, Sendable {
    /// Scalar offsets of the sentence, from its first to its last non-space character.
    public let range: Range<Int>
    /// The paragraph holding it, numbered from 1.
    public let paragraph: Int
    /// A line with no sentence-ending punctuation anywhere (a headline, caption, dateline or
    /// byline): its own unit, never a suggestion.
    public let isHeading: Bool

    public init(range: Range<Int>, paragraph: Int, isHeading: Bool) {
        self.range = range
        self.paragraph = paragraph
        self.isHeading = isHeading
    }
}
