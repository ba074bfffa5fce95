/// What may stand at the start of a line before its first sentence and belongs to none: a
/// live blog's time stamp (`16:45 — `, `9.30 – `) or an interview's speaker label (`Q: `,
/// `Rivera: `, one capitalized word and a colon).
enum LineLabel {
    /// Where the line's text begins after such a label (its start when it has none).
    static func end(of line: Range<Int>, in scalars: [Unicode.Scalar]) -> Int {
        timeStampEnd(line, scalars) ?? speakerLabelEnd(line, scalars) ?? line.lowerBound
    }

    private static func timeStampEnd(_ line: Range<Int>, _ scalars: [Unicode.Scalar]) -> Int? {
        var index = line.lowerBound
        let hours = digits(from: &index, line, scalars)
        guard (1...2).contains(hours), index < line.upperBound, scalars[index] == ":" || scalars[index] == "." else { return nil }
        index += 1
        guard digits(from: &index, line, scalars) == 2 else { return nil }
        skipSpaces(&index, line, scalars)
        guard index < line.upperBound, SentencePunctuation.isDash(scalars[index]) || scalars[index] == "-" else { return nil }
        index += 1
        skipSpaces(&index, line, scalars)
        return index < line.upperBound ? index : nil
    }

    private static func speakerLabelEnd(_ line: Range<Int>, _ scalars: [Unicode.Scalar]) -> Int? {
        guard line.lowerBound < line.upperBound, ScalarClass.isUppercase(scalars[line.lowerBound]) else { return nil }
        var index = line.lowerBound
        while index < line.upperBound && index - line.lowerBound < 20 && ScalarClass.isLetter(scalars[index]) { index += 1 }
        guard index + 1 < line.upperBound, scalars[index] == ":", FoldedText.isWhitespace(scalars[index + 1]) else { return nil }
        index += 1
        skipSpaces(&index, line, scalars)
        return index < line.upperBound ? index : nil
    }

    private static func digits(from index: inout Int, _ line: Range<Int>, _ scalars: [Unicode.Scalar]) -> Int {
        let start = index
        while index < line.upperBound && ("0"..."9").contains(scalars[index]) { index += 1 }
        return index - start
    }

    private static func skipSpaces(_ index: inout Int, _ line: Range<Int>, _ scalars: [Unicode.Scalar]) {
        while index < line.upperBound && FoldedText.isWhitespace(scalars[index]) { index += 1 }
    }
}
