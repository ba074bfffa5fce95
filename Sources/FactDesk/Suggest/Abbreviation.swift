/// Whether a word written with a final period, followed by white space, ends its sentence:
/// `Dr. Osei`, `No. 3`, `Jan. 14`, `U.S. officials` and `St. Mary's` do not; `200 Water St.
/// Residents …`, `1150 B.C. Archaeologists …` and `in the U.S. The …` do.
enum Abbreviation {
    /// The word before a period (letters and inner periods, as `U.S` or `a.m`), the word before
    /// it, and what comes after the space.
    struct Context {
        var word: String
        var previousWordIsCapitalized: Bool
        /// The next word, made only for the initialisms that need it.
        var nextWord: () -> String
        var nextStartsWithDigit: Bool
    }

    /// Whether the period after `context.word` ends the sentence. Called only when the next
    /// word does not begin in lower case (a lower-case word never starts a sentence).
    static func endsSentence(_ context: Context) -> Bool {
        let word = context.word.lowercased()
        if titles.contains(word) { return false }
        if word == "st" { return context.previousWordIsCapitalized }
        if numbered.contains(word) || months.contains(word) { return !context.nextStartsWithDigit }
        if continuing.contains(word) { return false }
        let letters = word.filter { $0 != "." }
        if letters.count == 1 && context.word.first?.isUppercase == true && !word.contains(".") { return false }
        guard word.contains(".") else { return true }
        if eras.contains(word) { return true }
        return sentenceOpeners.contains(context.nextWord().lowercased())
    }

    /// Titles before a name, never at a sentence's end.
    private static let titles: Set<String> = [
        "mr", "mrs", "ms", "mx", "dr", "prof", "gen", "sgt", "lt", "col", "capt", "cmdr", "gov", "sen", "rep",
        "rev", "hon", "supt", "det", "insp", "adm", "maj", "cpl", "pvt", "fr", "mt", "messrs", "mme", "mlle", "pres",
    ]
    /// Abbreviations before a number: `No. 3`, `pp. 4-9`, `Art. 12`.
    private static let numbered: Set<String> = ["no", "nos", "art", "fig", "figs", "vol", "vols", "p", "pp", "ch", "sec", "para", "op", "nr"]
    private static let months: Set<String> = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
    /// Abbreviations always followed by more of the sentence.
    private static let continuing: Set<String> = ["e.g", "i.e", "cf", "vs", "approx", "incl", "viz", "ca", "esp"]
    /// Initialisms of time and era that often end a sentence: `at 6 p.m.`, `in 1150 B.C.`.
    private static let eras: Set<String> = ["a.m", "p.m", "b.c", "a.d", "b.c.e", "c.e"]
    /// Words that begin sentences and rarely follow an initialism such as `U.S.` in one.
    private static let sentenceOpeners: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "my",
        "this", "that", "these", "those", "there", "in", "on", "at", "but", "and", "or", "so", "yet", "after",
        "before", "when", "while", "if", "as", "for", "with", "by", "from", "of", "to", "some", "many", "most",
        "no", "not", "one", "all", "both", "each", "what", "who", "how", "why", "where", "meanwhile", "however",
    ]
}
