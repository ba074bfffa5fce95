import Foundation
import TestSupport

/// Small git CLI look-ups used to check FactDesk's own computations.
enum TestSupportShell {
    static func hashObject(_ text: String) throws -> String {
        let result = try ProcessRunner.run("/usr/bin/git", ["hash-object", "--stdin"], input: Data(text.utf8))
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
