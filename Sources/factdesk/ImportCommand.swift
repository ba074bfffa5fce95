import ArgumentParser
import FactDesk

/// `factdesk import [--format w3c|hypothesis|csv] FILE`: W3C Web Annotations, Hypothesis's own
/// JSON or a claims CSV into claims, in one commit.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a W3C Web Annotation collection, Hypothesis annotations or a claims CSV as claims, in one commit.")

    @Argument(help: "The JSON or CSV file (- reads stdin).")
    var file: String

    @Option(name: .long, help: "The file's format: w3c (JSON-LD, as `export` writes it), hypothesis (its API's search result or export) or csv (the columns of `export --format csv`).")
    var format: String = "w3c"

    @Option(name: .long, help: "Hypothesis only: the annotation's text becomes the claim (default) or a note, the claim being the quote.")
    var textAs: String?

    @Flag(name: .long, help: "CSV only: commit the good rows and list the bad ones, instead of importing nothing.")
    var skipBad = false

    @OptionGroup var desk: DeskOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        guard textAs == nil || format == "hypothesis" else { throw FactDeskError.invalidInput("--text-as applies to --format hypothesis only") }
        guard !skipBad || format == "csv" else { throw FactDeskError.invalidInput("--skip-bad applies to --format csv only") }
        switch format {
        case "w3c": try importW3C()
        case "hypothesis":
            let role = try textAs.map { text in
                guard let role = HypothesisTextRole(rawValue: text) else {
                    throw FactDeskError.invalidInput("--text-as is claim or note, not '\(text)'")
                }
                return role
            } ?? .claim
            try importHypothesis(textAs: role)
        case "csv": try importCSV()
        default:
            throw FactDeskError.invalidInput("unknown import format '\(format)'; use w3c, hypothesis or csv")
        }
    }

    private var source: String { file == "-" ? "standard input" : file }

    private func importW3C() throws {
        let store = try desk.openStore()
        let editor = try desk.resolvedEditor()
        let summary = try store.importW3C(try InputFile.read(file), source: source, editor: editor)
        if output.json { return try Output.printJSON(summary) }
        print("Imported \(summary.added.count) new, \(summary.updated.count) updated, \(summary.unchanged.count) unchanged"
              + (summary.older.isEmpty ? "" : "; kept the desk's newer version of " + summary.older.joined(separator: ", "))
              + (summary.reanchored.isEmpty ? "" : "; re-anchored by quote: " + summary.reanchored.joined(separator: ", "))
              + (summary.flagged.isEmpty ? "" : "; flagged: " + summary.flagged.joined(separator: ", ")))
    }

    /// Prints a summary line, then one line per annotation not in the desk and per annotation skipped.
    private func importHypothesis(textAs role: HypothesisTextRole) throws {
        let store = try desk.openStore()
        let editor = try desk.resolvedEditor()
        let summary = try store.importHypothesis(try InputFile.read(file), source: source, textAs: role, editor: editor)
        if output.json { return try Output.printJSON(summary) }
        print("Imported \(summary.added.count) new, \(summary.updated.count) updated, \(summary.unchanged.count) unchanged"
              + (summary.older.isEmpty ? "" : "; kept the desk's newer version of " + summary.older.joined(separator: ", "))
              + "; \(summary.reanchored.count) anchored by quote"
              + (summary.changed.isEmpty ? "" : "; changed (similar words only): " + summary.changed.joined(separator: ", "))
              + (summary.orphaned.isEmpty ? "" : "; orphaned (quote not found): " + summary.orphaned.joined(separator: ", "))
              + "; \(summary.notInDesk.count) not in the desk, \(summary.skipped.count) skipped")
        for annotation in summary.notInDesk {
            let title = annotation.title.map { " “\($0)”" } ?? ""
            print(Output.terminalSafe("not in the desk: \(annotation.annotation) \(annotation.uri ?? "")\(title)"))
        }
        for annotation in summary.skipped {
            print(Output.terminalSafe("skipped: \(annotation.annotation) \(annotation.uri ?? ""): \(annotation.reason)"))
        }
    }

    private func importCSV() throws {
        let store = try desk.openStore()
        let editor = try desk.resolvedEditor()
        let summary = try store.importCSV(try InputFile.read(file), source: source, skipBad: skipBad, editor: editor)
        if output.json { return try Output.printJSON(summary) }
        if summary.added.isEmpty && summary.updated.isEmpty && summary.unchanged.isEmpty && summary.skipped.isEmpty {
            return print("Nothing to import: \(Output.terminalSafe(source)) has a header row and no claim rows")
        }
        print("Imported \(summary.added.count) new, \(summary.updated.count) updated, \(summary.unchanged.count) unchanged"
              + (summary.skipped.isEmpty ? "" : "; skipped \(summary.skipped.count) bad row(s):"))
        for skipped in summary.skipped { print("  row \(skipped.row): \(Output.terminalSafe(skipped.problem))") }
    }
}
