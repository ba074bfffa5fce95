import Foundation
@testable import FactDesk

/// Reports built straight from article records, past the store's input checks, so that they can
/// hold every awkward text a renderer may meet: markup and control characters, Unicode white
/// space, combining marks, emoji, CJK, right-to-left text, claims over the 300-character cut.
enum ReportSamples {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    /// Texts that have tripped, or could trip, an escaper, a folder or a cutter.
    static let awkwardTexts: [String] = [
        "", " ", "   \t\n ", "plain words", "Claim 9 of article 0 holds",
        "Paragraph 1 of article 0: the council said on Tuesday that 100 projects were delayed, officials confirmed, and the mayor’s office disputed the figure — again.",
        #"markup \ ` * _ [ ] < > | # & " ' all of it"#, "AT&T <b>bold</b> \"quoted\" it's #1 | a_b *c* [link](x) `code` \\",
        "<script>alert('x')</script>", "&amp; already &lt;escaped&gt;", "1 < 2 && 3 > 2", "#hash at start", "ends with \\",
        "controls \u{0}\u{1}\u{7}\u{8}\u{B}\u{C}\u{E}\u{1B}\u{1F}\u{7F} end", "tab\there", "line\nbreak", "crlf\r\nbreak", "lone\rcr",
        "  leading and trailing  ", "double  space", "nbsp\u{A0}here", "figure\u{2007}space", "narrow\u{202F}nbsp",
        "ideographic\u{3000}space", "line\u{2028}separator", "paragraph\u{2029}separator", "next\u{85}line", "ogham\u{1680}mark",
        "en\u{2002}em\u{2003}thin\u{2009}hair\u{200A}", "zero\u{200B}width", "bom\u{FEFF}inside", "medium\u{205F}math",
        "“curly” ‘quotes’ — em dash – en dash … ellipsis", "l'été à Zoë’s café", "naïve cafe\u{301} re\u{301}sume\u{301}",
        "&\u{301} accent on ampersand", "<\u{338} not less", "\"\u{308} quote umlaut", "'\u{300} apostrophe grave",
        "\u{600}& prepended", "x\u{110BD}<y", "&\u{903} spacing mark", "&\u{200D} joiner", "&\u{FE0F} selector",
        "a&b<c>d\"e'f", "é&é", "&é", "é&", "<\u{1F600}>", "👍🏽 thumbs", "👨‍👩‍👧‍👦 family", "🇫🇷🇩🇪 flags", "#️⃣ *️⃣ keycaps",
        "東京都は２０２６年に予算を承認した。", "中文 标点，还有【括号】", "한국어 문장", "قال رئيس البلدية إن الميزانية «قياسية»",
        "שלום \u{200F}עולם\u{200E} mixed", "\u{202E}override\u{202C}", "Ελληνικά ; ερωτηματικό\u{37E}", "Kelvin \u{212A} Ohm \u{2126}",
        String(repeating: "long ascii claim ", count: 25), String(repeating: "é", count: 200), String(repeating: "é", count: 301),
        String(repeating: "🇫🇷", count: 310), String(repeating: "e\u{301}", count: 305), String(repeating: "a", count: 300),
        String(repeating: "a", count: 301), String(repeating: "word ", count: 60) + "x", String(repeating: "ab ", count: 150),
        String(repeating: "x\u{A0} \t", count: 120), String(repeating: "“東京” — ", count: 80),
        String(repeating: "b", count: 299) + " c", String(repeating: "&<>", count: 120),
    ]

    /// Who decided a claim: a name and an email mostly, and the odd shapes too.
    static let deciders = [("Ana Ruiz", "ana@example.org"), ("NoEmail", ""), ("  Spaced Name\t", "x@y.z"), ("", "only@example.org"),
                           ("Ünïcode Nåme", "u@example.org"), ("Name <with>", "angles@x.y"), ("A*B_[C]", "m@x.y"),
                           ("&\u{301}", "x@y.z"), ("Zoë\u{A0}", "z@x.y"), ("\u{2003}Em\u{3000}", "e@x.y")]
        .map { Editor(unchecked: $0.0, email: $0.1) }

    static let urls = ["https://council.example/minutes.pdf", "https://a.example/x?q=1&r=<2>\"'", "HTTP://UPPER.example",
                       "Mailto:someone@example.org", "ftp://files.example/a_b*c", "tel:+1-555-0100", "doi:10.1000/182",
                       "urn:isbn:0451450523", "javascript:alert('x')", "http:\u{301}//accent.example", "İhttp://x.example",
                       "MAİLTO:x@y.example", "HtTpS:", "http", "", "https://例え.jp/パス", "https://x.example/(paren)"]

    /// A desk of a few articles holding every status, flagged claims, and all the texts above.
    static func richReport() -> VerificationReport {
        var generator = SplitMix64(seed: 42)
        let texts = awkwardTexts
        var records: [ArticleRecord] = []
        for (articleIndex, title) in ["Council passes record budget", "Markup *in* the _title_ <b>&</b> #1 | [x]",
                                      "東京 — “quoted” title\nwith a line break", ""].enumerated() {
            var claims: [Claim] = []
            for (index, text) in texts.enumerated() {
                let status = ClaimStatus.allCases[(index + articleIndex) % ClaimStatus.allCases.count]
                let issue: AnchorIssue? = switch (index + articleIndex) % 5 {
                case 1: AnchorIssue(kind: .changed, revision: 2, previousQuote: texts[(index + 7) % texts.count])
                case 3: AnchorIssue(kind: .orphaned, revision: 3, previousQuote: texts[(index + 11) % texts.count])
                default: nil
                }
                claims.append(claim(
                    id: "c-\(articleIndex)\(String(index, radix: 32))x\(index % 7)", article: "article-\(articleIndex)",
                    text: text, quote: texts[(index + articleIndex + 3) % texts.count], status: status, issue: issue,
                    index: index, generator: &generator))
            }
            records.append(record(slug: articleIndex == 3 ? "z-last" : "article-\(articleIndex)", title: title,
                                  url: articleIndex % 2 == 0 ? "https://news.example/\(articleIndex)?a=1&b=<2>" : nil,
                                  claims: claims))
        }
        records.append(record(slug: "no-claims", title: "Nothing filed", url: nil, claims: []))
        records.append(record(slug: "all-settled", title: "Settled only", url: nil, claims: [
            claim(id: "c-sett1", article: "all-settled", text: "Settled", quote: "q", status: .verified, issue: nil,
                  index: 1, generator: &generator),
        ]))
        return VerificationReport(documents: records, now: now)
    }

    /// A report of random claims, each text pieced together from the awkward ones and plain words.
    static func randomReport(seed: UInt64) -> VerificationReport {
        var generator = SplitMix64(seed: seed)
        let records = (0..<Int.random(in: 0...4, using: &generator)).map { articleIndex in
            let slug = "random-\(articleIndex)"
            let claims = (0..<Int.random(in: 0...12, using: &generator)).map { index in
                let issue: AnchorIssue? = Bool.random(using: &generator) ? nil : AnchorIssue(
                    kind: Bool.random(using: &generator) ? .changed : .orphaned, revision: Int.random(in: 1...9, using: &generator),
                    previousQuote: randomText(&generator))
                return claim(id: "c-r\(articleIndex)x\(index)", article: slug, text: randomText(&generator),
                             quote: randomText(&generator), status: ClaimStatus.allCases.randomElement(using: &generator)!,
                             issue: issue, index: index, generator: &generator)
            }
            return record(slug: slug, title: randomText(&generator), url: Bool.random(using: &generator) ? nil : randomText(&generator),
                          claims: claims)
        }
        return VerificationReport(documents: records, now: now)
    }

    /// Up to a dozen pieces: awkward texts, their halves cut at any scalar, words and white space.
    static func randomText(_ generator: inout SplitMix64) -> String {
        let pieces = ["word", " ", "  ", "\t", "\n", "\u{A0}", "\u{3000}", "—", "’", "é", "e\u{301}", "&", "<", "#", "*", "\"", "'",
                      "\\", "\u{1}", "👍🏽", "🇫🇷", "東京", "שלום", "\u{301}", "\u{600}", "\u{200D}"]
        var text = ""
        for _ in 0..<Int.random(in: 0...12, using: &generator) {
            if Bool.random(using: &generator) {
                text += pieces.randomElement(using: &generator)!
            } else {
                let scalars = Array(awkwardTexts.randomElement(using: &generator)!.unicodeScalars)
                let cut = Int.random(in: 0...scalars.count, using: &generator)
                var piece = String.UnicodeScalarView()
                piece.append(contentsOf: Bool.random(using: &generator) ? scalars[..<cut] : scalars[cut...])
                text += String(piece)
            }
        }
        return text
    }

    private static func claim(id: String, article: String, text: String, quote: String, status: ClaimStatus,
                              issue: AnchorIssue?, index: Int, generator: inout SplitMix64) -> Claim {
        let filer = Editor(unchecked: ["Ana Ruiz", "Ben <b>Okafor</b>", "東京 記者", "R*_`x"][index % 4], email: "e\(index)@example.org")
        let decidedBy = deciders[index % deciders.count]
        let ages: [TimeInterval] = [0, 3_600, 86_399, 86_400, 86_401, 2 * 86_400, 400 * 86_400, -86_400, 100_000 * 86_400]
        let decidedAt: [TimeInterval] = [1_790_000_000, 0, -1, -62_135_596_800, 253_402_300_799, 1_767_225_600 + 11, -2_208_988_800]
        let starts = [0, 158, 1, -1, Int.max, Int.min, 42]
        let sources = (0..<(index % 4)).map { number in
            Source(unchecked: urls[(index + number) % urls.count],
                   title: number == 1 ? nil : awkwardTexts[(index * 3 + number) % awkwardTexts.count],
                   note: number == 2 ? nil : awkwardTexts[(index * 5 + number) % awkwardTexts.count], addedBy: filer, addedAt: now)
        }
        return Claim(
            id: ClaimID(unchecked: id), article: ArticleSlug(unchecked: article), claim: text, status: status,
            anchor: Anchor(revision: index % 3 + 1, start: starts[index % starts.count], end: starts[(index + 1) % starts.count],
                           exact: quote, prefix: "", suffix: ""),
            paragraph: [1, 2, 10, 0, -3, 123_456_789][index % 6], sources: sources, notes: [],
            assignee: index % 3 == 0 ? nil : ["Ben Okafor", "", "A&B <x>", "  spaced  ", "Zoë <*_> <z@example.org>"][index % 5],
            due: [nil, "2020-01-01", "2999-12-31", "2026-11-25T14:03:00Z", nil][index % 5].flatMap(DeskDate.init(cached:)),
            review: index % 4 == 1 ? nil : VerdictReview(
                verdict: [.false, .verified, .misleading, .unverifiable][index % 4], proposedBy: deciders[(index + 1) % deciders.count],
                proposedAt: now, approvedBy: status.isOpen ? nil : decidedBy, approvedAt: status.isOpen ? nil : now),
            createdBy: filer, createdAt: now.addingTimeInterval(-ages[Int.random(in: 0..<ages.count, using: &generator)]),
            updatedBy: filer, updatedAt: now, statusChangedBy: decidedBy,
            statusChangedAt: Date(timeIntervalSince1970: decidedAt[index % decidedAt.count] + Double(index % 2) * 0.75),
            anchorIssue: issue, clock: index % 7,
            conflicts: index % 5 != 2 ? nil : [
                MergeConflict(field: .status, value: "verified", by: decidedBy, at: now, clock: 3),
                MergeConflict(field: .assignee, value: index % 2 == 0 ? nil : awkwardTexts[index % awkwardTexts.count],
                              by: filer, at: now, clock: 2),
            ])
    }

    private static func record(slug: String, title: String, url: String?, claims: [Claim]) -> ArticleRecord {
        let editor = Editor(unchecked: "Ana Ruiz", email: "ana@example.org")
        return ArticleRecord(
            article: Article(id: ArticleSlug(unchecked: slug), title: title, url: url, revision: 3, textID: "0", createdBy: editor,
                             createdAt: now, updatedBy: editor, updatedAt: now),
            claims: claims)
    }
}

/// A small seeded random number generator, so that a failing random report can be made again.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
