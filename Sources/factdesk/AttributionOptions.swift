import ArgumentParser
import FactDesk
import Foundation

/// Who made a claim, when and where: the options `annotate` and `attribute` share.
struct AttributionOptions: ParsableArguments {
    @Option(name: .long, help: "The person or organization who made the statement.")
    var claimant: String?

    @Option(name: .long, help: "Whether the claimant is a person or an organization (default person).")
    var claimantKind: String?

    @Option(name: .long, help: "When the statement was made: YYYY-MM-DD or an ISO 8601 time.")
    var claimDate: String?

    @Option(name: .long, help: "Where the statement was made (an http(s) URL); repeat for more, first appearance first.")
    var appearance: [String] = []

    /// The attribution given, nil when no option was.
    func attribution() throws -> Attribution? {
        try Attribution.parsing(claimant: claimant, kind: claimantKind, date: claimDate, appearances: appearance, now: Date())
    }
}

/// The `--due DATE` of `annotate` and `assign`.
enum DueDate {
    static func parse(_ text: String?) throws -> DeskDate? {
        try text.map { try DeskDate(parsing: $0, field: "--due", now: Date()) }
    }
}
