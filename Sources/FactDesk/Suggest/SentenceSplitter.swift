/// Splits an article's text into sentences the way a newsroom's copy needs: a paragraph or a
/// line ends a sentence (headlines and captions have no final period; a line that goes on in
/// lower case is a wrapped line, not a new sentence); `.`, `?`, `!`, `…`, `؟`, `।` end one
/// when white space and a word not in lower case follow, with closing quotes kept (`."`, `?”`);
/// `。`, `？`, `！` end one at once unless a closing quote leads straight into the words of the
/// same sentence (`“…！”王秀英说。`); a quote closed after `?` or `!` goes on when a speech
/// verb follows (`"…?" Khoury asked.`); abbreviations, initials, decimals and money (`4.5%`,
/// `$1.2bn`) do not end one (see `Abbreviation`). A line's leading live-blog time (`16:45 — `)
/// or speaker label (`Q: `, `Rivera: `) is left out of its sentence. A piece without a letter (a
/// list of numbers, `***`) is not a sentence.
public enum SentenceSplitter {
    /// The sentences and headings of `text`, in text order.
    public static func sentences(in text: ArticleText) -> [TextSentence] {
        var result: [TextSentence] = []
        for (index, paragraph) in text.paragraphs.enumerated() {
            for line in lines(of: paragraph, in: text.scalars) {
                split(line, paragraph: index + 1, in: text, into: &result)
            }
        }
        return result
    }

    /// The paragraph's lines, a line going on in lower case joined to the one before.
    private static func lines(of paragraph: Range<Int>, in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = paragraph.lowerBound
        var index = paragraph.lowerBound
        while index < paragraph.upperBound {
            if scalars[index] == "\n" {
                var next = index + 1
                while next < paragraph.upperBound && FoldedText.isWhitespace(scalars[next]) { next += 1 }
                if next < paragraph.upperBound && !ScalarClass.isLowercase(scalars[next]) {
                    lines.append(start..<index)
                    start = next
                }
                index = next
            } else {
                index += 1
            }
        }
        lines.append(start..<paragraph.upperBound)
        return lines
    }

    private static func split(_ line: Range<Int>, paragraph: Int, in text: ArticleText, into result: inout [TextSentence]) {
        let scalars = text.scalars
        var pieces: [Range<Int>] = []
        var start = LineLabel.end(of: line, in: scalars)
        var index = start
        while index < line.upperBound {
            let scalar = scalars[index]
            let cutOffSpeech = SentencePunctuation.isDash(scalar) && index + 1 < line.upperBound
                && SentencePunctuation.isCloser(scalars[index + 1])
            guard SentencePunctuation.isTerminator(scalar) || cutOffSpeech else {
                index += 1
                continue
            }
            var end = index + 1
            while end < line.upperBound
                    && (SentencePunctuation.isTerminator(scalars[end]) || SentencePunctuation.isCloser(scalars[end])) {
                end += 1
            }
            if endsSentence(marks: index..<end, line: line, in: scalars) {
                pieces.append(start..<end)
                start = end
            }
            index = end
        }
        let endsWithMark = !pieces.isEmpty && start == line.upperBound
        if start < line.upperBound { pieces.append(start..<line.upperBound) }
        let isHeading = pieces.count == 1 && !endsWithMark
        for piece in pieces {
            let trimmed = text.trimmed(piece)
            guard scalars[trimmed].contains(where: ScalarClass.isLetter) else { continue }
            result.append(TextSentence(range: trimmed, paragraph: paragraph, isHeading: isHeading))
        }
    }

    /// Whether the run of marks and closing quotes `marks` ends a sentence.
    private static func endsSentence(marks: Range<Int>, line: Range<Int>, in scalars: [Unicode.Scalar]) -> Bool {
        let after = marks.upperBound
        if after == line.upperBound { return true }
        let closed = SentencePunctuation.isCloser(scalars[after - 1])
        if scalars[marks].contains(where: SentencePunctuation.isFullWidthTerminator) {
            return !(closed && ScalarClass.isLetter(scalars[after]))
        }
        guard FoldedText.isWhitespace(scalars[after]) else { return false }
        var next = after
        while next < line.upperBound && (FoldedText.isWhitespace(scalars[next]) || SentencePunctuation.isOpener(scalars[next])) {
            next += 1
        }
        guard next < line.upperBound else { return true }
        if ScalarClass.isLowercase(scalars[next]) { return false }
        if closed && SpeechVerb.follows(next, line: line, in: scalars) { return false }
        guard marks.count == 1, scalars[marks.lowerBound] == "." else { return true }
        return Abbreviation.endsSentence(abbreviationContext(period: marks.lowerBound, next: next, line: line, in: scalars))
    }

    private static func abbreviationContext(period: Int, next: Int, line: Range<Int>, in scalars: [Unicode.Scalar]) -> Abbreviation.Context {
        var wordStart = period
        while wordStart > line.lowerBound && (ScalarClass.isLetter(scalars[wordStart - 1]) || scalars[wordStart - 1] == ".") {
            wordStart -= 1
        }
        var previousEnd = wordStart
        while previousEnd > line.lowerBound && FoldedText.isWhitespace(scalars[previousEnd - 1]) { previousEnd -= 1 }
        var previousStart = previousEnd
        while previousStart > line.lowerBound && ScalarClass.isLetter(scalars[previousStart - 1]) { previousStart -= 1 }
        var nextEnd = next
        while nextEnd < line.upperBound && ScalarClass.isLetter(scalars[nextEnd]) { nextEnd += 1 }
        return Abbreviation.Context(
            word: String(String.UnicodeScalarView(scalars[wordStart..<period])),
            previousWordIsCapitalized: previousStart < previousEnd && ScalarClass.isUppercase(scalars[previousStart]),
            nextWord: { String(String.UnicodeScalarView(scalars[next..<nextEnd])) },
            nextStartsWithDigit: ScalarClass.isDigit(scalars[next]))
    }
}
