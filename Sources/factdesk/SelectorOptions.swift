import ArgumentParser
import FactDesk

/// `--paragraph N | --quote TEXT [--occurrence K] | --span START-END`: where in the text.
struct SelectorOptions: ParsableArguments {
    @Option(name: .long, help: "A paragraph number, from 1 (see `article show`).")
    var paragraph: Int?

    @Option(name: .long, help: "The text the claim is about; quote style, dashes and spaces need not match exactly.")
    var quote: String?

    @Option(name: .long, help: "Which occurrence of --quote, from 1, when it occurs more than once.")
    var occurrence: Int?

    @Option(name: .long, help: "START-END in Unicode scalar offsets, end exclusive (see `article show`).")
    var span: String?

    func validate() throws {
        let chosen = [paragraph != nil, quote != nil, span != nil].filter { $0 }.count
        guard chosen == 1 else { throw ValidationError("give exactly one of --paragraph, --quote or --span") }
        if occurrence != nil && quote == nil { throw ValidationError("--occurrence goes with --quote") }
    }

    func selector() throws -> TextSelector {
        if let paragraph { return .paragraph(paragraph) }
        if let quote { return .quote(quote, occurrence: occurrence) }
        return try TextSelector.parseSpan(span ?? "")
    }
}
