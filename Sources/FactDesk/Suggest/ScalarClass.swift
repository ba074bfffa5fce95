/// The character classes the splitter and the feature detector ask about, with an ASCII fast
/// path: Unicode's property lookups cost more than all the rest of ranking a sentence.
enum ScalarClass {
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? isASCIIUppercase(scalar) || isASCIILowercase(scalar) : scalar.properties.isAlphabetic
    }

    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? isASCIIUppercase(scalar) : scalar.properties.isUppercase
    }

    static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? isASCIILowercase(scalar) : scalar.properties.isLowercase
    }

    /// A decimal digit of any script: `3`, `٣`, `३`.
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? (0x30...0x39).contains(scalar.value) : scalar.properties.numericType == .decimal
    }

    private static func isASCIIUppercase(_ scalar: Unicode.Scalar) -> Bool { (0x41...0x5A).contains(scalar.value) }
    private static func isASCIILowercase(_ scalar: Unicode.Scalar) -> Bool { (0x61...0x7A).contains(scalar.value) }
}
