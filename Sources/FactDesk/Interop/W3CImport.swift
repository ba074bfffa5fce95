import Foundation

/// What `import` did with each annotation, by claim id.
public struct ImportSummary: Encodable, Sendable {
    public let added: [String]
    public let updated: [String]
    public let unchanged: [String]
    /// Annotations older than the claim in the desk (by `modified`): the desk's newer work is kept.
    public let older: [String]
    /// Claims whose text was not where the annotation said: found elsewhere by their quote.
    public let reanchored: [String]
    /// Claims whose text changed or could not be found: flagged for an editor.
    public let flagged: [String]
}

extension DeskStore {
    /// Reads a W3C AnnotationCollection (or AnnotationPage, one Annotation, or an array of them)
    /// and stores each annotation as a claim, all in one commit. Annotations exported by FactDesk
    /// come back exactly; others get new ids and are anchored by their quote.
    @discardableResult
    public func importW3C(_ data: Data, source name: String, editor: Editor) throws -> ImportSummary {
        let annotations = try Self.decodeAnnotations(data, source: name)
        return try commit(as: editor) { snapshot in
            let batch = try ImportBatch(snapshot: snapshot, layout: layout, editor: editor, now: clock())
            var reanchored: [String] = [], flagged: [String] = []
            let progress = ImportProgress(total: annotations.count, handler: progressHandler)
            for (index, annotation) in annotations.enumerated() {
                progress.advance(to: index)
                let place = "annotation \(index + 1) (\(annotation.id))"
                let slug = try Self.article(of: annotation, batch: batch, place: place)
                let id = try Self.claimID(of: annotation) ?? ClaimID.random()
                if let holder = try batch.holder(of: id), holder != slug {
                    throw FactDeskError.invalidInput("\(name): \(place) is claim \(id) of \(slug), but the desk has it under \(holder)")
                }
                let claim = try Claim(annotation, id: id, article: slug, document: try batch.article(slug), editor: editor,
                                      now: batch.now, place: place)
                if claim.status == .verified && batch.settings.verifiedRequiresSource && claim.sources.isEmpty {
                    throw FactDeskError.policy("\(name): \(place) is verified without any source; a verified claim needs evidence")
                }
                if claim.anchorIssue != nil && annotation.anchorIssue == nil {
                    flagged.append(id.value)
                } else if let given = annotation.target.selector.first(where: { $0.type == "TextPositionSelector" }),
                          given.start != claim.anchor.start || given.end != claim.anchor.end {
                    reanchored.append(id.value)
                }
                try batch.stage(claim)
            }
            progress.finish()
            let summary = ImportSummary(added: batch.added, updated: batch.updated, unchanged: batch.unchanged,
                                        older: batch.older, reanchored: reanchored, flagged: flagged)
            let message = "import \(annotations.count) annotation(s) from \(name): \(summary.added.count) new, "
                + "\(summary.updated.count) updated, \(summary.unchanged.count) unchanged"
                + (summary.older.isEmpty ? "" : ", \(summary.older.count) older than the desk (kept the desk's)")
                + (reanchored.isEmpty ? "" : ", \(reanchored.count) re-anchored") + (flagged.isEmpty ? "" : ", \(flagged.count) flagged") + "\n"
            return StagedChange(files: batch.files, message: message, result: summary)
        }
    }

    /// Largest annotation file read: far beyond any desk's export, small enough to parse safely.
    static let maximumDocumentBytes = 32 << 20

    /// The annotations of a W3C document: a collection (its pages followed from `first` through
    /// each `next`, embedded or named by IRI, `total` checked when given), a page, one annotation,
    /// or an array of any of them.
    private static func decodeAnnotations(_ data: Data, source: String) throws -> [W3C.Annotation] {
        guard data.count <= maximumDocumentBytes else {
            throw FactDeskError.invalidInput("\(source) is \(data.count >> 20) MiB; FactDesk reads annotation files up to \(maximumDocumentBytes >> 20) MiB: export and import fewer articles at a time")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = DeskJSON.dateDecoding
        // The first byte tells an array from an object: no second parse of a large file.
        let first = data.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        let notJSON = FactDeskError.invalidInput("\(source) is not JSON; export a W3C AnnotationCollection with `factdesk export --format w3c`")
        guard first == UInt8(ascii: "[") || first == UInt8(ascii: "{") else { throw notJSON }
        do {
            let parts: [W3C.DocumentPart] = first == UInt8(ascii: "[")
                ? try decoder.decode([W3C.DocumentPart].self, from: data)
                : [try decoder.decode(W3C.DocumentPart.self, from: data)]
            return try W3C.annotations(in: parts)
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            throw notJSON
        } catch {
            let detail = (error as? FactDeskError)?.description ?? (error as? DecodingError).map(DeskJSON.describe) ?? "\(error)"
            throw FactDeskError.invalidInput("\(source) is not a W3C annotation document FactDesk can read (\(detail))")
        }
    }

    private static func article(of annotation: W3C.Annotation, batch: ImportBatch, place: String) throws -> ArticleSlug {
        if let slug = annotation.target.article { return try ArticleSlug(slug) }
        if annotation.target.source.hasPrefix(W3C.articleIRIPrefix) {
            return try ArticleSlug(String(annotation.target.source.dropFirst(W3C.articleIRIPrefix.count)))
        }
        guard let slug = try batch.article(forURL: annotation.target.source) else {
            throw FactDeskError.invalidInput("\(place) targets \(annotation.target.source), which is no article in this desk; add it first")
        }
        return slug
    }

    private static func claimID(of annotation: W3C.Annotation) throws -> ClaimID? {
        guard annotation.id.hasPrefix(W3C.claimIRIPrefix) else { return nil }
        return try ClaimID(String(annotation.id.dropFirst(W3C.claimIRIPrefix.count)))
    }
}

extension Claim {
    /// A claim from an annotation, anchored on the article's current text: verbatim when the
    /// annotation's position still holds its quote on this revision, else re-anchored by quote.
    init(_ annotation: W3C.Annotation, id: ClaimID, article slug: ArticleSlug,
         document: ImportedArticle, editor: Editor, now: Date, place: String) throws {
        let describing = annotation.body.first { $0.purpose == "describing" && $0.value != nil }
            ?? annotation.body.first { $0.type == "TextualBody" && $0.purpose == nil && $0.value != nil }
        guard let claimText = describing?.value?.nonEmptyText else {
            throw FactDeskError.invalidInput("\(place) has no describing TextualBody with the claim")
        }
        try TextPolicy.checkLine(claimText, field: "\(place)'s claim")
        try TextPolicy.checkLine(annotation.assignee ?? "", field: "\(place)'s assignee")
        let quote = annotation.target.selector.first { $0.type == "TextQuoteSelector" }
        let position = annotation.target.selector.first { $0.type == "TextPositionSelector" }
        guard let exact = quote?.exact ?? position.flatMap({ p in
            p.start.flatMap { s in p.end.map { e in document.text.substring(s..<e) } }
        }), !exact.isEmpty else {
            throw FactDeskError.invalidInput("\(place) has no TextQuoteSelector or TextPositionSelector")
        }
        let verdict = annotation.body.first { $0.purpose == "assessing" }
        let creator = annotation.creator?.editor ?? editor
        let created = annotation.created ?? now
        let start = position?.start ?? 0
        let end = position?.end ?? start + exact.unicodeScalars.count
        guard start >= 0, end >= start else { throw FactDeskError.invalidInput("\(place) has a negative or reversed position") }
        let given = Anchor(revision: annotation.target.revision ?? document.article.revision, start: start, end: end,
                           exact: exact, prefix: quote?.prefix ?? "", suffix: quote?.suffix ?? "")
        self.init(
            id: id, article: slug, claim: claimText,
            status: try verdict?.value.map { try ClaimStatus.parse($0) } ?? .unverified,
            anchor: given, paragraph: annotation.paragraph ?? document.text.paragraphNumber(at: start) ?? 1,
            sources: [], notes: [], assignee: annotation.assignee, due: annotation.due,
            attribution: try annotation.attribution.map { try $0.attribution.validated() },
            review: try annotation.review.map { node in
                guard let review = node.review else { throw FactDeskError.invalidInput("\(place) has a review whose editors are not \"Name <mailto:email>\"") }
                return review
            },
            createdBy: creator, createdAt: created,
            updatedBy: annotation.updatedBy.flatMap { try? Editor(parsing: $0) } ?? editor,
            updatedAt: annotation.modified ?? now,
            statusChangedBy: verdict?.creator?.editor ?? creator, statusChangedAt: verdict?.created ?? created,
            anchorIssue: annotation.anchorIssue?.issue, clock: annotation.clock,
            conflicts: try annotation.conflicts.map { nodes in
                try nodes.map { node in
                    guard let conflict = node.conflict else { throw FactDeskError.invalidInput("\(place) has a merge conflict whose editor is not \"Name <email>\"") }
                    return conflict
                }
            })
        for body in annotation.body {
            switch body.purpose {
            case "commenting":
                try addNote(body.value, by: body.creator?.editor ?? creator, at: body.created ?? created)
            case "linking":
                if let url = body.source ?? body.id {
                    try addSource(try Source(url: url, title: body.label, note: body.description,
                                             addedBy: body.creator?.editor ?? creator, addedAt: body.created ?? created))
                }
            default:
                continue
            }
        }
        if !document.holds(given) {
            let outcome = document.place(given)
            _ = apply(outcome, text: document.text, revision: document.article.revision)
            // Still lost: keep the orphaning as it was recorded, not as a new event.
            if outcome == .orphaned, let recorded = annotation.anchorIssue?.issue, recorded.kind == .orphaned { anchorIssue = recorded }
        } else {
            paragraph = document.text.paragraphNumber(at: start) ?? 1
        }
    }
}
