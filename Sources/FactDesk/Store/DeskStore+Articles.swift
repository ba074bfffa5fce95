import Foundation
import GitKit

/// An article with its current text, as read from the desk.
public struct ArticleDocument: Sendable {
    public let article: Article
    public let text: ArticleText
    public let claims: [Claim]
}

extension DeskStore {
    /// Adds an article and its text in one commit. `text` is normalized (see `ArticleText`).
    @discardableResult
    public func addArticle(slug: ArticleSlug, title: String, url: String?, text: ArticleText,
                           editor: Editor) throws -> Article {
        let title = try Self.validTitle(title)
        let url = try url.nonEmpty.map { try Source(url: $0, addedBy: editor, addedAt: clock()).url }
        let textData = Data(text.string.utf8)
        return try commit(as: editor) { snapshot in
            _ = try snapshot.settings()
            guard try snapshot.rootTree?.entry(atPath: layout.articleDirectory(slug)) == nil else {
                throw FactDeskError.articleExists(slug.value)
            }
            let now = clock()
            let article = Article(id: slug, title: title, url: url, revision: 1,
                                  textID: ObjectID.hashing(blob: Array(textData)).hex,
                                  createdBy: editor, createdAt: now, updatedBy: editor, updatedAt: now)
            return StagedChange(files: [layout.articleFile(slug): try DeskJSON.encode(article),
                                        layout.textFile(slug): textData],
                                message: "article add \(slug): \(title.oneLine(limit: 60))",
                                result: article)
        }
    }

    /// Every article, sorted by slug.
    public func articles() throws -> [Article] {
        try read { snapshot in try snapshot.articleSlugs().map { try snapshot.article($0) } }
    }

    /// One article with its text and claims.
    /// The article and its claims come from the summary cache when it holds the article's folder.
    public func document(_ slug: ArticleSlug) throws -> ArticleDocument {
        try read { snapshot in
            let record = try snapshot.records([slug], cache: summaryCache())[0]
            return ArticleDocument(article: record.article, text: try snapshot.text(slug), claims: record.claims)
        }
    }

    static func validTitle(_ title: String) throws -> String {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, !trimmed.contains(where: \.isNewline) else {
            throw FactDeskError.invalidInput("an article needs a one-line --title")
        }
        try TextPolicy.checkLine(trimmed, field: "the title")
        return trimmed
    }
}
