import FactDesk
import Hummingbird

/// The frame of every page: the head with the desk's own stylesheet and script (no CDN, no inline
/// script), the navigation with the signed-in editor, and the CSRF token for scripts and forms.
enum Page {
    static func make(title: String, editor: SignedInEditor?, status: HTTPResponse.Status = .ok,
                     bodyClass: String = "", _ content: (inout HTML) -> Void) -> Response {
        var html = HTML()
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        html.escaped(title)
        html.raw(" · FactDesk</title>\n<link rel=\"stylesheet\" href=\"/assets/desk.css\">\n")
        if case .session(let session) = editor?.authentication {
            html.raw("<meta name=\"csrf-token\" content=\"")
            html.escaped(session.csrfToken)
            html.raw("\">\n")
        }
        html.raw("<script src=\"/assets/desk.js\" defer></script>\n</head>\n<body class=\"")
        html.escaped(bodyClass)
        html.raw("\">\n<a class=\"skip\" href=\"#main\">Skip to content</a>\n<header class=\"top\"><nav aria-label=\"Desk\">")
        html.raw("<a class=\"brand\" href=\"/\">FactDesk</a>")
        if let editor {
            html.raw("<a href=\"/\">Articles</a><a href=\"/report\">Report</a><span class=\"who\">Signed in as ")
            html.escaped(editor.editor.name)
            html.raw("</span>")
            if case .session(let session) = editor.authentication {
                html.raw("<form method=\"post\" action=\"/signout\" class=\"inline\">")
                csrfField(session, into: &html)
                html.raw("<button type=\"submit\">Sign out</button></form>")
            }
        }
        html.raw("</nav></header>\n<main id=\"main\" tabindex=\"-1\">\n")
        content(&html)
        html.raw("\n</main>\n</body>\n</html>\n")
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: html.text)))
    }

    /// The hidden `csrf` field every form posts.
    static func csrfField(_ session: DeskSession, into html: inout HTML) {
        html.raw("<input type=\"hidden\" name=\"csrf\" value=\"")
        html.escaped(session.csrfToken)
        html.raw("\">")
    }

    /// A page saying what went wrong and where to go next.
    static func error(_ status: HTTPResponse.Status, message: String, editor: SignedInEditor?) -> Response {
        make(title: status == .notFound ? "Not found" : "Something went wrong", editor: editor, status: status) { html in
            html.raw("<h1>")
            html.escaped(status == .notFound ? "Not found" : "That did not work")
            html.raw("</h1>\n<p class=\"error\" role=\"alert\">")
            html.escaped(message)
            html.raw("</p>\n<p><a href=\"/\">Back to the desk</a></p>")
        }
    }
}
