import Foundation
import Testing
@testable import FactDesk

/// The reasons the ranker gives for typical sentences of news copy, and the order it puts them in.
@Suite struct CheckWorthinessTests {
    private func reasons(_ sentence: String) throws -> Set<String> {
        let ranked = CheckWorthiness.rank(try ArticleText(normalizing: sentence, source: "t"))
        try #require(ranked.count == 1)
        return Set(ranked[0].reasons.map(\.name))
    }

    @Test func figuresAttributionAndSourcesAreNamed() throws {
        let found = try reasons("Property taxes will rise by 3.1% for the average household, or about $94 a year, according to figures from the city's finance department.")
        #expect(found.isSuperset(of: ["number", "percent", "money", "attribution", "named source", "prediction", "change"]))
    }

    @Test func comparisonsRecordsDatesAndCausesAreNamed() throws {
        #expect(try reasons("It was the largest annual rise since 2008, more than in any other city.").isSuperset(of: ["record", "date", "comparison"]))
        #expect(try reasons("Ridership fell because of the strike that began on Tuesday.").isSuperset(of: ["causal", "change", "date"]))
        #expect(try reasons("The court ruled that the curfew was unlawful.").isSuperset(of: ["decision", "named source"]))
    }

    @Test func questionsOpinionFeelingsAndFirstPersonAreNamed() throws {
        #expect(try reasons("Where is the money for the libraries?").contains("question"))
        #expect(try reasons("I think we should be proud of this wonderful town.").isSuperset(of: ["first person", "opinion", "feeling"]))
        #expect(try reasons("Doors open at 7 p.m. and tickets are free.").isSuperset(of: ["time of day", "schedule"]))
        #expect(try reasons("Bake at 220°C for 15 minutes.").isSuperset(of: ["instruction", "measure"]))
        #expect(try reasons("Reyes, 31, wore the No. 3 shirt.").isSuperset(of: ["age", "scene"]))
    }

    @Test func reasonsComeWithTheirLearnedWeightStrongestFirst() throws {
        let ranked = CheckWorthiness.rank(try ArticleText(normalizing: "The ministry said 14 people died in 2023, up from nine.", source: "t"))
        let weights = ranked[0].reasons.map(\.weight)
        #expect(weights.map(abs) == weights.map(abs).sorted(by: >))
        #expect(ranked[0].reasons.first { $0.name == "attribution" }!.weight > 0)
        #expect(ranked[0].reasons.first { $0.name == "number" }!.weight > 0)
    }

    @Test func statementsOfFactComeBeforeOpinionQuestionsAndSceneSetting() throws {
        let text = try ArticleText(normalizing: """
        Council passes budget

        It was a warm evening and the hall was packed. What happens next? The council approved a $412 million budget, \
        the finance department said, up 6.8% on last year. "I love this town," one resident said.
        """, source: "t")
        let ranked = CheckWorthiness.rank(text)
        #expect(ranked.count == 4)
        #expect(ranked[0].sentence.hasPrefix("The council approved"))
        #expect(ranked.map(\.rank) == [1, 2, 3, 4])
        #expect(ranked.allSatisfy { text.substring($0.range) == $0.sentence && (0...1).contains($0.score) })
    }

    @Test func anArticleWithoutASentenceRanksNothing() throws {
        #expect(CheckWorthiness.rank(try ArticleText(normalizing: "Council passes record budget", source: "t")).isEmpty)
        #expect(CheckWorthiness.rank(try ArticleText(normalizing: "1\n\n2\n\n3", source: "t")).isEmpty)
    }
}
