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

    func selector() throws -> TextSelector {
        var start: Int?, end: Int?
        if let span, case .span(let from, let to) = try TextSelector.parseSpan(span) { (start, end) = (from, to) }
        return try TextSelector.choosing(paragraph: paragraph, quote: quote, occurrence: occurrence, start: start, end: end)
    }
}
