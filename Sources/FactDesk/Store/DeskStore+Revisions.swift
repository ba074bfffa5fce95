import Foundation
import GitKit

/// What `article update` did to each claim.
public struct ClaimReanchoring: Encodable, Sendable {
    /// Where a claim's text was found in the new revision.
    public enum Result: String, Encodable, Sendable {
        case exact, moved, changed, orphaned
    }

    /// A claim's place in one revision.
    public struct Place: Encodable, Sendable {
        public let start: Int
        public let end: Int
        public let paragraph: Int
        public let quote: String
    }

    public let id: String
    public let result: Result
    /// For a fuzzy match, how similar the new text is to the old quote (0...1).
    public let similarity: Double?
    public let before: Place
    /// Nil for an orphaned claim.
    public let after: Place?
}

/// The outcome of storing a new text revision: counts per result and each claim's move.
public struct ArticleUpdate: Encodable, Sendable {
    public let article: String
    public let revision: Int
    public let exact: Int
    public let moved: Int
    public let changed: Int
    public let orphaned: Int
    public let claims: [ClaimReanchoring]
}

extension DeskStore {
    /// Stores a new text revision of an article and re-anchors every claim on it, all in one commit.
    /// Changed and orphaned claims are flagged (`anchorIssue`), never dropped or misplaced.
    @discardableResult
    public func updateArticle(_ slug: ArticleSlug, text: ArticleText, editor: Editor) throws -> ArticleUpdate {
        let textData = Data(text.string.utf8)
        return try commit(as: editor) { snapshot in
            _ = try snapshot.settings()
            var article = try snapshot.article(slug)
            let oldText = try snapshot.text(slug)
            guard oldText != text else {
                throw FactDeskError.invalidInput("the new text of \(slug) is the same as revision \(article.revision); nothing to update")
            }
            let now = clock()
            article.revision += 1
            article.textID = ObjectID.hashing(blob: Array(textData)).hex
            article.updatedBy = editor
            article.updatedAt = now
            var files: [String: Data?] = [layout.articleFile(slug): try DeskJSON.encode(article), layout.textFile(slug): textData]
            let reanchorer = Reanchorer(old: oldText, new: text)
            var results: [ClaimReanchoring] = []
            for var claim in try snapshot.claims(in: slug) {
                let before = ClaimReanchoring.Place(start: claim.anchor.start, end: claim.anchor.end,
                                                    paragraph: claim.paragraph, quote: claim.anchor.exact)
                let outcome = reanchorer.reanchor(claim.anchor)
                let result = claim.apply(outcome, text: text, revision: article.revision)
                let after = result == .orphaned ? nil : ClaimReanchoring.Place(
                    start: claim.anchor.start, end: claim.anchor.end, paragraph: claim.paragraph, quote: claim.anchor.exact)
                var similarity: Double?
                if case .changed(_, let value) = outcome { similarity = (value * 100).rounded() / 100 }
                results.append(ClaimReanchoring(id: claim.id.value, result: result, similarity: similarity,
                                                before: before, after: after))
                claim.touch(by: editor, at: now)
                files[layout.claimFile(slug, claim.id)] = try DeskJSON.encode(claim)
            }
            let update = ArticleUpdate(article: slug.value, revision: article.revision,
                                       exact: results.filter { $0.result == .exact }.count,
                                       moved: results.filter { $0.result == .moved }.count,
                                       changed: results.filter { $0.result == .changed }.count,
                                       orphaned: results.filter { $0.result == .orphaned }.count,
                                       claims: results)
            let details = results.filter { $0.result != .exact }.map(Self.describe)
            let message = "article update \(slug): revision \(article.revision) (\(update.exact) exact, \(update.moved) moved, "
                + "\(update.changed) changed, \(update.orphaned) orphaned)"
                + (details.isEmpty ? "" : "\n\n" + details.joined(separator: "\n")) + "\n"
            return StagedChange(files: files, message: message, result: update)
        }
    }

    /// Re-attaches a claim to the current text by quote, span or paragraph, clearing its flag.
    @discardableResult
    public func reanchor(_ reference: String, to selector: TextSelector, revision: Int? = nil, editor: Editor) throws -> Claim {
        try commit(as: editor) { snapshot in
            _ = try snapshot.settings()
            let location = try snapshot.locateClaim(reference)
            var claim = try snapshot.claim(location.id, in: location.slug)
            let article = try snapshot.article(location.slug)
            try article.check(revision: revision)
            let text = try snapshot.text(location.slug)
            let range = try selector.resolve(in: text)
            let was = claim.anchorIssue.map { " (was \($0.kind.rawValue))" } ?? ""
            claim.anchor = Anchor(range: range, in: text, revision: article.revision)
            claim.paragraph = text.paragraphNumber(at: range.lowerBound) ?? 1
            claim.anchorIssue = nil
            let now = clock()
            claim.touch(by: editor, at: now)
            let message = "reanchor \(claim.id): ¶\(claim.paragraph) \(range.lowerBound)-\(range.upperBound)\(was)\n\n"
                + "\(claim.id) re-attached to “\(claim.anchor.exact.oneLine(limit: 80))”\n"
            return StagedChange(files: [layout.claimFile(claim.article, claim.id): try DeskJSON.encode(claim)],
                                message: message, result: claim)
        }
    }

    private static func describe(_ result: ClaimReanchoring) -> String {
        let before = "¶\(result.before.paragraph) \(result.before.start)-\(result.before.end)"
        guard let after = result.after else {
            return "\(result.id) orphaned: “\(result.before.quote.oneLine(limit: 60))” not found (was \(before))"
        }
        let place = "\(before) → ¶\(after.paragraph) \(after.start)-\(after.end)"
        if result.result == .changed {
            return "\(result.id) changed \(place): “\(result.before.quote.oneLine(limit: 50))” → “\(after.quote.oneLine(limit: 50))”"
        }
        return "\(result.id) moved \(place)"
    }
}

extension Claim {
    /// Moves the anchor as `outcome` says, flagging a changed or orphaned claim.
    mutating func apply(_ outcome: Reanchorer.Outcome, text: ArticleText, revision: Int) -> ClaimReanchoring.Result {
        let previousQuote = anchor.exact
        func move(to range: Range<Int>) {
            anchor = Anchor(range: range, in: text, revision: revision)
            paragraph = text.paragraphNumber(at: range.lowerBound) ?? 1
        }
        switch outcome {
        case .exact(let range):
            move(to: range)
            if anchorIssue?.kind == .orphaned { anchorIssue = nil }
            return .exact
        case .moved(let range):
            move(to: range)
            if anchorIssue?.kind == .orphaned { anchorIssue = nil }
            return .moved
        case .changed(let range, _):
            move(to: range)
            anchorIssue = AnchorIssue(kind: .changed, revision: revision, previousQuote: anchorIssue?.previousQuote ?? previousQuote)
            return .changed
        case .orphaned:
            anchorIssue = AnchorIssue(kind: .orphaned, revision: revision, previousQuote: anchorIssue?.previousQuote ?? previousQuote)
            return .orphaned
        }
    }
}
