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
        let unspacedWords = characterFeatures(of: sentence, into: &features)
        let words = Self.words(of: sentence)
        wordFeatures(of: words, in: sentence, into: &features)
        let wordCount = words.count + unspacedWords
        if wordCount < 7 { features.insert(.short) }
        if wordCount >= 30 { features.insert(.long) }
        return features
    }

    /// `FeatureLexicon.scriptCues` by their first character, so that each character of a sentence looks up only its own.
    private static let cuesByFirstScalar: [Unicode.Scalar: [(cue: [Unicode.Scalar], feature: SentenceFeature)]] =
        Dictionary(grouping: FeatureLexicon.scriptCues.map { (cue: Array($0.cue.unicodeScalars), feature: $0.feature) },
                   by: { $0.cue[0] })

    /// Features read from characters (cues of other scripts too); returns how many words the
    /// text written without spaces holds (a Chinese character counts half a word).
    private static func characterFeatures(of sentence: ArraySlice<Unicode.Scalar>, into features: inout SentenceFeatures) -> Int {
        var hanCount = 0
        var index = sentence.startIndex
        while index < sentence.endIndex {
            let scalar = sentence[index]
            if (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value) { hanCount += 1 }
            if scalar.value >= 0x600, let cues = cuesByFirstScalar[scalar] {
                for (cue, feature) in cues where sentence[index...].starts(with: cue) { features.insert(feature) }
            }
            switch scalar {
            case "$", "€", "£", "¥", "₹", "₦", "﷼": features.insert(.money)
            case "%", "٪": features.insert(.percent)
            case "°": features.insert(.measure)
            case "\"", "“", "”", "«", "»", "「", "」": features.insert(.quote)
            default: break
            }
            if ScalarClass.isDigit(scalar) {
                var end = index + 1
                while end < sentence.endIndex {
                    if ScalarClass.isDigit(sentence[end]) {
                        end += 1
                    } else if sentence[end] == "," || sentence[end] == ".", end + 1 < sentence.endIndex, ScalarClass.isDigit(sentence[end + 1]) {
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
        return (hanCount + 1) / 2
    }

    /// A run of digits read as a year, a clock time, an age (`Reyes, 31,`) or any other figure.
    private static func figureKind(_ sentence: ArraySlice<Unicode.Scalar>, digits: Range<Int>) -> SentenceFeature {
        let before = digits.lowerBound > sentence.startIndex ? sentence[digits.lowerBound - 1] : " "
        let after = digits.upperBound < sentence.endIndex ? sentence[digits.upperBound] : " "
        let afterNext = digits.upperBound + 1 < sentence.endIndex ? sentence[digits.upperBound + 1] : " "
        if after == ":" && ScalarClass.isDigit(afterNext) || before == ":" { return .timeOfDay }
        if digits.count == 4, before != "$", before != ".", after != ".",
           let value = Int(String(String.UnicodeScalarView(sentence[digits]))), (1800...2099).contains(value) {
            return .date
        }
        let beforePrevious = digits.lowerBound - 2 >= sentence.startIndex ? sentence[digits.lowerBound - 2] : " "
        if digits.count <= 3, before == " ", beforePrevious == ",", after == "," { return .age }
        return .number
    }

    /// The sentence's words: letters and digits, with apostrophes and periods inside a word kept
    /// (`don't`, `a.m`, `1.2bn`); hyphens and other marks part words.
    static func words(of sentence: ArraySlice<Unicode.Scalar>) -> [Word] {
        var words: [Word] = []
        var index = sentence.startIndex
        while index < sentence.endIndex {
            guard isWordScalar(sentence[index]) else {
                index += 1
                continue
            }
            let start = index
            index += 1
            while index < sentence.endIndex {
                if isWordScalar(sentence[index]) {
                    index += 1
                } else if isJoiner(sentence[index]), index + 1 < sentence.endIndex, isWordScalar(sentence[index + 1]) {
                    index += 2
                } else {
                    break
                }
            }
            words.append(Word(range: start..<index, isCapitalized: ScalarClass.isUppercase(sentence[start])))
        }
        return words
    }

    /// A word of a sentence: where it is, and whether it was written with a capital.
    struct Word {
        let range: Range<Int>
        let isCapitalized: Bool
    }

    /// Looks each word, and the phrases it begins, up in the lexicon, in lower-case UTF-8 built in
    /// one reused buffer (a String a word cost a fifth of the ranking).
    private static func wordFeatures(of words: [Word], in sentence: ArraySlice<Unicode.Scalar>, into features: inout SentenceFeatures) {
        var key: [UInt8] = []
        key.reserveCapacity(64)
        for (position, word) in words.enumerated() {
            key.removeAll(keepingCapacity: true)
            appendLowercased(sentence[word.range], to: &key)
            if position == 0 && word.isCapitalized && FeatureLexicon.instructionVerbs.contains(key) { features.insert(.instruction) }
            if position > 0 && word.isCapitalized && key != [UInt8(ascii: "i")] { features.insert(.properName) }
            if ScalarClass.isDigit(sentence[word.range.lowerBound]) {
                let unit = Array(key.drop { (0x30...0x39).contains($0) || $0 == UInt8(ascii: ".") })
                if let entry = FeatureLexicon.entries[unit] { features.formUnion(entry.features) }
            }
            guard let entry = FeatureLexicon.entries[key] else { continue }
            features.formUnion(entry.features)
            guard entry.startsPhrase else { continue }
            for next in words.dropFirst(position + 1).prefix(2) {
                key.append(UInt8(ascii: " "))
                appendLowercased(sentence[next.range], to: &key)
                guard let longer = FeatureLexicon.entries[key] else { break }
                features.formUnion(longer.features)
                if !longer.startsPhrase { break }
            }
        }
    }

    /// The word's UTF-8 in lower case, apostrophes straight; ASCII without a trip through Unicode's tables.
    private static func appendLowercased(_ word: ArraySlice<Unicode.Scalar>, to key: inout [UInt8]) {
        for scalar in word {
            if scalar.value < 0x80 {
                let byte = UInt8(scalar.value)
                key.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
            } else if scalar == "’" {
                key.append(UInt8(ascii: "'"))
            } else if scalar.properties.changesWhenLowercased {
                key.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else {
                key.append(contentsOf: String(scalar).utf8)
            }
        }
    }

    /// An apostrophe or period inside a word: `don't`, `a.m`, `1.2`.
    private static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "’" || scalar == "."
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        ScalarClass.isLetter(scalar) || ScalarClass.isDigit(scalar)
    }
}
