import ArgumentParser
import FactDesk

/// `factdesk import FILE`: W3C Web Annotations back into claims, in one commit.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a W3C Web Annotation collection as claims, in one commit.")

    @Argument(help: "The JSON-LD file (- reads stdin).")
    var file: String

    @OptionGroup var desk: DeskOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let store = try desk.openStore()
        let editor = try desk.resolvedEditor()
        let summary = try store.importW3C(try InputFile.read(file), source: file == "-" ? "standard input" : file,
                                          editor: editor)
        if output.json { return try Output.printJSON(summary) }
        print("Imported \(summary.added.count) new, \(summary.updated.count) updated, \(summary.unchanged.count) unchanged"
              + (summary.older.isEmpty ? "" : "; kept the desk's newer version of " + summary.older.joined(separator: ", "))
              + (summary.reanchored.isEmpty ? "" : "; re-anchored by quote: " + summary.reanchored.joined(separator: ", "))
              + (summary.flagged.isEmpty ? "" : "; flagged: " + summary.flagged.joined(separator: ", ")))
    }
}
