import ArgumentParser
import FactDesk

/// `factdesk claims [SLUG] [--status S]`.
struct ClaimsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims", abstract: "List claims, of one article or all, optionally of one status.")

    @Argument(help: "Only this article's claims.")
    var slug: String?

    @Option(name: .long, help: "Only claims with this status.")
    var status: String?

    @OptionGroup var desk: DeskOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let article = try slug.map { try ArticleSlug($0) }
        let wanted = try status.map { try ClaimStatus.parse($0) }
        let claims = try desk.openStore().claims(in: article, status: wanted)
        if output.json { return try Output.printJSON(claims.map(ClaimView.init)) }
        if claims.isEmpty { print("No claims.") }
        for claim in claims { print(Output.claimLine(claim)) }
    }
}
