import ArgumentParser
import FactDesk
import Foundation

/// `factdesk article add FILE --id SLUG --title TITLE [--url URL]`.
struct ArticleAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add an article from a UTF-8 text file (- reads stdin).")

    @Argument(help: "The article text, UTF-8; paragraphs separated by blank lines. - reads stdin.")
    var file: String

    @Option(name: .long, help: "The article's id: lowercase letters, digits and hyphens.")
    var id: String

    @Option(name: .long, help: "The article's headline.")
    var title: String

    @Option(name: .long, help: "Where the article is published.")
    var url: String?

    @OptionGroup var desk: DeskOptions

    func run() throws {
        let slug = try ArticleSlug(id)
        let store = try desk.openStore()
        let editor = try desk.resolvedEditor()
        let text = try ArticleText(normalizing: try InputFile.read(file), source: file == "-" ? "standard input" : file)
        let article = try store.addArticle(slug: slug, title: title, url: url, text: text, editor: editor)
        print("Added \(article.id): \(text.paragraphs.count) paragraph(s), \(text.string.count) characters")
    }
}

/// Reads a file named on the command line, or stdin for `-`, with a clear error.
enum InputFile {
    static func read(_ path: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FactDeskError.invalidInput("cannot read \(path): no such readable file")
        }
        return data
    }
}
