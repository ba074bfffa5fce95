import Foundation

extension DeskStore {
    /// The sentences of article `slug` ranked by how check-worthy they look, those a claim
    /// already covers marked (see `ArticleSuggestions`).
    public func suggestions(for slug: ArticleSlug) throws -> ArticleSuggestions {
        ArticleSuggestions(try document(slug))
    }

    /// Files the `count` most check-worthy sentences of `slug` that no claim covers yet as
    /// unverified claims (the sentence as the claim's text, its exact span as the anchor), all in
    /// one commit, through the same claim-making as `annotate`. Returns the claims filed, in rank
    /// order: fewer when fewer sentences are uncovered, none (and no commit) when none is.
    @discardableResult
    public func annotateSuggestions(_ slug: ArticleSlug, top count: Int, editor: Editor) throws -> [Claim] {
        guard count >= 1 else { throw FactDeskError.invalidInput("--annotate needs how many sentences to file, 1 or more") }
        return try commit(as: editor) { snapshot in
            let article = try snapshot.article(slug)
            let claims = try snapshot.claims(in: slug)
            let document = ArticleDocument(article: article, text: try snapshot.text(slug), claims: claims)
            var taken = Set(claims.map(\.id))
            let filed = try ArticleSuggestions(document).uncovered.prefix(count).map { suggestion in
                let request = AnnotationRequest(article: slug, selector: .span(start: suggestion.start, end: suggestion.end),
                                                claim: suggestion.claimText, revision: article.revision)
                return try newClaim(request, in: snapshot, avoiding: &taken, editor: editor)
            }
            let lines = filed.map { "\($0.id) ¶\($0.paragraph) \($0.anchor.start)-\($0.anchor.end): \"\($0.headline(limit: 60))\"" }
            let message = "suggest: annotate the top \(filed.count) uncovered sentence\(filed.count == 1 ? "" : "s") of \(slug)\n\n"
                + lines.joined(separator: "\n") + "\n"
            return StagedChange(files: try claimFiles(filed), message: message, result: filed)
        }
    }
}

extension SentenceSuggestion {
    /// The sentence on one line, as a claim's text: any run of white space (a wrapped line) one space.
    var claimText: String {
        sentence.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
