import Foundation

/// A failure a user can cause or fix: each case renders as one line saying what went wrong
/// and what to do about it. Nothing was changed in the store when one of these is thrown.
public enum FactDeskError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidInput(String)
    case notADesk(String)
    case unknownArticle(String)
    case unknownClaim(String)
    case ambiguousClaim(String, candidates: [String])
    case articleExists(String)
    case quoteNotFound(String)
    case ambiguousQuote(String, occurrences: [String])
    /// Offsets taken on one revision of an article, sent after it was revised.
    case staleRevision(article: String, given: Int, current: Int)
    case corruptFile(path: String, detail: String)
    case policy(String)
    case storage(String)
    /// Two histories changed the same text (or desk setting) in ways no rule can merge.
    case mergeConflict(String)

    public var description: String {
        switch self {
        case .invalidInput(let message), .policy(let message), .storage(let message), .notADesk(let message),
             .mergeConflict(let message):
            return message
        case .unknownArticle(let slug):
            return "no article '\(slug)' in this desk (see `factdesk article list`)"
        case .unknownClaim(let reference):
            return "no claim matches '\(reference)' (see `factdesk claims`)"
        case .ambiguousClaim(let reference, let candidates):
            return "claim id '\(reference)' is ambiguous: it matches \(candidates.joined(separator: ", ")); give more characters"
        case .articleExists(let slug):
            return "article '\(slug)' already exists; choose another --id"
        case .quoteNotFound(let quote):
            return "quote not found in the article text: \"\(quote)\" (see `factdesk article show`)"
        case .ambiguousQuote(let quote, let occurrences):
            return "quote \"\(quote)\" occurs \(occurrences.count) times; choose one with --occurrence K: "
                + occurrences.enumerated().map { "\($0.offset + 1)) \($0.element)" }.joined(separator: "; ")
        case .staleRevision(let article, let given, let current):
            return "\(article) is at revision \(current) now, not \(given): the offsets name other text; reload it and select again"
        case .corruptFile(let path, let detail):
            return "\(path) is not a valid FactDesk file (\(detail)); fix it by hand and commit, or restore a good version listed by `git log -- \(path)`"
        }
    }
}
