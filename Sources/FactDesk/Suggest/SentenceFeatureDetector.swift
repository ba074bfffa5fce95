/// Finds a sentence's features: figures, dates, clock times, ages, money and percentages from
/// its characters; the other features from its words and phrases (`FeatureLexicon`), and for
/// Chinese, Arabic and Hindi from cues within the text. The one place where the rules live:
/// the ranker, `suggest` and the training script (through `suggest --json`'s reasons) all see
/// the features found here.
enum SentenceFeatureDetector {
    /// The features of `sentence` (its scalars); `isLead` when it stands in the article's first paragraph.
    static func features(of sentence: ArraySlice<Unicode.Scalar>, isLead: Bool) -> SentenceFeatures {
        var features = SentenceFeatures()
        if isLead { features.insert(.lead) }
        let wordsInScript = characterFeatures(of: sentence, into: &features)
        let words = Self.words(of: sentence)
        wordFeatures(of: words, into: &features)
        if wordsInScript > 0 {
            let text = String(String.UnicodeScalarView(sentence))
            for (cue, feature) in FeatureLexicon.scriptCues where text.contains(cue) { features.insert(feature) }
        }
        let wordCount = words.count + wordsInScript
        if wordCount < 7 { features.insert(.short) }
        if wordCount >= 30 { features.insert(.long) }
        return features
    }

    /// Features read from characters; returns how many words the text written without spaces
    /// holds (Chinese characters count half a word) plus one for any Arabic or Devanagari text,
    /// so that its cues are looked for.
    private static func characterFeatures(of sentence: ArraySlice<Unicode.Scalar>, into features: inout SentenceFeatures) -> Int {
        var hanCount = 0, otherScript = false
        var index = sentence.startIndex
        while index < sentence.endIndex {
            let scalar = sentence[index]
            switch scalar.value {
            case 0x4E00...0x9FFF, 0x3400...0x4DBF: hanCount += 1
            case 0x0600...0x06FF, 0x0900...0x097F: otherScript = true
            default: break
            }
            switch scalar {
            case "$", "€", "£", "¥", "₹", "₦", "﷼": features.insert(.money)
            case "%", "٪": features.insert(.percent)
            case "°": features.insert(.measure)
            case "\"", "“", "”", "«", "»", "「", "」": features.insert(.quote)
            default: break
            }
            if isDigit(scalar) {
                var end = index + 1
                while end < sentence.endIndex {
                    if isDigit(sentence[end]) {
                        end += 1
                    } else if sentence[end] == "," || sentence[end] == ".", end + 1 < sentence.endIndex, isDigit(sentence[end + 1]) {
                        end += 2
                    } else {
                        break
                    }
                }
                features.insert(figureKind(sentence, digits: index..<end))
                index = end
                continue
            }
            index += 1
        }
        let marks = sentence.reversed().prefix { SentencePunctuation.isTerminator($0) || SentencePunctuation.isCloser($0) }
        if marks.contains(where: { $0 == "?" || $0 == "？" || $0 == "؟" }) { features.insert(.question) }
        if marks.contains(where: { $0 == "!" || $0 == "！" }) { features.insert(.exclamation) }
        return (hanCount + 1) / 2 + (otherScript ? 1 : 0)
    }

    /// A run of digits read as a year, a clock time, an age (`Reyes, 31,`) or any other figure.
    private static func figureKind(_ sentence: ArraySlice<Unicode.Scalar>, digits: Range<Int>) -> SentenceFeature {
        let before = digits.lowerBound > sentence.startIndex ? sentence[digits.lowerBound - 1] : " "
        let after = digits.upperBound < sentence.endIndex ? sentence[digits.upperBound] : " "
        let afterNext = digits.upperBound + 1 < sentence.endIndex ? sentence[digits.upperBound + 1] : " "
        if after == ":" && isDigit(afterNext) || before == ":" { return .timeOfDay }
        if digits.count == 4, before != "$", before != ".", after != ".",
           let value = Int(String(String.UnicodeScalarView(sentence[digits]))), (1800...2099).contains(value) {
            return .date
        }
        let beforePrevious = digits.lowerBound - 2 >= sentence.startIndex ? sentence[digits.lowerBound - 2] : " "
        if digits.count <= 3, before == " ", beforePrevious == ",", after == "," { return .age }
        return .number
    }

    /// The sentence's words in lower case: letters and digits, with apostrophes and periods
    /// inside a word kept (`don't`, `a.m`, `1.2bn`); hyphens and other marks part words.
    static func words(of sentence: ArraySlice<Unicode.Scalar>) -> [Word] {
        var words: [Word] = []
        var current = String.UnicodeScalarView()
        var capitalized = false
        var index = sentence.startIndex
        func close() {
            if !current.isEmpty { words.append(Word(text: String(current), isCapitalized: capitalized)) }
            current = String.UnicodeScalarView()
        }
        while index < sentence.endIndex {
            let scalar = sentence[index]
            if isWordScalar(scalar) {
                if current.isEmpty { capitalized = scalar.properties.isUppercase }
                appendLowercased(scalar, to: &current)
            } else if (scalar == "'" || scalar == "’" || scalar == "."), !current.isEmpty,
                      index + 1 < sentence.endIndex, isWordScalar(sentence[index + 1]) {
                current.append(scalar == "’" ? "'" : scalar)
            } else {
                close()
            }
            index += 1
        }
        close()
        return words
    }

    /// A word of a sentence, lower-cased, and whether it was written with a capital.
    struct Word {
        let text: String
        let isCapitalized: Bool
    }

    private static func wordFeatures(of words: [Word], into features: inout SentenceFeatures) {
        if let first = words.first, first.isCapitalized, FeatureLexicon.instructionVerbs.contains(first.text) {
            features.insert(.instruction)
        }
        for (position, word) in words.enumerated() {
            if position > 0 && word.isCapitalized && word.text != "i" { features.insert(.properName) }
            lookUp(word.text, into: &features)
            if let unit = unitOfFigure(word.text) { lookUp(unit, into: &features) }
            guard FeatureLexicon.phraseStarts.contains(word.text) else { continue }
            var phrase = word.text
            for next in words.dropFirst(position + 1).prefix(2) {
                phrase += " " + next.text
                lookUp(phrase, into: &features)
            }
        }
    }

    private static func lookUp(_ phrase: String, into features: inout SentenceFeatures) {
        for feature in FeatureLexicon.phrases[phrase] ?? [] { features.insert(feature) }
    }

    /// The letters after a figure's digits: `bn` in `1.2bn`, `km` in `5km`.
    private static func unitOfFigure(_ word: String) -> String? {
        guard let first = word.unicodeScalars.first, isDigit(first) else { return nil }
        let unit = word.unicodeScalars.drop { isDigit($0) || $0 == "." }
        return unit.isEmpty ? nil : String(String.UnicodeScalarView(unit))
    }

    private static func appendLowercased(_ scalar: Unicode.Scalar, to word: inout String.UnicodeScalarView) {
        if scalar.value < 0x80 {
            word.append(("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar)
        } else if scalar.properties.changesWhenLowercased {
            word.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        } else {
            word.append(scalar)
        }
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? ("0"..."9").contains(scalar) : scalar.properties.numericType == .decimal
    }
}
