import Foundation

/// Turns the rows of a claims CSV into claims staged on one import batch.
///
/// A row with a claim id the desk holds updates that claim. A row without an id updates the
/// claim of its article with the same text on the same span, if there is one (so that importing
/// a file twice adds nothing the second time); otherwise it files a new claim, as does a row with
/// an id the desk does not hold. A new claim is anchored by its quote (an `occurrence` cell, or
/// the paragraph cell, picks one of several) or, without a quote, by its whole paragraph.
///
/// An empty cell keeps what the claim has: an import never deletes. The claim text, the assignee
/// (resolved as `assign` resolves one), the due date and the claimant replace the claim's when
/// they differ; sources it does not cite yet are added; another status goes through the desk's
/// workflow rules (`decide`) as the importing editor's decision, and a verdict already awaiting
/// a second editor counts as that status. The anchor stays unless the quote cell differs from the
/// claim's quote: the claim is then re-anchored by quote (the paragraph cell never moves a claim,
/// as it may be stale after a revision). `created` and `updated` are not read.
final class CSVRowImporter {
    private let batch: ImportBatch
    private let header: ClaimCSVHeader
    private let cache: SummaryCache?
    /// Assignee cells already resolved, to the `Name <email>` each stands for.
    private var assignees: [String: String] = [:]
    /// The claims a row without an id may be about: the desk's claims on the current text of each
    /// article such a row names (`indexedArticles`), and the new claims staged.
    private var claimsByLikeness: [Likeness: Claim] = [:]
    private var indexedArticles: Set<ArticleSlug> = []
    /// The row that staged each claim: a claim takes one row.
    private var rows: [ClaimID: Int] = [:]

    init(batch: ImportBatch, header: ClaimCSVHeader, cache: SummaryCache?) {
        self.batch = batch
        self.header = header
        self.cache = cache
    }

    /// Stages the claim `row` describes, or throws what is wrong with the row.
    func importRow(_ row: CSVTable.Row) throws {
        guard row.fields.count == header.count else {
            throw FactDeskError.invalidInput("it has \(row.fields.count) field(s) but the header has \(header.count) column(s); enclose a field holding a comma in double quotes")
        }
        let cells = Cells(fields: row.fields, header: header)
        guard let slug = cells[.article].nonEmptyText else {
            throw FactDeskError.invalidInput("the article cell is empty; give the id of the article the claim is on")
        }
        let document = try batch.article(try ArticleSlug(slug))
        let (original, anchored) = try claim(described: cells, in: document)
        if let earlier = rows[anchored.id] {
            throw FactDeskError.invalidInput("it is about claim \(anchored.id), as row \(earlier) is; give each claim one row")
        }
        var claim = anchored
        try update(&claim, from: cells)
        if let original, claim != original {
            claim.touch(by: batch.editor, at: batch.now)
        }
        if try batch.stage(claim) == .older, let original {
            throw FactDeskError.invalidInput("claim \(claim.id) was last changed at \(ISODate.string(original.updatedAt)), later than this computer's clock (\(ISODate.string(batch.now))); set the clock right and import again")
        }
        rows[claim.id] = row.number
        if original == nil && claimsByLikeness[Likeness(claim)] == nil { claimsByLikeness[Likeness(claim)] = claim }
    }

    /// The claim the row is about, anchored as the row says, with the desk's version of it (nil
    /// for a new claim).
    private func claim(described cells: Cells, in document: ImportedArticle) throws -> (original: Claim?, claim: Claim) {
        let slug = document.article.id
        if let idText = cells[.claimID].nonEmptyText {
            let id = try ClaimID(idText)
            guard let holder = try batch.holder(of: id) else {
                return (nil, newClaim(id, text: try cells.requiredClaimText(), at: try span(cells, in: document), in: document))
            }
            guard holder == slug else {
                throw FactDeskError.invalidInput("claim \(id) belongs to \(holder) in this desk, not to \(slug)")
            }
            let original = try batch.current(id, in: slug)
            return (original, try reanchored(original, cells, in: document))
        }
        let text = try cells.requiredClaimText()
        let span = try span(cells, in: document)
        if let same = try claim(like: Likeness(article: slug, claim: text, span: span), in: document) { return (same, same) }
        var id = ClaimID.random()
        while try batch.holder(of: id) != nil || rows[id] != nil { id = ClaimID.random() }
        return (nil, newClaim(id, text: text, at: span, in: document))
    }

    /// The desk's or a staged claim with `likeness`, if any.
    private func claim(like likeness: Likeness, in document: ImportedArticle) throws -> Claim? {
        if indexedArticles.insert(likeness.article).inserted {
            for claim in try batch.snapshot.claims(in: likeness.article) where claim.anchor.revision == document.article.revision {
                if claimsByLikeness[Likeness(claim)] == nil { claimsByLikeness[Likeness(claim)] = claim }
            }
        }
        return claimsByLikeness[likeness]
    }

    /// A new unverified claim filed by the importing editor; `update` fills in the rest.
    private func newClaim(_ id: ClaimID, text: String, at span: Range<Int>, in document: ImportedArticle) -> Claim {
        let editor = batch.editor, now = batch.now
        return Claim(id: id, article: document.article.id, claim: text, status: .unverified,
                     anchor: Anchor(range: span, in: document.text, revision: document.article.revision),
                     paragraph: document.text.paragraphNumber(at: span.lowerBound) ?? 1, sources: [], notes: [],
                     createdBy: editor, createdAt: now, updatedBy: editor, updatedAt: now,
                     statusChangedBy: editor, statusChangedAt: now)
    }

    /// `claim` re-anchored by quote when the quote cell differs from its quote; as it is otherwise.
    private func reanchored(_ claim: Claim, _ cells: Cells, in document: ImportedArticle) throws -> Claim {
        guard let quote = try cells.quote(), quote != claim.anchor.exact else { return claim }
        let span = try quoteSpan(quote, cells, in: document)
        var moved = claim
        moved.anchor = Anchor(range: span, in: document.text, revision: document.article.revision)
        moved.paragraph = document.text.paragraphNumber(at: span.lowerBound) ?? 1
        moved.anchorIssue = nil
        return moved
    }

    /// The span the row's quote points at or, without a quote, its paragraph.
    private func span(_ cells: Cells, in document: ImportedArticle) throws -> Range<Int> {
        if let quote = try cells.quote() { return try quoteSpan(quote, cells, in: document) }
        guard let number = try cells.number(.paragraph) else {
            throw FactDeskError.invalidInput("it has neither a quote nor a paragraph; give the quoted text or the number of the paragraph the claim is about")
        }
        return try TextSelector.paragraph(number).resolve(using: document.quotes)
    }

    /// Where `quote` occurs: the one occurrence, the one the `occurrence` cell picks, or the only
    /// one in the paragraph the paragraph cell names (as export writes it).
    private func quoteSpan(_ quote: String, _ cells: Cells, in document: ImportedArticle) throws -> Range<Int> {
        let occurrence = try cells.occurrence()
        do {
            return try TextSelector.quote(quote, occurrence: occurrence).resolve(using: document.quotes)
        } catch FactDeskError.ambiguousQuote(let shown, let occurrences) {
            let paragraphs = document.text.paragraphs
            if let number = try cells.number(.paragraph), paragraphs.indices.contains(number - 1) {
                let inside = document.quotes.occurrences(of: quote).filter { paragraphs[number - 1].contains($0.lowerBound) }
                if inside.count == 1 { return inside[0] }
            }
            throw FactDeskError.invalidInput("quote \"\(shown)\" occurs \(occurrences.count) times: "
                + occurrences.enumerated().map { "\($0.offset + 1)) \($0.element)" }.joined(separator: "; ")
                + "; add an '\(ClaimCSVHeader.occurrence)' column giving the one meant (from 1)")
        }
    }

    /// Applies the row's cells to `claim`; an empty cell keeps what the claim has.
    private func update(_ claim: inout Claim, from cells: Cells) throws {
        let editor = batch.editor, now = batch.now
        if let text = try cells.claimText() { claim.claim = text }
        for line in cells[.sources].split(whereSeparator: \.isNewline) {
            guard let url = String(line).nonEmptyText else { continue }
            let source = try Source(url: url, addedBy: editor, addedAt: now)
            if !claim.sources.contains(where: { $0.url == source.url }) { try claim.addSource(source) }
        }
        if let text = try cells.line(.status) {
            let status = try ClaimStatus.parse(text)
            let proposed = claim.awaitingReview && claim.review?.verdict == status
            if status != claim.status && !proposed { _ = try claim.decide(status, by: editor, at: now, policy: batch.settings) }
        }
        if let name = try cells.line(.assignee), name != claim.assignee { claim.assignee = try assignee(named: name) }
        if let date = try cells.line(.due) { claim.due = try DeskDate(parsing: date, field: "the due date", now: now) }
        if let name = try cells.line(.claimant), name != claim.attribution?.claimant {
            var attribution = claim.attribution ?? Attribution()
            attribution.claimant = try Attribution(claimant: name).validated().claimant
            claim.attribution = attribution
        }
    }

    private func assignee(named name: String) throws -> String {
        if let known = assignees[name] { return known }
        let resolved = try batch.snapshot.assignee(named: name, editor: batch.editor, cache: cache)
        assignees[name] = resolved
        return resolved
    }

    /// What a row without an id is matched on: the article, the claim text and its span.
    private struct Likeness: Hashable {
        let article: ArticleSlug
        let claim: String
        let span: Range<Int>

        init(article: ArticleSlug, claim: String, span: Range<Int>) {
            self.article = article
            self.claim = claim
            self.span = span
        }

        init(_ claim: Claim) {
            self.init(article: claim.article, claim: claim.claim, span: claim.anchor.range)
        }
    }

    /// One row's cells, read as the values they hold: nil for an empty cell.
    private struct Cells {
        let fields: [String]
        let header: ClaimCSVHeader

        subscript(column: ClaimCSVColumn) -> String { header.cell(column, in: fields) }

        /// A one-line cell, trimmed.
        func line(_ column: ClaimCSVColumn) throws -> String? {
            guard let text = self[column].nonEmptyText else { return nil }
            try TextPolicy.checkLine(text, field: "the \(column.rawValue) cell")
            return text
        }

        func claimText() throws -> String? { try line(.claim) }

        func requiredClaimText() throws -> String {
            guard let text = try claimText() else {
                throw FactDeskError.invalidInput("the claim cell is empty; a new claim needs the statement being checked")
            }
            return text
        }

        /// The quote as the article's stored text would hold it (NFC, LF line breaks).
        func quote() throws -> String? {
            guard self[.quote].nonEmptyText != nil else { return nil }
            let quote = ArticleText.normalizedFragment(self[.quote])
            try TextPolicy.checkText(quote, field: "the quote cell")
            return quote
        }

        func number(_ column: ClaimCSVColumn) throws -> Int? {
            try Self.number(self[column], name: column.rawValue)
        }

        func occurrence() throws -> Int? {
            try Self.number(header.occurrence(in: fields), name: ClaimCSVHeader.occurrence)
        }

        private static func number(_ cell: String, name: String) throws -> Int? {
            guard let text = cell.nonEmptyText else { return nil }
            guard let number = Int(text), number >= 1 else {
                throw FactDeskError.invalidInput("the \(name) cell '\(text.oneLine(limit: 20))' is not a number from 1")
            }
            return number
        }
    }
}
