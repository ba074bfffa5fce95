import FactDesk
@testable import FactDeskServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// Whatever editors write (titles, article text, claims, notes, source titles, assignees,
/// claimants, quotes, filter text) renders as inert text on every page: no tag, attribute or
/// `javascript:` link comes out of it, and the JSON data blocks of a page cannot be closed
/// early. `javascript:` and other script URLs are refused where they are stored.
@Suite struct EscapingTests {
    static let script = "<script>alert(1)</script>"
    static let breakout = "\"><img src=x onerror=alert(1)>"
    static let attribute = "' onmouseover='x"
    static let closer = "</script><script>alert(2)</script><!--"
    static let textarea = "</textarea><script>alert(3)</script>"
    static let payloads = [script, breakout, attribute, closer, textarea]

    static let text = """
    Intro \(script) in the text.

    Second \(breakout) here.

    Third \(attribute) there.

    Fourth \(closer) and \(textarea) end.
    """

    /// A desk whose article, claims, notes, sources, assignee, claimant, publisher and revision all hold the payloads.
    static func hostileDesk() throws -> (ServerFixture, ArticleSlug, orphan: String) {
        let fixture = try ServerFixture()
        let store = fixture.store, ana = fixture.ana
        let slug = try ArticleSlug("hostile")
        try store.addArticle(slug: slug, title: "Title \(script) \(breakout) \(attribute)",
                             url: "https://news.example/x?q='onmouseover='alert(1)&r=1",
                             text: try ArticleText(normalizing: text, source: "test"), editor: ana)
        func quote(_ text: String) -> TextSelector { .quote(text, occurrence: nil) }
        let first = try store.annotate(AnnotationRequest(article: slug, selector: quote(script), claim: script, note: breakout,
                                                         assignee: "x\(attribute) <x@example.org>"), editor: ana)
        _ = try store.addSource(to: first.id.value, url: "https://example.org/source?a='b'", title: attribute + script, note: closer, editor: ana)
        _ = try store.annotate(AnnotationRequest(article: slug, selector: quote(breakout), claim: breakout, note: closer,
                                                 attribution: try Attribution.parsing(claimant: breakout, kind: nil, date: nil,
                                                                                      appearances: [], now: Date())), editor: ana)
        let third = try store.annotate(AnnotationRequest(article: slug, selector: quote(attribute), claim: "\(attribute) \(closer)",
                                                         sources: ["https://example.org/evidence"]), editor: ana)
        _ = try store.verify(third.id.value, note: script + closer, editor: ana)
        let orphan = try store.annotate(AnnotationRequest(article: slug, selector: quote(textarea), claim: "Orphan \(textarea)"), editor: ana)
        _ = try store.setPolicy(.publisherName, to: "\(script) News", editor: ana)
        _ = try store.setPolicy(.publisherURL, to: "https://news.example", editor: ana)
        return (fixture, slug, orphan.id.value)
    }

    @Test func everyPageRendersWhatUsersWroteAsText() async throws {
        let (fixture, slug, orphan) = try Self.hostileDesk()
        try await fixture.withDesk { desk in
            let ana = try await desk.signIn(token: fixture.anaToken)
            var pages: [(String, TestResponse)] = []
            for uri in ["/", "/articles/\(slug.value)", "/report", "/?title=" + Self.percentEncoded(Self.breakout),
                        "/?title=" + Self.percentEncoded(Self.script + Self.attribute)] {
                let page = try await desk.browser(.get, uri, session: ana)
                #expect(page.status == .ok, "\(uri)")
                pages.append((uri, page))
            }
            for uri in ["/?status=" + Self.percentEncoded(Self.breakout + Self.script), "/articles/" + Self.percentEncoded(Self.script),
                        "/articles/" + Self.percentEncoded(Self.attribute), "/" + Self.percentEncoded(Self.breakout)] {
                let page = try await desk.browser(.get, uri, session: ana)
                #expect(page.status.code >= 400 && page.status.code < 500, "\(uri): \(page.status)")
                pages.append((uri, page))
            }
            let article = try await desk.browser(.get, "/articles/\(slug.value)", session: ana)
            #expect(article.text.contains("Title &lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt; &#39; onmouseover=&#39;x"),
                    "the title shows as the text it is")
            #expect(article.text.contains("href=\"https://news.example/x?q=&#39;onmouseover=&#39;alert(1)&amp;r=1\""))
            // A revision that loses one claim and changes another: the page lists their old quotes.
            let revised = Self.text.replacingOccurrences(of: " and \(Self.textarea) end", with: " end")
                .replacingOccurrences(of: "Second \(Self.breakout) here", with: "Second \(Self.breakout)! here")
            let revision = try await desk.form("/articles/\(slug.value)/revision", session: ana, fields: [("text", revised)])
            #expect(revision.status == .ok)
            pages.append(("revision", revision))
            let flagged = try await desk.browser(.get, "/articles/\(slug.value)", session: ana)
            #expect(flagged.text.contains("id=\"flagged\""), "the orphaned claim \(orphan) is listed with its old quote")
            pages.append(("article after revision", flagged))
            let failed = try await desk.postSignIn(token: Self.script)
            pages.append(("failed sign-in", failed))

            for (uri, page) in pages {
                Self.expectInert(page.text, uri)
            }
            // The claims as data still hold exactly what was written.
            let block = try #require(flagged.text.jsonBlock(id: "claims-data"))
            let claims = try #require(try JSONSerialization.jsonObject(with: Data(block.utf8)) as? [[String: Any]])
            let texts = Set(claims.compactMap { $0["claim"] as? String })
            #expect(texts == [Self.script, Self.breakout, "\(Self.attribute) \(Self.closer)", "Orphan \(Self.textarea)"])
            let assignees = Set(claims.compactMap { $0["assignee"] as? String })
            #expect(assignees == ["x\(Self.attribute) <x@example.org>"])
            // The report page's ClaimReview block holds the verdict with its payloads, and still ends where it should.
            let report = try #require(pages.first { $0.0 == "/report" }?.1.text)
            #expect(report.contains("<script type=\"application/ld+json\">"))
        }
    }

    @Test func scriptURLsAreRefusedWhereTheyAreStored() async throws {
        let fixture = try ServerFixture()
        let text = try ArticleText(normalizing: "Some text.", source: "test")
        for (index, url) in ["javascript:alert(1)", "JavaScript:alert(1)", "  javascript:alert(1)", "java\u{0}script:alert(1)",
                             "data:text/html,<script>alert(1)</script>", "vbscript:x", "//evil.example/x", "/relative", "https://"].enumerated() {
            #expect(throws: FactDeskError.self, "article URL \(url.debugDescription)") {
                try fixture.store.addArticle(slug: try ArticleSlug("refused-\(index)"), title: "T", url: url, text: text, editor: fixture.ana)
            }
            #expect(throws: FactDeskError.self, "source URL \(url.debugDescription)") {
                try fixture.store.addSource(to: fixture.openClaim, url: url, editor: fixture.ana)
            }
        }
        try await fixture.withDesk { desk in
            let commits = try fixture.commitCount()
            for url in ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x"] {
                let article = try await desk.api(.post, "/api/v1/articles", token: fixture.anaToken,
                                                 json: JSONBody.make(["id": "scripted", "title": "S", "url": url, "text": "T."]))
                #expect(article.status == .unprocessableContent, "\(url)")
                let source = try await desk.api(.post, "/api/v1/claims/\(fixture.openClaim)/sources", token: fixture.anaToken,
                                                json: JSONBody.make(["url": url]))
                #expect(source.status == .unprocessableContent, "\(url)")
                let form = try await desk.form("/articles", session: try await desk.signIn(token: fixture.anaToken),
                                               fields: [("id", "scripted"), ("title", "S"), ("url", url), ("text", "T.")])
                #expect(form.status == .unprocessableContent, "\(url)")
            }
            #expect(try fixture.commitCount() == commits)
        }
    }

    @Test func escapingHelpers() {
        #expect(HTML.escape("<a href=\"x\" title='y'>&amp;</a>") == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;")
        #expect(HTML.safeURL("javascript:alert(1)") == nil)
        #expect(HTML.safeURL(" javascript:alert(1)") == nil)
        #expect(HTML.safeURL("data:text/html,x") == nil)
        #expect(HTML.safeURL("https://example.org/?a=\"b\"") == "https://example.org/?a=&quot;b&quot;")
        let block = HTML.jsonBlock(id: "d", json: #"["</script><script>alert(1)</script>", "<!--"]"#)
        #expect(block.components(separatedBy: "</script>").count == 2, "only the block's own end tag: \(block)")
        #expect(!block.contains("<!--"))
    }

    // MARK: - Checks

    static func percentEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }

    /// No markup comes from user text: outside the JSON data blocks, the page's only script is
    /// the desk's own, no element is one a payload would make, no attribute is an event handler,
    /// no link is a `javascript:` one and no payload appears as written; each data block is
    /// whole, valid JSON.
    static func expectInert(_ html: String, _ page: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for block in dataBlocks(in: html) {
            #expect((try? JSONSerialization.jsonObject(with: Data(block.utf8))) != nil,
                    "\(page): a data block is cut short or is not JSON: \(block.prefix(200))", sourceLocation: sourceLocation)
            #expect(!block.lowercased().contains("<script") && !block.lowercased().contains("</script") && !block.contains("<!--"),
                    "\(page): a data block holds markup: \(block.prefix(200))", sourceLocation: sourceLocation)
        }
        let markup = html.withoutDataBlocks
        for payload in payloads + ["<img", "<script>alert", "onmouseover='", "</textarea><script"] {
            #expect(!markup.contains(payload), "\(page): \(payload.debugDescription) appears unescaped", sourceLocation: sourceLocation)
        }
        let tags = HTMLTags.scan(markup)
        let scripts = tags.filter { $0.name == "script" && !$0.closing }
        // Only the desk's own scripts, by URL: the page script, and the suggestions' on the article page.
        let sources = scripts.map { $0.attribute("src") }
        #expect(sources.first == "/assets/desk.js" && sources.allSatisfy { $0 == "/assets/desk.js" || $0 == "/assets/suggest.js" }
                    && Set(sources).count == sources.count,
                "\(page): scripts \(scripts.map(\.attributes))", sourceLocation: sourceLocation)
        for tag in tags {
            #expect(!["img", "iframe", "object", "embed", "style", "base", "frame", "frameset", "applet"].contains(tag.name),
                    "\(page): a <\(tag.name)> element", sourceLocation: sourceLocation)
            for (name, value) in tag.attributes {
                #expect(!name.hasPrefix("on"), "\(page): <\(tag.name) \(name)=\(value)>", sourceLocation: sourceLocation)
                #expect(!["href", "src", "action", "formaction", "xlink:href"].contains(name)
                        || !value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().hasPrefix("javascript:"),
                        "\(page): <\(tag.name) \(name)=\(value)>", sourceLocation: sourceLocation)
                #expect(!name.contains("\"") && !name.contains("'") && !name.contains("<"),
                        "\(page): attribute name \(name) in <\(tag.name)>", sourceLocation: sourceLocation)
            }
        }
        #expect(!markup.contains("<!--"), "\(page): a comment opened", sourceLocation: sourceLocation)
    }

    static func dataBlocks(in html: String) -> [String] {
        var blocks: [String] = []
        var rest = html[...]
        while let start = rest.range(of: #"<script type="application/(ld\+)?json"[^>]*>"#, options: .regularExpression),
              let end = rest.range(of: "</script>", range: start.upperBound..<rest.endIndex) {
            blocks.append(String(rest[start.upperBound..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        return blocks
    }
}

/// A small HTML tag scanner, as a browser's tokenizer reads tags: names, attributes (quoted or
/// not, entities decoded), text between them skipped, comments and doctypes passed over.
enum HTMLTags {
    struct Tag {
        let name: String
        let closing: Bool
        let attributes: [(String, String)]

        func attribute(_ name: String) -> String? { attributes.first { $0.0 == name }?.1 }
    }

    static func scan(_ html: String) -> [Tag] {
        let s = Array(html.unicodeScalars)
        var tags: [Tag] = []
        var i = 0
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{0C}" }
        var rawTextEnd: String?
        while i < s.count {
            guard s[i] == "<" else { i += 1; continue }
            if let end = rawTextEnd {
                // Inside <textarea> or <title>: only the matching end tag ends it.
                let candidate = String(String.UnicodeScalarView(s[i..<min(s.count, i + end.count + 2)])).lowercased()
                guard candidate.hasPrefix("</" + end) else { i += 1; continue }
                rawTextEnd = nil
            }
            if i + 1 < s.count, s[i + 1] == "!" {
                while i < s.count, s[i] != ">" { i += 1 }
                continue
            }
            var j = i + 1
            let closing = j < s.count && s[j] == "/"
            if closing { j += 1 }
            guard j < s.count, s[j].properties.isAlphabetic else { i += 1; continue }
            var name = ""
            while j < s.count, !isSpace(s[j]), s[j] != ">", s[j] != "/" { name.unicodeScalars.append(s[j]); j += 1 }
            var attributes: [(String, String)] = []
            while j < s.count, s[j] != ">" {
                if isSpace(s[j]) || s[j] == "/" { j += 1; continue }
                var attribute = ""
                while j < s.count, !isSpace(s[j]), s[j] != ">", s[j] != "=", s[j] != "/" || attribute.isEmpty {
                    attribute.unicodeScalars.append(s[j]); j += 1
                }
                var value = ""
                while j < s.count, isSpace(s[j]) { j += 1 }
                if j < s.count, s[j] == "=" {
                    j += 1
                    while j < s.count, isSpace(s[j]) { j += 1 }
                    if j < s.count, s[j] == "\"" || s[j] == "'" {
                        let quote = s[j]
                        j += 1
                        while j < s.count, s[j] != quote { value.unicodeScalars.append(s[j]); j += 1 }
                        j += 1
                    } else {
                        while j < s.count, !isSpace(s[j]), s[j] != ">" { value.unicodeScalars.append(s[j]); j += 1 }
                    }
                }
                attributes.append((attribute.lowercased(), decodeEntities(value)))
            }
            let tag = Tag(name: name.lowercased(), closing: closing, attributes: attributes)
            tags.append(tag)
            if !closing, ["textarea", "title"].contains(tag.name) { rawTextEnd = tag.name }
            i = j + 1
        }
        return tags
    }

    static func decodeEntities(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&#x3a;", with: ":", options: .caseInsensitive).replacingOccurrences(of: "&colon;", with: ":")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
