import ArgumentParser
import FactDesk
import Foundation

/// `factdesk claims [SLUG] [--status S] [--assignee NAME|me] [--overdue] [--needs-review] [--conflicted]`.
struct ClaimsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims", abstract: "List claims, of one article or all: by status, assignee, deadline or awaiting review.")

    @Argument(help: "Only this article's claims.")
    var slug: String?

    @Option(name: .long, help: "Only claims with this status.")
    var status: String?

    @Option(name: .long, help: "Only claims assigned to this editor (name, email or \"Name <email>\"); me for your own.")
    var assignee: String?

    @Flag(name: .long, help: "Only open claims past their deadline.")
    var overdue = false

    @Flag(name: .long, help: "Only claims that need a review: a verdict awaiting a second editor, or a merge conflict.")
    var needsReview = false

    @Flag(name: .long, help: "Only claims holding a merge conflict from sync (settle with `factdesk resolve`).")
    var conflicted = false

    @OptionGroup var desk: DeskOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let article = try slug.map { try ArticleSlug($0) }
        let wanted = try status.map { try ClaimStatus.parse($0) }
        let person = try assignee.map { $0.lowercased() == "me" ? try desk.resolvedEditor().description : $0 }
        let filter = ClaimFilter(status: wanted, assignee: person, overdue: overdue, needsReview: needsReview, conflicted: conflicted)
        let claims = try desk.openStore().claims(in: article, matching: filter)
        let now = Date()
        if output.json { return try Output.printJSON(claims.map { ClaimView($0, at: now) }) }
        if claims.isEmpty { print("No claims.") }
        for claim in claims { print(Output.claimLine(claim, at: now)) }
    }
}
