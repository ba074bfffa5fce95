/// The characters around a sentence's end: the marks that can end one, the closing quotes and
/// brackets that follow them, and the opening ones that can begin the next.
enum SentencePunctuation {
    /// Marks ending a sentence that a space must follow: `.`, `?`, `!`, `…`, the Arabic `؟`,
    /// the Devanagari `।` and `॥`, the Urdu `۔`.
    static func isSpacedTerminator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "?", "!", "…", "؟", "।", "॥", "۔": true
        default: false
        }
    }

    /// Full-width marks of Chinese and Japanese text, which end a sentence with no space after them.
    static func isFullWidthTerminator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", "？", "！", "．": true
        default: false
        }
    }

    static func isTerminator(_ scalar: Unicode.Scalar) -> Bool {
        isSpacedTerminator(scalar) || isFullWidthTerminator(scalar)
    }

    /// Quotes and brackets that close after a sentence's last mark: `."`, `?”`, `.)`, `。」`.
    static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "'", "”", "’", "»", "›", ")", "]", "」", "』", "）", "】": true
        default: false
        }
    }

    /// Quotes and brackets that may open a sentence before its first word.
    static func isOpener(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "'", "“", "‘", "«", "‹", "(", "[", "「", "『", "（", "【", "¿", "¡", "„": true
        default: false
        }
    }

    /// Dashes, which end a sentence only when speech is cut off before a closing quote (`—”`).
    static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "—" || scalar == "–"
    }
}
