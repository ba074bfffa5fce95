import Foundation
import Testing
@testable import FactDesk

/// Random articles whose paragraphs (1 to 2,000 characters, in several scripts) move up or down:
/// every claim on a moved paragraph, whole or in part, is found exactly on its new place.
@Suite struct ReanchoringFuzzTests {
    /// A small deterministic generator (SplitMix64), so a failure names a seed that reproduces it.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let words = ["the", "council", "said", "budget", "rose", "€1.3bn", "4.2%", "“record”", "Zoë", "café",
                        "—", "don’t", "東京", "مدينة", "🇨🇭", "👩🏽‍💻", "Smith", "on", "Tuesday", "14", "km", "of", "a"]

    static func paragraph(length: Int, using random: inout SplitMix) -> String {
        var text = ""
        while text.unicodeScalars.count < length {
            if !text.isEmpty { text += " " }
            text += words.randomElement(using: &random)! + String(Int.random(in: 0..<1000, using: &random))
        }
        var scalars = String.UnicodeScalarView(text.unicodeScalars.prefix(length))
        // Never end inside a character (half a flag), nor on a space.
        while let last = scalars.last, last == " " || last.properties.isJoinControl || String(scalars).unicodeScalars.count != scalars.count {
            scalars.removeLast()
        }
        return String(scalars)
    }

    @Test(arguments: 0..<300) func aMovedParagraphIsFoundExactly(seed: UInt64) throws {
        var random = SplitMix(state: seed)
        let lengths = [1, 2, 5, 40, 197, 198, 260, 900, 2_000]
        let count = Int.random(in: 6...14, using: &random)
        var paragraphs = (0..<count).map { _ in
            Self.paragraph(length: Bool.random(using: &random) ? lengths.randomElement(using: &random)!
                                                                : Int.random(in: 1...2_000, using: &random), using: &random)
        }
        paragraphs = paragraphs.map { $0.isEmpty ? "x" : $0 }
        let old = try ArticleText(normalizing: paragraphs.joined(separator: "\n\n"), source: "fuzz")
        let from = Int.random(in: 0..<count, using: &random)
        var to = Int.random(in: 0..<count, using: &random)
        if to == from { to = (from + count / 2) % count }
        var revised = paragraphs
        let moving = revised.remove(at: from)
        revised.insert(moving, at: to)
        let new = try ArticleText(normalizing: revised.joined(separator: "\n\n"), source: "fuzz")
        let reanchorer = Reanchorer(old: old, new: new)
        let oldParagraph = old.paragraphs[from]
        let newParagraph = new.paragraphs[to]
        #expect(new.substring(newParagraph) == old.substring(oldParagraph))
        // The whole paragraph, and a few parts of it on character boundaries.
        var claims = [0..<oldParagraph.count]
        let boundaries = old.characterBoundaries()
        for _ in 0..<3 where oldParagraph.count > 1 {
            let a = Int.random(in: 0..<oldParagraph.count, using: &random)
            let b = Int.random(in: 0...oldParagraph.count, using: &random)
            var range = min(a, b)..<max(a, b)
            while !boundaries.contains(oldParagraph.lowerBound + range.lowerBound) { range = (range.lowerBound - 1)..<range.upperBound }
            while !boundaries.contains(oldParagraph.lowerBound + range.upperBound) { range = range.lowerBound..<(range.upperBound + 1) }
            let text = old.substring(range.lowerBound + oldParagraph.lowerBound..<range.upperBound + oldParagraph.lowerBound)
            if range.count >= 1, !text.unicodeScalars.allSatisfy(FoldedText.isWhitespace) { claims.append(range) }
        }
        for claim in claims {
            let trimmed = old.trimmed((claim.lowerBound + oldParagraph.lowerBound)..<(claim.upperBound + oldParagraph.lowerBound))
            let anchor = Anchor(range: trimmed, in: old, revision: 1)
            let expected = (trimmed.lowerBound - oldParagraph.lowerBound + newParagraph.lowerBound)
                ..< (trimmed.upperBound - oldParagraph.lowerBound + newParagraph.lowerBound)
            let outcome = reanchorer.reanchor(anchor)
            #expect(outcome == .moved(expected) || (expected == trimmed && outcome == .exact(expected)),
                    "seed \(seed): paragraph \(from + 1) → \(to + 1), \(trimmed.count) scalars “\(anchor.exact.prefix(40))…”: \(outcome), expected \(expected)")
        }
    }
}
