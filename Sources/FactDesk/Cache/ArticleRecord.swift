import Foundation

/// One article folder as the summary cache keeps it: the article and its claims in text order,
/// exactly as decoding the folder's JSON files gives them.
struct ArticleRecord: Equatable {
    let article: Article
    let claims: [Claim]

    func encode(into writer: inout ByteWriter) {
        writer.string(article.id.value)
        writer.string(article.title)
        writer.optional(article.url)
        writer.int(article.revision)
        writer.string(article.textID)
        Self.encode(article.createdBy, &writer)
        writer.date(article.createdAt)
        Self.encode(article.updatedBy, &writer)
        writer.date(article.updatedAt)
        writer.int(claims.count)
        for claim in claims { Self.encode(claim, &writer) }
    }

    init(article: Article, claims: [Claim]) {
        self.article = article
        self.claims = claims
    }

    init(from reader: inout ByteReader) throws {
        let slug = ArticleSlug(unchecked: try reader.string())
        article = Article(id: slug, title: try reader.string(), url: try reader.optional(), revision: try reader.int(),
                          textID: try reader.string(), createdBy: try Self.editor(&reader), createdAt: try reader.date(),
                          updatedBy: try Self.editor(&reader), updatedAt: try reader.date())
        let count = try reader.int()
        guard (0...1_000_000).contains(count) else { throw ByteReader.Damaged() }
        var claims: [Claim] = []
        claims.reserveCapacity(count)
        for _ in 0..<count { claims.append(try Self.claim(&reader, article: slug)) }
        self.claims = claims
    }

    private static func encode(_ editor: Editor, _ writer: inout ByteWriter) {
        writer.string(editor.name)
        writer.string(editor.email)
    }

    private static func editor(_ reader: inout ByteReader) throws -> Editor {
        Editor(unchecked: try reader.string(), email: try reader.string())
    }

    private static func encode(_ claim: Claim, _ writer: inout ByteWriter) {
        writer.string(claim.id.value)
        writer.string(claim.claim)
        writer.string(claim.status.rawValue)
        writer.int(claim.anchor.revision)
        writer.int(claim.anchor.start)
        writer.int(claim.anchor.end)
        writer.string(claim.anchor.exact)
        writer.string(claim.anchor.prefix)
        writer.string(claim.anchor.suffix)
        writer.int(claim.paragraph)
        writer.int(claim.sources.count)
        for source in claim.sources {
            writer.string(source.url)
            writer.optional(source.title)
            writer.optional(source.note)
            encode(source.addedBy, &writer)
            writer.date(source.addedAt)
        }
        writer.int(claim.notes.count)
        for note in claim.notes {
            writer.string(note.text)
            encode(note.by, &writer)
            writer.date(note.at)
        }
        writer.optional(claim.assignee)
        encode(claim.createdBy, &writer)
        writer.date(claim.createdAt)
        encode(claim.updatedBy, &writer)
        writer.date(claim.updatedAt)
        encode(claim.statusChangedBy, &writer)
        writer.date(claim.statusChangedAt)
        writer.optional(claim.anchorIssue?.kind.rawValue)
        if let issue = claim.anchorIssue {
            writer.int(issue.revision)
            writer.string(issue.previousQuote)
        }
        writer.optional(claim.due?.text)
        writer.int(claim.attribution == nil ? 0 : 1)
        if let attribution = claim.attribution {
            writer.optional(attribution.claimant)
            writer.optional(attribution.claimantKind?.rawValue)
            writer.optional(attribution.date?.text)
            writer.int(attribution.appearances.count)
            for url in attribution.appearances { writer.string(url) }
        }
        writer.optional(claim.review?.verdict.rawValue)
        if let review = claim.review {
            encode(review.proposedBy, &writer)
            writer.date(review.proposedAt)
            writer.int(review.approvedBy == nil ? 0 : 1)
            if let approver = review.approvedBy, let at = review.approvedAt {
                encode(approver, &writer)
                writer.date(at)
            }
        }
        writer.int(claim.clock.map { $0 + 1 } ?? 0)
        writer.int(claim.conflicts.map { $0.count + 1 } ?? 0)
        for conflict in claim.conflicts ?? [] {
            writer.string(conflict.field.rawValue)
            writer.optional(conflict.value)
            encode(conflict.by, &writer)
            writer.date(conflict.at)
            writer.int(conflict.clock)
        }
    }

    private static func deskDate(_ text: String?) throws -> DeskDate? {
        guard let text else { return nil }
        guard let date = DeskDate(cached: text) else { throw ByteReader.Damaged() }
        return date
    }

    private static func claim(_ reader: inout ByteReader, article: ArticleSlug) throws -> Claim {
        let id = ClaimID(unchecked: try reader.string())
        let text = try reader.string()
        guard let status = ClaimStatus(rawValue: try reader.string()) else { throw ByteReader.Damaged() }
        let anchor = Anchor(revision: try reader.int(), start: try reader.int(), end: try reader.int(),
                            exact: try reader.string(), prefix: try reader.string(), suffix: try reader.string())
        let paragraph = try reader.int()
        var sources: [Source] = []
        for _ in 0..<(try count(&reader)) {
            sources.append(Source(unchecked: try reader.string(), title: try reader.optional(), note: try reader.optional(),
                                  addedBy: try editor(&reader), addedAt: try reader.date()))
        }
        var notes: [Note] = []
        for _ in 0..<(try count(&reader)) {
            notes.append(Note(text: try reader.string(), by: try editor(&reader), at: try reader.date()))
        }
        let assignee = try reader.optional()
        let createdBy = try editor(&reader), createdAt = try reader.date()
        let updatedBy = try editor(&reader), updatedAt = try reader.date()
        let statusChangedBy = try editor(&reader), statusChangedAt = try reader.date()
        var issue: AnchorIssue?
        if let kind = try reader.optional() {
            guard let kind = AnchorIssue.Kind(rawValue: kind) else { throw ByteReader.Damaged() }
            issue = AnchorIssue(kind: kind, revision: try reader.int(), previousQuote: try reader.string())
        }
        let due = try deskDate(try reader.optional())
        var attribution: Attribution?
        if try reader.int() == 1 {
            let claimant = try reader.optional()
            let kind = try reader.optional().map { text -> Attribution.Kind in
                guard let kind = Attribution.Kind(rawValue: text) else { throw ByteReader.Damaged() }
                return kind
            }
            let date = try deskDate(try reader.optional())
            var appearances: [String] = []
            for _ in 0..<(try count(&reader)) { appearances.append(try reader.string()) }
            attribution = Attribution(claimant: claimant, claimantKind: kind, date: date, appearances: appearances)
        }
        var review: VerdictReview?
        if let verdict = try reader.optional() {
            guard let verdict = ClaimStatus(rawValue: verdict) else { throw ByteReader.Damaged() }
            review = VerdictReview(verdict: verdict, proposedBy: try editor(&reader), proposedAt: try reader.date())
            if try reader.int() == 1 {
                review?.approvedBy = try editor(&reader)
                review?.approvedAt = try reader.date()
            }
        }
        let clock = try reader.int()
        var conflicts: [MergeConflict]?
        let conflictCount = try count(&reader)
        if conflictCount > 0 {
            conflicts = []
            for _ in 1..<conflictCount {
                guard let field = MergeConflict.Field(rawValue: try reader.string()) else { throw ByteReader.Damaged() }
                conflicts?.append(MergeConflict(field: field, value: try reader.optional(), by: try editor(&reader),
                                                at: try reader.date(), clock: try reader.int()))
            }
        }
        return Claim(id: id, article: article, claim: text, status: status, anchor: anchor, paragraph: paragraph,
                     sources: sources, notes: notes, assignee: assignee, due: due, attribution: attribution, review: review,
                     createdBy: createdBy, createdAt: createdAt,
                     updatedBy: updatedBy, updatedAt: updatedAt, statusChangedBy: statusChangedBy,
                     statusChangedAt: statusChangedAt, anchorIssue: issue, clock: clock == 0 ? nil : clock - 1,
                     conflicts: conflicts)
    }

    private static func count(_ reader: inout ByteReader) throws -> Int {
        let count = try reader.int()
        guard (0...100_000).contains(count) else { throw ByteReader.Damaged() }
        return count
    }
}
