import FactDesk
import Foundation

/// Printing helpers shared by the commands.
enum Output {
    /// Prints one error line on stderr and exits with status 1.
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("factdesk: error: \(terminalSafe(message))\n".utf8))
        exit(1)
    }

    /// Prints a notice (something FactDesk repaired on its own) on stderr.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data("factdesk: note: \(terminalSafe(message))\n".utf8))
    }

    /// `message` on one line and safe for a terminal: line breaks, other control characters and
    /// bidirectional controls from user input are shown as escapes (`\n`, `\u{202E}`).
    static func terminalSafe(_ message: String) -> String {
        var out = ""
        for scalar in message.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
                || scalar == "\u{200E}" || scalar == "\u{200F}" || scalar == "\u{061C}":
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Rewrites one progress line on stderr (a terminal), ending it when all is done.
    static func progress(_ done: Int, of total: Int) {
        let line = "\rfactdesk: \(done) of \(total) read…" + (done == total ? " committing\n" : "")
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Prints a warning (something not done, the rest done) on stderr.
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("factdesk: warning: \(terminalSafe(message))\n".utf8))
    }

    static func printJSON<T: Encodable>(_ value: T) throws {
        print(try FactDeskJSON.string(value), terminator: "")
    }

    /// One line per claim: id, status, where, and the claim itself.
    static func claimLine(_ claim: Claim, at now: Date) -> String {
        // Status names are ASCII and at most 12 long (Foundation's padding is slow for 100,000 lines).
        let status = claim.status.rawValue + String(repeating: " ", count: max(0, 12 - claim.status.rawValue.utf8.count))
        var flags = claim.anchorIssue.map { " [\($0.kind.rawValue)]" } ?? ""
        if let review = claim.review, review.isPending { flags += " [awaiting review: \(review.verdict.rawValue) by \(review.proposedBy.name)]" }
        if let conflicts = claim.conflicts, !conflicts.isEmpty {
            flags += " [needs review: merge conflict on \(conflicts.map(\.field.rawValue).joined(separator: ", "))]"
        }
        if let due = claim.due, claim.status.isOpen { flags += claim.isOverdue(at: now) ? " [overdue: \(due)]" : " [due \(due)]" }
        return "\(claim.id)  \(status) \(claim.article) ¶\(claim.paragraph)\(flags)  \(claim.claim.oneLine(limit: 70))"
    }
}
