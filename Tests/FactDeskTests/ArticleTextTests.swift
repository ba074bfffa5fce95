import Foundation
import Testing
@testable import FactDesk

/// Offsets are Unicode scalar offsets of the stored NFC text: these tests pin that down on the
/// characters newsrooms actually publish.
@Suite struct ArticleTextTests {
    @Test func decomposedAccentsAreStoredComposed() throws {
        let text = try ArticleText(normalizing: Data("Cafe\u{301} de Mu\u{308}nchen".utf8), source: "test")
        #expect(text.string == "Café de München")
        #expect(text.count == 15)
        #expect(text.string.unicodeScalars.allSatisfy { $0 != "\u{301}" })
    }

    /// The normalizer skips text made only of characters NFC never changes: every such
    /// character, alone and next to every kind of neighbour, must come out of Foundation's NFC
    /// unchanged, and text with anything else still goes through it.
    @Test func textThatNFCLeavesAloneIsKeptAndTheRestIsComposed() throws {
        let blocks: [Range<UInt32>] = [0..<0x300, 0x2002..<0x2070, 0x4E00..<0xA000, 0xAC00..<0xD7A4]
        let inert = blocks.flatMap { $0 }.compactMap { Unicode.Scalar($0) }
        let neighbours: [String] = ["a", "e", "A", "\u{2019}", "\u{4E2D}", "\u{AC00}", "\u{1100}", "\u{0627}", " "]
        for scalar in inert {
            let character = String(Character(scalar))
            for neighbour in neighbours {
                for sample in [neighbour + character, character + neighbour] {
                    #expect(sample.precomposedStringWithCanonicalMapping == sample,
                            "U+\(String(scalar.value, radix: 16, uppercase: true)) next to \(neighbour.debugDescription)")
                }
            }
        }
        // Characters outside those blocks: composed, and compatibility spaces U+2000/U+2001 mapped.
        for (raw, stored) in [("e\u{301}", "é"), ("\u{1100}\u{1161}", "\u{AC00}"), ("a\u{2000}b", "a\u{2002}b"),
                              ("\u{212B}", "\u{C5}"), ("\u{F900}", "\u{8C48}")] {
            #expect(try ArticleText(normalizing: Data(raw.utf8), source: "test").string.unicodeScalars.elementsEqual(stored.unicodeScalars))
        }
    }

    @Test func lineEndingsBecomeLFAndByteOrderMarkGoes() throws {
        let text = try ArticleText(normalizing: Data("\u{FEFF}one\r\ntwo\rthree\n".utf8), source: "test")
        #expect(text.string == "one\ntwo\nthree\n")
    }

    @Test func invalidUTF8IsRefusedWithItsSource() {
        let bytes = Data([0x48, 0x69, 0xC3, 0x28])
        #expect(throws: FactDeskError.invalidInput("draft.txt is not valid UTF-8 text; convert it to UTF-8 first")) {
            try ArticleText(normalizing: bytes, source: "draft.txt")
        }
    }

    @Test func nulAndEmptyTextAreRefused() {
        #expect(throws: FactDeskError.self) { try ArticleText(normalizing: Data("a\u{0}b".utf8), source: "x") }
        #expect(throws: FactDeskError.self) { try ArticleText(normalizing: Data(" \n\u{A0}\n\t".utf8), source: "x") }
        #expect(throws: FactDeskError.self) { try ArticleText(normalizing: Data(), source: "x") }
    }

    @Test func paragraphsAreSeparatedByBlankLinesEvenWithSpaces() throws {
        let raw = "  First line\nstill first.  \n\n \t\nSecond — “quoted”.\n\n\n\nThird 🇺🇦 end.\n"
        let text = try ArticleText(normalizing: Data(raw.utf8), source: "t")
        let paragraphs = text.paragraphs.map(text.substring)
        #expect(paragraphs == ["First line\nstill first.", "Second — “quoted”.", "Third 🇺🇦 end."])
        let third = text.paragraphs[2]
        #expect(text.paragraphNumber(at: third.lowerBound) == 3)
        #expect(text.paragraphNumber(at: text.paragraphs[0].upperBound + 1) == 2)
    }

    @Test func offsetsCountScalarsNotBytesUTF16OrCharacters() throws {
        // 🇺🇦 is 2 scalars, 1 character, 4 UTF-16 units, 8 bytes; 👩‍⚕️ is 4 scalars and 1 character.
        let raw = "🇺🇦 👩‍⚕️ 東京 שלום x"
        let text = try ArticleText(normalizing: Data(raw.utf8), source: "t")
        let x = try TextSelector.quote("x", occurrence: nil).resolve(in: text)
        let expected = Array(raw.unicodeScalars).firstIndex(of: "x")!
        #expect(x == expected..<(expected + 1))
        #expect(expected == 16)
        let hebrew = try TextSelector.quote("שלום", occurrence: nil).resolve(in: text)
        #expect(text.substring(hebrew) == "שלום")
        #expect(hebrew.count == 4)
    }

    @Test func characterBoundariesNeverSplitAFlagOrAnAccent() throws {
        let text = try ArticleText(normalizing: Data("a🇺🇦e\u{301}".utf8), source: "t")
        // a | 🇺🇦 (2 scalars) | é (1 scalar once NFC)
        let boundaries = text.characterBoundaries()
        #expect((0...4).filter(boundaries.contains) == [0, 1, 3, 4])
    }
}
