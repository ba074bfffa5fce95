import Foundation

/// One import's work in progress, shared by every importer (W3C, Hypothesis, CSV), so that its
/// cost follows the annotations and the articles they touch, never the size of the desk: each
/// article read once, with one re-anchorer over its text; a claim found by id through one index
/// of the desk; each imported claim compared with the desk's and staged only when it is new.
final class ImportBatch {
    /// How an imported claim compared with the desk.
    enum Outcome {
        case added, updated, unchanged
        /// The desk's claim is newer (by `updatedAt`): the desk's work is kept.
        case older
    }

    let snapshot: DeskSnapshot
    let layout: StoreLayout
    let editor: Editor
    let now: Date
    let settings: DeskSettings
    private var articles: [ArticleSlug: ImportedArticle] = [:]
    private var urlIndex: [String: ArticleSlug]?
    private var currentClaims: [ClaimID: Claim] = [:]
    private(set) var files: [String: Data?] = [:]
    private(set) var added: [String] = [], updated: [String] = [], unchanged: [String] = [], older: [String] = []

    init(snapshot: DeskSnapshot, layout: StoreLayout, editor: Editor, now: Date) throws {
        self.snapshot = snapshot
        self.layout = layout
        self.editor = editor
        self.now = now
        settings = try snapshot.settings()
    }

    /// The article `slug`, read once per import.
    func article(_ slug: ArticleSlug) throws -> ImportedArticle {
        if let known = articles[slug] { return known }
        let imported = ImportedArticle(article: try snapshot.article(slug), text: try snapshot.text(slug))
        articles[slug] = imported
        return imported
    }

    /// The article whose URL is `url` (compared without a trailing slash or fragment), if any;
    /// the desk's URLs are read once, on first need.
    func article(forURL url: String) throws -> ArticleSlug? {
        if urlIndex == nil {
            var index: [String: ArticleSlug] = [:]
            for slug in try snapshot.articleSlugs() {
                if let articleURL = try snapshot.article(slug).url { index[Self.comparable(articleURL)] = slug }
            }
            urlIndex = index
        }
        return urlIndex?[Self.comparable(url)]
    }

    /// The article holding claim `id` in the desk, if any.
    func holder(of id: ClaimID) throws -> ArticleSlug? {
        try snapshot.article(holding: id)
    }

    /// The desk's version of claim `id`, filed under `slug`, read once per import (an importer may
    /// look at it before staging, as the Hypothesis importer does to refuse an id another claim holds).
    func current(_ id: ClaimID, in slug: ArticleSlug) throws -> Claim {
        if let known = currentClaims[id], known.article == slug { return known }
        let claim = try snapshot.claim(id, in: slug)
        currentClaims[id] = claim
        return claim
    }

    /// Stages `claim` unless the desk already has it as it is, or has a newer version of it.
    @discardableResult
    func stage(_ claim: Claim) throws -> Outcome {
        let outcome: Outcome
        if let holder = try holder(of: claim.id) {
            guard holder == claim.article else {
                throw FactDeskError.invalidInput("claim \(claim.id) belongs to \(holder) in this desk, not to \(claim.article)")
            }
            let current = try current(claim.id, in: holder)
            if current == claim {
                outcome = .unchanged
            } else if current.updatedAt > claim.updatedAt {
                outcome = .older
            } else {
                outcome = .updated
            }
        } else {
            outcome = files[layout.claimFile(claim.article, claim.id)] == nil ? .added : .updated
        }
        switch outcome {
        case .added: added.append(claim.id.value)
        case .updated: updated.append(claim.id.value)
        case .unchanged: unchanged.append(claim.id.value)
        case .older: older.append(claim.id.value)
        }
        if outcome == .added || outcome == .updated {
            files[layout.claimFile(claim.article, claim.id)] = try DeskJSON.encode(claim)
        }
        return outcome
    }

    /// Records that the desk's version of claim `id` is kept and the imported one left out.
    func keepDesk(_ id: ClaimID) {
        older.append(id.value)
    }

    /// `https://News.example/a/#x` and `https://news.example/a` alike.
    private static func comparable(_ url: String) -> String {
        var text = url.trimmingCharacters(in: .whitespaces)
        if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
        while text.hasSuffix("/") { text.removeLast() }
        guard var parts = URLComponents(string: text) else { return text }
        parts.scheme = parts.scheme?.lowercased()
        parts.host = parts.host?.lowercased()
        return parts.string ?? text
    }
}

/// An article as an import sees it: read once, with one re-anchorer over its current text.
final class ImportedArticle {
    let article: Article
    let text: ArticleText
    private lazy var reanchorer = Reanchorer(old: text, new: text)
    /// Quotes of the rows or annotations on this article, all looked for in one search.
    private(set) lazy var quotes = QuoteSearch(text: text)

    init(article: Article, text: ArticleText) {
        self.article = article
        self.text = text
    }

    /// Where an imported anchor lands on the current text: where it says when it holds its
    /// quote on this revision, else wherever its quote and context are found, as re-anchoring
    /// finds a claim's text after a revision.
    func place(_ anchor: Anchor) -> Reanchorer.Outcome {
        holds(anchor) ? .exact(anchor.range) : reanchorer.reanchor(anchor)
    }

    /// Whether `anchor` was taken on the current revision and still holds its quote.
    func holds(_ anchor: Anchor) -> Bool {
        anchor.revision == article.revision && anchor.start >= 0 && anchor.start < anchor.end
            && anchor.end <= text.count && text.scalars[anchor.range].elementsEqual(anchor.exact.unicodeScalars)
    }
}
