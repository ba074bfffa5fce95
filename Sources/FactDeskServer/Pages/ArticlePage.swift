import FactDesk
import Foundation
import Hummingbird

/// An article with every claim's span highlighted by status. The text element holds exactly the
/// stored text (`white-space: pre-wrap`, highlights as `<mark>` around runs of it), so a
/// browser selection inside it maps to the stored Unicode scalar offsets by walking its text
/// nodes (desk.js). Overlapping and nested claims split the text into runs, each run listing
/// every claim over it; the innermost claim's status colours it.
enum ArticlePage {
    static func render(_ document: ArticleDocument, editor: SignedInEditor) -> Response {
        let article = document.article
        let placed = document.claims.filter { $0.anchorIssue?.kind != .orphaned && $0.anchor.revision == article.revision }
        let flagged = document.claims.filter { $0.anchorIssue != nil }
        return Page.make(title: article.title, editor: editor, bodyClass: "article-page") { html in
            html.raw("<div id=\"article\" data-slug=\"")
            html.escaped(article.id.value)
            html.raw("\" data-revision=\"\(article.revision)\">\n<header class=\"article-head\"><h1>")
            html.escaped(article.title)
            html.raw("</h1><p class=\"meta\"><code>")
            html.escaped(article.id.value)
            html.raw("</code> · revision \(article.revision) · \(document.claims.count) claim(s)")
            if let url = article.url.flatMap(HTML.safeURL) { html.raw(" · <a href=\"\(url)\" rel=\"noreferrer noopener\">published page</a>") }
            html.raw("</p></header>\n")
            legend(into: &html)
            html.raw("<div class=\"columns\">\n<section class=\"text-column\" aria-label=\"Article text\">\n")
            html.raw("<p class=\"hint\" id=\"text-hint\">Select words with the mouse, or click in the text (or Tab to it) and extend with Shift and the arrow keys; ")
            html.raw("then press <kbd>c</kbd> or the button to file a claim on them. <kbd>j</kbd>/<kbd>k</kbd> next/previous claim, <kbd>Enter</kbd> opens it, ")
            html.raw("<kbd>1</kbd>–<kbd>6</kbd> set its status, <kbd>Esc</kbd> closes, <kbd>?</kbd> lists the keys.</p>\n")
            html.raw("<div class=\"text-tools\"><button type=\"button\" id=\"file-claim\" aria-keyshortcuts=\"c\">File a claim on the selection<kbd>c</kbd></button>")
            html.raw("<span id=\"selection-info\" class=\"selection-info\"></span></div>\n")
            // Exactly the stored text: nothing but <mark> elements around runs of it (see `highlighted`).
            html.raw("<div id=\"article-text\" class=\"article-text\" tabindex=\"0\" role=\"document\" aria-label=\"Article text\" aria-describedby=\"text-hint\">")
            highlighted(document.text, claims: placed, into: &html)
            html.raw("</div>\n")
            html.raw("</section>\n<aside class=\"side\" aria-label=\"Claims\">\n")
            newClaimForm(into: &html)
            html.raw("<section id=\"claim-panel\" class=\"panel claim-panel\" aria-label=\"Claim\" hidden></section>\n")
            claimList(document.claims, into: &html)
            flaggedList(flagged, into: &html)
            revisionForm(document, editor: editor, into: &html)
            keys(into: &html)
            html.raw("</aside>\n</div>\n</div>\n")
            html.raw(HTML.jsonBlock(id: "claims-data", json: ClaimsData.json(document.claims)))
            // Where to look first: the ranked sentences, read by suggest.js from the API (after desk.js).
            html.raw("<link rel=\"stylesheet\" href=\"/assets/suggest.css\">\n<script src=\"/assets/suggest.js\" defer></script>\n")
        }
    }

    /// The text, with a `<mark>` around each run that claims cover, naming every claim over it.
    static func highlighted(_ text: ArticleText, claims: [Claim], into html: inout HTML) {
        var edges = Set([0, text.count])
        for claim in claims { edges.insert(claim.anchor.start); edges.insert(claim.anchor.end) }
        let cuts = edges.filter { (0...text.count).contains($0) }.sorted()
        for (start, end) in zip(cuts, cuts.dropFirst()) where start < end {
            let over = claims.filter { $0.anchor.start <= start && $0.anchor.end >= end }
                .sorted { ($0.anchor.end - $0.anchor.start, $0.id) < ($1.anchor.end - $1.anchor.start, $1.id) }
            let run = HTML.escape(text.substring(start..<end))
            guard let innermost = over.first else { html.raw(run); continue }
            html.raw("<mark class=\"hl s-\(innermost.status.rawValue)\(over.count > 1 ? " nested" : "")\" data-claims=\"")
            html.escaped(over.map(\.id.value).joined(separator: " "))
            html.raw("\" data-depth=\"\(min(over.count, 4))\">\(run)</mark>")
        }
    }

    /// The keyboard shortcuts desk.js answers to.
    private static func keys(into html: inout HTML) {
        html.raw("""
        <details class="keys" id="keys"><summary>Keyboard shortcuts</summary><dl>
        <dt><kbd>Tab</kbd></dt><dd>reach the text (then a caret shows)</dd>
        <dt><kbd>←</kbd> <kbd>→</kbd> <kbd>↑</kbd> <kbd>↓</kbd></dt><dd>move the caret in the text (<kbd>Ctrl</kbd>: by word or paragraph)</dd>
        <dt><kbd>Shift</kbd>+arrows</dt><dd>select text (<kbd>Shift</kbd>+<kbd>Home</kbd>/<kbd>End</kbd>: to the line's edge)</dd>
        <dt><kbd>c</kbd></dt><dd>file a claim on the selection</dd>
        <dt><kbd>j</kbd> / <kbd>k</kbd></dt><dd>next / previous claim</dd>
        <dt><kbd>Enter</kbd></dt><dd>open the claim (a list when several cover the text)</dd>
        <dt><kbd>1</kbd>–<kbd>6</kbd></dt><dd>set the status: unverified, in-review, verified, false, misleading, unverifiable</dd>
        <dt><kbd>Esc</kbd></dt><dd>close the panel or form, back to the claim</dd>
        <dt><kbd>?</kbd></dt><dd>this list</dd>
        </dl></details>

        """)
    }

    private static func legend(into html: inout HTML) {
        html.raw("<ul class=\"legend\" aria-label=\"Colours by status\">")
        for status in ClaimStatus.allCases { html.raw("<li><span class=\"swatch s-\(status.rawValue)\"></span>\(status.rawValue)</li>") }
        html.raw("<li><span class=\"swatch nested-swatch\"></span>several claims</li></ul>\n")
    }

    private static func claimList(_ claims: [Claim], into html: inout HTML) {
        html.raw("<section class=\"claims\"><h2>Claims</h2>\n")
        if claims.isEmpty { html.raw("<p>No claims yet: select text to file one.</p>") }
        html.raw("<ol id=\"claim-list\" class=\"claim-list\">")
        for claim in claims {
            html.raw("<li><button type=\"button\" class=\"claim-item s-\(claim.status.rawValue)\" data-claim=\"")
            html.escaped(claim.id.value)
            html.raw("\"><span class=\"status\">\(claim.status.rawValue)</span> ")
            html.escaped(claim.headline(limit: 80))
            if claim.awaitingReview { html.raw(" <span class=\"flag\">awaiting review</span>") }
            if claim.hasMergeConflicts { html.raw(" <span class=\"flag conflict\">merge conflict</span>") }
            if let issue = claim.anchorIssue { html.raw(" <span class=\"flag\">\(issue.kind.rawValue)</span>") }
            html.raw("</button></li>")
        }
        html.raw("</ol></section>\n")
    }

    private static func flaggedList(_ claims: [Claim], into html: inout HTML) {
        guard !claims.isEmpty else { return }
        html.raw("<section class=\"flagged\" id=\"flagged\"><h2>Lost or changed in a revision</h2><ul>")
        for claim in claims {
            guard let issue = claim.anchorIssue else { continue }
            html.raw("<li><strong>\(issue.kind.rawValue)</strong> in revision \(issue.revision): <button type=\"button\" class=\"link open-claim\" data-claim=\"")
            html.escaped(claim.id.value)
            html.raw("\">")
            html.escaped(claim.headline(limit: 80))
            html.raw("</button><blockquote>was “")
            html.escaped(issue.previousQuote)
            html.raw("”</blockquote></li>")
        }
        html.raw("</ul></section>\n")
    }

    private static func newClaimForm(into html: inout HTML) {
        html.raw("""
        <form id="new-claim" class="panel new-claim" hidden aria-labelledby="new-claim-title">
        <h2 id="new-claim-title">File a claim</h2>
        <blockquote id="new-claim-quote"></blockquote>
        <input type="hidden" name="start"><input type="hidden" name="end">
        <label>Claim <input name="claim" required></label>
        <label>Sources (one URL a line) <textarea name="sources" rows="2"></textarea></label>
        <label>Note <textarea name="note" rows="2"></textarea></label>
        <label>Assignee <input name="assignee" placeholder="Name &lt;email&gt;"></label>
        <label>Due <input name="due" placeholder="YYYY-MM-DD"></label>
        <label>Claimant <input name="claimant"></label>
        <p class="error" role="alert" hidden></p>
        <button type="submit">File the claim</button> <button type="button" class="cancel">Cancel</button>
        </form>

        """)
    }

    private static func revisionForm(_ document: ArticleDocument, editor: SignedInEditor, into html: inout HTML) {
        html.raw("<details class=\"revision\"><summary>Post a new revision</summary>\n<form method=\"post\" id=\"revision-form\" action=\"/articles/")
        html.escaped(document.article.id.value)
        html.raw("/revision\">")
        if case .session(let session) = editor.authentication { Page.csrfField(session, into: &html) }
        html.raw("<p class=\"error\" role=\"alert\" hidden></p>")
        html.raw("<label>Text <textarea name=\"text\" rows=\"12\" required>")
        // A newline first: the HTML parser drops one leading newline of a textarea's content.
        html.raw("\n")
        html.escaped(document.text.string)
        html.raw("</textarea></label><button type=\"submit\">Store the revision and re-anchor every claim</button></form></details>\n")
    }
}

/// The claims a page's script reads, as compact JSON with the keys of `factdesk show --json`.
enum ClaimsData {
    static func json(_ claims: [Claim]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(claims.map { ClaimView($0) }) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}
