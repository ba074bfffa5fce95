/// The short tags that close a quotation (`"Why?" Khoury asked.`, `"Now!" shouted Ms Lee.`):
/// after a quote closed on `?` or `!`, such a tag goes on with the same sentence, while a new
/// sentence that merely begins with one (`"…?" She said the library …`) does not.
enum SpeechVerb {
    /// Whether the words from `start` are a tag: at most four words, one a speech verb, then `.`, `,` or the line's end.
    static func follows(_ start: Int, line: Range<Int>, in scalars: [Unicode.Scalar]) -> Bool {
        var index = start
        var seenVerb = false
        for _ in 0..<4 {
            var word = ""
            while index < line.upperBound && ScalarClass.isLetter(scalars[index]) {
                word.unicodeScalars.append(scalars[index])
                index += 1
            }
            guard !word.isEmpty else { return false }
            seenVerb = seenVerb || verbs.contains(word.lowercased())
            guard index < line.upperBound else { return seenVerb }
            switch scalars[index] {
            case ".", ",", ";": return seenVerb
            case " ": index += 1
            default: return false
            }
        }
        return false
    }

    private static let verbs: Set<String> = [
        "said", "says", "asked", "asks", "added", "told", "replied", "wrote", "shouted", "insisted", "explained",
        "recalled", "continued", "wondered", "demanded", "cried", "laughed",
    ]
}
