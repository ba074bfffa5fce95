import FactDesk

/// Builds HTML by appending, with every piece of user text escaped on the way in: text and
/// attribute values alike (`&`, `<`, `>`, `"`, `'`), so nothing a user wrote can become markup.
struct HTML {
    private(set) var text = ""

    init() {}

    /// Markup written by FactDesk itself, never user text.
    mutating func raw(_ markup: String) {
        text += markup
    }

    /// User text, escaped.
    mutating func escaped(_ value: String) {
        text += Self.escape(value)
    }

    static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A link's target, only if it is a web address (never `javascript:` or `data:`), escaped.
    static func safeURL(_ url: String) -> String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        return escape(url)
    }

    /// JSON in a `<script type="application/json">` data block: `<` written `\u003c`, so no text
    /// can end the block.
    static func jsonBlock(id: String, json: String) -> String {
        "<script type=\"application/json\" id=\"\(id)\">" + ScriptBlockJSON.escaped(json) + "</script>\n"
    }
}
