import FactDesk
import Foundation
import Hummingbird

/// The pages editors work in: the desk's articles, one article with its claims, the report; and
/// the two forms that change the desk without a script (add an article, post a revision).
struct PagesController {
    let desk: DeskPool

    func addRoutes(to group: RouterGroup<DeskRequestContext>) {
        group.get("/") { request, context in
            let editor = try context.signedIn()
            let query = request.uri.queryParameters
            var filter = DeskPage.Filter()
            filter.status = try query["status"].flatMap { $0.isEmpty ? nil : try ClaimStatus.parse(String($0)) }
            filter.mine = query["assignee"] == "me"
            filter.title = query["title"].map(String.init) ?? ""
            return DeskPage.render(try await desk.run { try $0.articleSummaries() }, filter: filter, editor: editor)
        }
        group.get("articles/{slug}") { _, context in
            let (slug, editor) = (try context.slug(), try context.signedIn())
            return ArticlePage.render(try await desk.run { try $0.document(slug) }, editor: editor)
        }
        group.get("report") { _, context in
            let editor = try context.signedIn()
            return ReportPage.render(try await desk.run { try $0.report(claimReviews: true) }, editor: editor)
        }
        group.post("articles") { request, context in
            let fields = try await FormBody.fields(of: request, context: context)
            let editor = try context.editor()
            let slug = try ArticleSlug(fields["id"] ?? "")
            try await desk.write { store in
                try store.addArticle(slug: slug, title: fields["title"] ?? "", url: fields["url"],
                                     text: try ArticleText(normalizing: fields["text"] ?? "", source: "the text"), editor: editor)
            }
            return Redirect.to("/articles/\(slug.value)")
        }
        group.post("articles/{slug}/revision") { request, context in
            let fields = try await FormBody.fields(of: request, context: context)
            let (slug, editor) = (try context.slug(), try context.signedIn())
            let update = try await desk.write { store in
                try store.updateArticle(slug, text: try ArticleText(normalizing: fields["text"] ?? "", source: "the text"),
                                        editor: editor.editor)
            }
            return RevisionPage.render(update, editor: editor)
        }
    }
}

/// What re-anchoring did when a revision was posted from a form.
enum RevisionPage {
    static func render(_ update: ArticleUpdate, editor: SignedInEditor) -> Response {
        Page.make(title: "Revision \(update.revision)", editor: editor) { html in
            html.raw("<h1>Revision \(update.revision) stored</h1>\n<p id=\"reanchoring-summary\">\(update.exact) exact, \(update.moved) moved, ")
            html.raw("\(update.changed) changed, \(update.orphaned) orphaned.</p>\n<ul>")
            for claim in update.claims where claim.result != .exact {
                html.raw("<li><code>")
                html.escaped(claim.id)
                html.raw("</code> \(claim.result.rawValue): “")
                html.escaped(claim.before.quote.oneLine(limit: 120))
                html.raw("”")
                if let after = claim.after, claim.result == .changed {
                    html.raw(" → “")
                    html.escaped(after.quote.oneLine(limit: 120))
                    html.raw("”")
                }
                html.raw("</li>")
            }
            html.raw("</ul>\n<p><a href=\"/articles/")
            html.escaped(update.article)
            html.raw("\">Back to the article</a></p>")
        }
    }
}

extension DeskRequestContext {
    /// The signed-in editor with how they signed in, for pages.
    func signedIn() throws -> SignedInEditor {
        guard let identity else { throw APIError(.unauthorized, "sign in first") }
        return identity
    }
}
