/// What characters FactDesk accepts in stored text, in one place: article text and notes keep
/// line breaks and tabs; one-line fields (titles, claims, names, URLs) keep neither. All refuse
/// control characters, and the bidirectional embedding, override and isolate controls
/// (U+202A–U+202E, U+2066–U+2069) that can make text display differently from what it says.
enum TextPolicy {
    /// The largest article text accepted, in UTF-8 bytes.
    static let maximumArticleBytes = 16 * 1024 * 1024

    static func isForbiddenInText(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
            || isBidiControl(scalar) || scalar == "\u{FFFE}" || scalar == "\u{FFFF}"
    }

    static func isForbiddenInLine(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\t" || isForbiddenInText(scalar)
    }

    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// `U+202E`, for error messages.
    static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Checks a one-line field such as a claim or a title, naming it in the error.
    static func checkLine(_ text: String, field: String) throws {
        if let bad = text.unicodeScalars.first(where: isForbiddenInLine) {
            let what = bad == "\n" || bad == "\t" ? "a line break or tab" : "the control character \(name(bad))"
            throw FactDeskError.invalidInput("\(field) contains \(what); it must be one line")
        }
    }

    /// Checks a free-text field such as a note, which may hold line breaks.
    static func checkText(_ text: String, field: String) throws {
        if let bad = text.unicodeScalars.first(where: isForbiddenInText) {
            throw FactDeskError.invalidInput("\(field) contains the control character \(name(bad)); remove it")
        }
    }
}
