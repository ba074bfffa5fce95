import FactDesk
import Foundation

/// Printing helpers shared by the commands.
enum Output {
    /// Prints one error line on stderr and exits with status 1.
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("factdesk: error: \(escapingLineBreaks(message))\n".utf8))
        exit(1)
    }

    /// Prints a notice (something FactDesk repaired on its own) on stderr.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data("factdesk: note: \(escapingLineBreaks(message))\n".utf8))
    }

    /// `message` on one line: line breaks from user input shown as `\n`, so an error is one line.
    static func escapingLineBreaks(_ message: String) -> String {
        message.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func printJSON<T: Encodable>(_ value: T) throws {
        print(try FactDeskJSON.string(value), terminator: "")
    }

    /// One line per claim: id, status, where, and the claim itself.
    static func claimLine(_ claim: Claim) -> String {
        let status = claim.status.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
        let flag = claim.anchorIssue.map { " [\($0.kind.rawValue)]" } ?? ""
        return "\(claim.id)  \(status) \(claim.article) ¶\(claim.paragraph)\(flag)  \(claim.claim.oneLine(limit: 70))"
    }
}
