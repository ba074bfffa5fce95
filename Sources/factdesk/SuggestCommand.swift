import ArgumentParser
import FactDesk
import Foundation

/// `factdesk suggest SLUG [--top K] [--open] [--json]` and `factdesk suggest SLUG --annotate K`.
struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Rank an article's sentences by how check-worthy they look, with the reasons; file the top ones as claims.")

    @Argument(help: "The article's id.")
    var slug: String

    @Option(name: .long, help: "Only the K most check-worthy sentences.")
    var top: Int?

    @Flag(name: .long, help: "Leave out the sentences a claim already covers.")
    var open = false

    @Option(name: .long, help: "File the K most check-worthy uncovered sentences as unverified claims, in one commit; prints their ids.")
    var annotate: Int?

    @OptionGroup var desk: DeskOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let article = try ArticleSlug(slug)
        let store = try desk.openStore()
        if let annotate {
            guard top == nil, !open else {
                throw FactDeskError.invalidInput("--annotate K files the top K uncovered sentences; it takes no --top or --open")
            }
            let filed = try store.annotateSuggestions(article, top: annotate, editor: try desk.resolvedEditor())
            if output.json { return try Output.printJSON(filed.map { ClaimView($0, at: Date()) }) }
            if filed.isEmpty { Output.note("every sentence of \(article) is already covered by a claim; nothing was filed") }
            for claim in filed { print(claim.id) }
            return
        }
        if let top, top < 1 { throw FactDeskError.invalidInput("--top needs how many sentences to show, 1 or more") }
        let ranked = try store.suggestions(for: article)
        let shown = ranked.showing(openOnly: open, top: top)
        if output.json { return try FileHandle.standardOutput.write(contentsOf: shown.jsonUTF8()) }
        print(Self.summary(ranked, shown: shown.suggestions.count))
        for suggestion in shown.suggestions { print(Self.lines(suggestion)) }
    }

    private static func summary(_ ranked: ArticleSuggestions, shown: Int) -> String {
        let total = ranked.suggestions.count
        guard total > 0 else {
            return "No sentence to rank in \(ranked.article): its text holds only headings, numbers or marks."
        }
        let covered = total - ranked.uncovered.count
        let sentences = total == 1 ? "1 sentence" : "\(total) sentences"
        let showing = shown < total ? ", the top \(shown) shown" : ""
        return "\(ranked.article), revision \(ranked.revision): \(sentences), \(covered) covered by a claim\(showing)."
    }

    /// `  1  0.93  ¶1  0-152  [covered]  +number +date -quote`, then the sentence, indented.
    private static func lines(_ suggestion: SentenceSuggestion) -> String {
        let rank = String(suggestion.rank).leftPadded(to: 3)
        let score = String(format: "%.2f", suggestion.score)
        let mark = suggestion.covered ? "  [covered]" : ""
        let reasons = suggestion.reasons.filter { $0.weight != 0 }.map { ($0.weight > 0 ? "+" : "-") + $0.name }
        return "\(rank)  \(score)  ¶\(suggestion.paragraph)  \(suggestion.start)-\(suggestion.end)\(mark)  \(reasons.joined(separator: " "))\n"
            + "     \(Output.terminalSafe(suggestion.sentence))"
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
