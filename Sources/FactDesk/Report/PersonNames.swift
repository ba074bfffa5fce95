import Foundation

/// Editors' names as reports show them, `Jane Doe` from `Jane Doe <jane@example.org>`; remembered,
/// because a report names the same few editors thousands of times.
struct PersonNames {
    private var known: [String: String] = [:]

    mutating func name(of editor: String) -> String {
        if let name = known[editor] { return name }
        let name = editor.firstIndex(of: "<").map { String(editor[..<$0]).trimmingCharacters(in: .whitespaces) } ?? editor
        known[editor] = name
        return name
    }
}
