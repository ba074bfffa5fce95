import Foundation
import Testing
@testable import FactDesk

/// The sentence splitter on the hard cases of newsroom copy, each sentence checked as text
/// and, where it matters, at its Unicode scalar offsets.
@Suite struct SentenceSplitterTests {
    private func split(_ raw: String) throws -> [String] {
        let text = try ArticleText(normalizing: raw, source: "test")
        return SentenceSplitter.sentences(in: text).map { text.substring($0.range) }
    }

    @Test func titlesNumbersAndMonthsDoNotEndASentence() throws {
        #expect(try split("Dr. Amara Osei told Gen. Ray Holt and Sgt. Lee on Jan. 14 that U.S. officials agreed. The No. 3 seed lost.")
                == ["Dr. Amara Osei told Gen. Ray Holt and Sgt. Lee on Jan. 14 that U.S. officials agreed.", "The No. 3 seed lost."])
    }

    @Test func abbreviationsAtASentenceEndStillEndIt() throws {
        #expect(try split("The hearing is at City Hall, 200 Water St. Residents may comment. The hull dates from 1150 B.C. Divers found it at 6 p.m. on Friday.")
                == ["The hearing is at City Hall, 200 Water St.", "Residents may comment.", "The hull dates from 1150 B.C.",
                    "Divers found it at 6 p.m. on Friday."])
        #expect(try split("Exports to the U.S. The ministry said so. The U.S. Senate voted. They met at St. Mary's Church.")
                == ["Exports to the U.S.", "The ministry said so.", "The U.S. Senate voted.", "They met at St. Mary's Church."])
    }

    @Test func decimalsAndMoneyStayInTheirSentence() throws {
        #expect(try split("Prices rose 4.5% to $1.2bn, or €3.4 billion. Profit was £14.75m at 7.45 p.m. on Friday.")
                == ["Prices rose 4.5% to $1.2bn, or €3.4 billion.", "Profit was £14.75m at 7.45 p.m. on Friday."])
    }

    @Test func closingQuotesStayWithTheirSentence() throws {
        #expect(try split(#""It was responsible and fair." She left. "Where is the money?" she asked. “Is it true?” He did not answer. "Why?" Khoury asked."#)
                == [#""It was responsible and fair.""#, "She left.", #""Where is the money?" she asked."#, "“Is it true?”",
                    "He did not answer.", #""Why?" Khoury asked."#])
        #expect(try split("Mayor Okafor said the plan was “responsible and fair.” Whitlock disagreed.")
                == ["Mayor Okafor said the plan was “responsible and fair.”", "Whitlock disagreed."])
    }

    @Test func dashesJoinAndSpeechCutOffEnds() throws {
        #expect(try split("The vote — 7–2 — was close. Then — quite suddenly — it ended.")
                == ["The vote — 7–2 — was close.", "Then — quite suddenly — it ended."])
        #expect(try split("“We were going to —” He stopped. The rest was silence.")
                == ["“We were going to —”", "He stopped.", "The rest was silence."])
    }

    @Test func headlinesAndCaptionsEndAtTheirLineAndAreHeadings() throws {
        let text = try ArticleText(normalizing: "Storm Odile: what we know\nThe storm hit on Monday. It\nwent north.\n\nWorkers repair the sea wall on Tuesday\n", source: "t")
        let sentences = SentenceSplitter.sentences(in: text)
        #expect(sentences.map { text.substring($0.range) }
                == ["Storm Odile: what we know", "The storm hit on Monday.", "It\nwent north.", "Workers repair the sea wall on Tuesday"])
        #expect(sentences.map(\.isHeading) == [true, false, false, true])
        #expect(sentences.map(\.paragraph) == [1, 1, 1, 2])
    }

    @Test func liveBlogTimesAndSpeakerLabelsAreLeftOut() throws {
        #expect(try split("16:45 — The bill passed by 214 votes to 187.\n\nQ: Why now?\n\nRivera: We responded to 212 fires.")
                == ["The bill passed by 214 votes to 187.", "Why now?", "We responded to 212 fires."])
    }

    @Test func chineseSentencesEndAtFullWidthMarksUnlessAQuoteRunsOn() throws {
        #expect(try split("临江市地铁5号线于周六正式开通。市交通局表示，超支约18%！“我等这一天等了五年了！”王秀英说。“为什么要贵一块钱？”")
                == ["临江市地铁5号线于周六正式开通。", "市交通局表示，超支约18%！", "“我等这一天等了五年了！”王秀英说。", "“为什么要贵一块钱？”"])
    }

    @Test func arabicAndHindiSentences() throws {
        #expect(try split("قال الوزير إن الأرقام صحيحة. هل هذا صحيح؟ نعم.") == ["قال الوزير إن الأرقام صحيحة.", "هل هذا صحيح؟", "نعم."])
        #expect(try split("सरकार ने कहा कि बारिश 30% कम हुई। किसान चिंतित हैं। \"आज ही टीका लगवाएं।\" यह सही है।")
                == ["सरकार ने कहा कि बारिश 30% कम हुई।", "किसान चिंतित हैं।", "\"आज ही टीका लगवाएं।\"", "यह सही है।"])
    }

    @Test func nonBreakingSpacesSeparateLikeSpaces() throws {
        #expect(try split("Prices rose 3\u{A0}%.\u{A0}The mayor said so. Dr.\u{A0}Osei agreed.")
                == ["Prices rose 3\u{A0}%.", "The mayor said so.", "Dr.\u{A0}Osei agreed."])
    }

    @Test func emojiAreCountedInScalarsAndNeverCut() throws {
        let raw = "We won! 🎉 The fans cheered. 👩‍👩‍👧 Families came too. 🇨🇭 Zu\u{308}rich agreed."
        let text = try ArticleText(normalizing: raw, source: "t")
        let sentences = SentenceSplitter.sentences(in: text)
        #expect(sentences.map { text.substring($0.range) }
                == ["We won!", "🎉 The fans cheered.", "👩‍👩‍👧 Families came too.", "🇨🇭 Zürich agreed."])
        let scalars = Array(text.string.unicodeScalars)
        let families = sentences[2].range
        #expect(families.count == "👩‍👩‍👧 Families came too.".unicodeScalars.count)
        #expect(String(String.UnicodeScalarView(scalars[families])) == "👩‍👩‍👧 Families came too.")
        #expect(sentences[3].range.upperBound == scalars.count)
    }

    @Test func piecesWithoutALetterAreNoSentence() throws {
        #expect(try split("1\n\n2\n\n3.5\n\n***").isEmpty)
        #expect(try split("12. 14. 1,500.").isEmpty)
    }
}
