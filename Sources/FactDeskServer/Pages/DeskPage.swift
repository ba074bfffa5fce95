import FactDesk
import Hummingbird

/// The front page: every article with its claims by status, those with open or flagged claims
/// first; filters by status, by assignee ("mine") and by title; and a form to add an article.
enum DeskPage {
    /// What the filter form asked for.
    struct Filter {
        var status: ClaimStatus?
        var mine = false
        var title = ""

        func keeps(_ article: ArticleSummary, editor: Editor) -> Bool {
            if let status, (article.byStatus[status.rawValue] ?? 0) == 0 { return false }
            if mine && !article.assignees.contains(where: { Claim.assignee($0, matches: editor.description) }) { return false }
            if !title.isEmpty && !article.title.localizedCaseInsensitiveContains(title) && !article.id.contains(title.lowercased()) {
                return false
            }
            return true
        }
    }

    static func render(_ summaries: [ArticleSummary], filter: Filter, editor: SignedInEditor) -> Response {
        let shown = summaries.filter { filter.keeps($0, editor: editor.editor) }
            .sorted { ($1.open + $1.flagged, $0.id) < ($0.open + $0.flagged, $1.id) }
        return Page.make(title: "Articles", editor: editor, bodyClass: "desk") { html in
            html.raw("<h1>Articles</h1>\n<form class=\"filters\" method=\"get\" action=\"/\" role=\"search\">")
            html.raw("<label>Status <select name=\"status\"><option value=\"\">any</option>")
            for status in ClaimStatus.allCases {
                html.raw("<option value=\"\(status.rawValue)\"\(filter.status == status ? " selected" : "")>\(status.rawValue)</option>")
            }
            html.raw("</select></label> <label><input type=\"checkbox\" name=\"assignee\" value=\"me\"\(filter.mine ? " checked" : "")> assigned to me</label> ")
            html.raw("<label>Title <input type=\"search\" name=\"title\" value=\"")
            html.escaped(filter.title)
            html.raw("\"></label> <button type=\"submit\">Filter</button></form>\n")
            html.raw("<table class=\"articles\"><caption>\(shown.count) of \(summaries.count) article(s)</caption>\n<thead><tr><th scope=\"col\">Article</th>")
            for status in ClaimStatus.allCases { html.raw("<th scope=\"col\">\(status.rawValue)</th>") }
            html.raw("<th scope=\"col\">Lost or changed</th><th scope=\"col\">Revision</th></tr></thead>\n<tbody>\n")
            for article in shown {
                html.raw("<tr><th scope=\"row\"><a href=\"/articles/")
                html.escaped(article.id)
                html.raw("\">")
                html.escaped(article.title)
                html.raw("</a> <code>")
                html.escaped(article.id)
                html.raw("</code></th>")
                for status in ClaimStatus.allCases {
                    let count = article.byStatus[status.rawValue] ?? 0
                    html.raw("<td class=\"count s-\(status.rawValue)\(count == 0 ? " zero" : "")\">\(count)</td>")
                }
                html.raw("<td class=\"count\(article.flagged > 0 ? " flagged" : " zero")\">\(article.flagged)</td><td>\(article.revision)</td></tr>\n")
            }
            html.raw("</tbody></table>\n")
            html.raw("<details class=\"add-article\"><summary>Add an article</summary>\n<form method=\"post\" action=\"/articles\">")
            if case .session(let session) = editor.authentication { Page.csrfField(session, into: &html) }
            html.raw("""
            <label>Id (lowercase words and dashes) <input name="id" required pattern="[a-z0-9][a-z0-9-]*"></label>
            <label>Title <input name="title" required></label>
            <label>URL <input name="url" type="url" placeholder="https://"></label>
            <label>Text <textarea name="text" rows="14" required></textarea></label>
            <button type="submit">Add the article</button>
            </form></details>
            """)
        }
    }
}
