import Foundation

extension W3C.Annotation {
    /// A claim as a Web Annotation: claim, verdict, notes and sources as bodies; the article text
    /// span as a TextQuoteSelector and a TextPositionSelector.
    init(_ claim: Claim, articleURL: String?) {
        var body = [
            W3C.Body(type: "TextualBody", purpose: "describing", value: claim.claim, format: "text/plain"),
            W3C.Body(type: "TextualBody", purpose: "assessing", value: claim.status.rawValue, format: "text/plain",
                     creator: W3C.Agent(claim.statusChangedBy), created: claim.statusChangedAt),
        ]
        body += claim.notes.map { note in
            W3C.Body(type: "TextualBody", purpose: "commenting", value: note.text, format: "text/plain",
                     creator: W3C.Agent(note.by), created: note.at)
        }
        body += claim.sources.map { source in
            W3C.Body(type: "SpecificResource", purpose: "linking", source: source.url, label: source.title,
                     description: source.note, creator: W3C.Agent(source.addedBy), created: source.addedAt)
        }
        let target = W3C.Target(
            source: articleURL ?? W3C.articleIRIPrefix + claim.article.value,
            selector: [
                W3C.Selector(type: "TextQuoteSelector", exact: claim.anchor.exact, prefix: claim.anchor.prefix,
                             suffix: claim.anchor.suffix),
                W3C.Selector(type: "TextPositionSelector", start: claim.anchor.start, end: claim.anchor.end),
            ],
            article: claim.article.value, revision: claim.anchor.revision)
        self.init(id: W3C.claimIRIPrefix + claim.id.value, motivation: "assessing", created: claim.createdAt,
                  creator: W3C.Agent(claim.createdBy), modified: claim.updatedAt, body: body, target: target,
                  updatedBy: claim.updatedBy.description, assignee: claim.assignee, paragraph: claim.paragraph,
                  anchorIssue: claim.anchorIssue, due: claim.due, attribution: claim.attribution, review: claim.review,
                  clock: claim.clock, conflicts: claim.conflicts)
    }
}

extension DeskStore {
    /// The claims of `articles` (all when empty) as a W3C AnnotationCollection in JSON-LD.
    public func exportW3C(articles slugs: [ArticleSlug] = []) throws -> String {
        try read { snapshot in
            let chosen = slugs.isEmpty ? try snapshot.articleSlugs() : slugs
            var items: [W3C.Annotation] = []
            for slug in chosen {
                let article = try snapshot.article(slug)
                items += try snapshot.claims(in: slug).map { W3C.Annotation($0, articleURL: article.url) }
            }
            let name = slugs.isEmpty ? "desk" : chosen.map(\.value).joined(separator: "+")
            let collection = W3C.Collection(
                id: "urn:factdesk:export:\(name)", label: "FactDesk claims: \(name)",
                page: W3C.Page(id: "urn:factdesk:export:\(name):page-1", partOf: "urn:factdesk:export:\(name)", startIndex: 0,
                               items: items))
            return String(decoding: try DeskJSON.encode(collection), as: UTF8.self)
        }
    }
}
