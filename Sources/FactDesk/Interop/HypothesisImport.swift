import Foundation

/// What an imported Hypothesis annotation's text becomes.
public enum HypothesisTextRole: String, Sendable, CaseIterable {
    /// The claim (the default); the quote when the text is empty.
    case claim
    /// A note by the annotator; the claim is then the quote itself.
    case note
}

/// What `import --format hypothesis` did: claims by id, annotations left out by Hypothesis id.
public struct HypothesisImportSummary: Encodable, Sendable {
    /// An annotation not imported, and why.
    public struct Skipped: Encodable, Equatable, Sendable {
        /// The Hypothesis annotation id.
        public let annotation: String
        /// The page it was made on.
        public let uri: String?
        /// The page's title, when Hypothesis recorded one.
        public let title: String?
        public let reason: String
    }

    public let added: [String]
    public let updated: [String]
    public let unchanged: [String]
    /// Claims the desk changed after the annotation was last edited: the desk's work is kept.
    public let older: [String]
    /// Claims found on their quote's words in the stored text.
    public let reanchored: [String]
    /// Claims found on similar words only: imported, flagged `changed` for an editor.
    public let changed: [String]
    /// Claims whose quote is not in the stored text: imported on the quote as given, flagged `orphaned`.
    public let orphaned: [String]
    /// Annotations on pages that are no article of this desk.
    public let notInDesk: [Skipped]
    /// Page notes, replies, and annotations the desk's rules refuse.
    public let skipped: [Skipped]
}

extension DeskStore {
    /// Reads Hypothesis's own JSON (a search result, an export, or one annotation) and stores each
    /// annotation on a quote of a desk article as a claim, all in one commit authored by `editor`.
    /// Importing the same file again changes nothing. Annotations on pages not in the desk, page
    /// notes, replies and annotations the desk's policy refuses are listed in the summary.
    @discardableResult
    public func importHypothesis(_ data: Data, source name: String, textAs role: HypothesisTextRole = .claim,
                                 editor: Editor) throws -> HypothesisImportSummary {
        let annotations = try Hypothesis.annotations(in: data, source: name)
        guard !annotations.isEmpty else { throw FactDeskError.invalidInput("\(name) holds no annotations; nothing to import") }
        return try commit(as: editor) { snapshot in
            let batch = try ImportBatch(snapshot: snapshot, layout: layout, editor: editor, now: clock())
            var tally = HypothesisTally()
            let progress = ImportProgress(total: annotations.count, handler: progressHandler)
            for (index, annotation) in annotations.enumerated() {
                progress.advance(to: index)
                try tally.take(annotation, batch: batch, textAs: role)
            }
            progress.finish()
            guard tally.matchedAnArticle else {
                let pages = tally.pagesNotInDesk.prefix(5).joined(separator: ", ")
                    + (tally.pagesNotInDesk.count > 5 ? " and \(tally.pagesNotInDesk.count - 5) more" : "")
                throw FactDeskError.invalidInput("none of the \(annotations.count) annotation(s) in \(name) is on an article of this desk "
                                                 + "(pages: \(pages)); add the articles first with `factdesk article add FILE --url URL`")
            }
            let summary = tally.summary(of: batch)
            return StagedChange(files: batch.files, message: summary.commitMessage(annotations: annotations.count, source: name),
                                result: summary)
        }
    }
}

/// One import's sorting of annotations: into claims (staged through the batch), and the ones left out.
struct HypothesisTally {
    private(set) var matchedAnArticle = false
    private(set) var pagesNotInDesk: [String] = []
    private var reanchored: [String] = [], changed: [String] = [], orphaned: [String] = []
    private var notInDesk: [HypothesisImportSummary.Skipped] = [], skipped: [HypothesisImportSummary.Skipped] = []
    /// Which annotation each claim id came from, in this file.
    private var origins: [ClaimID: String] = [:]

    mutating func take(_ annotation: Hypothesis.Annotation, batch: ImportBatch, textAs role: HypothesisTextRole) throws {
        let pages = [annotation.page, annotation.uri].compactMap { $0 }
        var slug: ArticleSlug?
        for page in pages where slug == nil { slug = try batch.article(forURL: page) }
        if slug != nil {
            matchedAnArticle = true
        } else if let page = pages.first, !pagesNotInDesk.contains(page) {
            pagesNotInDesk.append(page)
        }
        func leaveOut(_ reason: String) -> HypothesisImportSummary.Skipped {
            HypothesisImportSummary.Skipped(annotation: annotation.id, uri: annotation.page, title: annotation.title, reason: reason)
        }
        if annotation.references?.isEmpty == false {
            return skipped.append(leaveOut("a reply to another annotation; replies are discussion, not claims"))
        }
        guard let slug else {
            return notInDesk.append(leaveOut("its page is no article of this desk; add it with `factdesk article add FILE --url URL`"))
        }
        let built: (claim: Claim, placement: ClaimReanchoring.Result)
        do {
            built = try annotation.claim(on: slug, document: try batch.article(slug), textAs: role, policy: batch.settings)
        } catch let skip as HypothesisSkip {
            return skipped.append(leaveOut(skip.reason))
        }
        let claim = built.claim
        if let earlier = origins[claim.id] {
            return skipped.append(leaveOut(earlier == annotation.id ? "it is in the file twice; the first one is imported"
                                           : "its claim id \(claim.id) is annotation \(earlier)'s too; import it on its own"))
        }
        origins[claim.id] = annotation.id
        if let holder = try batch.holder(of: claim.id) {
            let current = try batch.current(claim.id, in: holder)
            guard holder == slug, current.createdAt == claim.createdAt, current.createdBy.isSamePerson(as: claim.createdBy) else {
                return skipped.append(leaveOut("its claim id \(claim.id) is already another claim of \(holder) in this desk"))
            }
            // Once in the desk, the claim is the desk's: sources, verdicts and notes added there are
            // never replaced by the annotation, however it was edited in Hypothesis since.
            if current != claim { return batch.keepDesk(claim.id) }
        }
        guard try batch.stage(claim) != .older else { return }
        switch built.placement {
        case .exact, .moved: reanchored.append(claim.id.value)
        case .changed: changed.append(claim.id.value)
        case .orphaned: orphaned.append(claim.id.value)
        }
    }

    func summary(of batch: ImportBatch) -> HypothesisImportSummary {
        HypothesisImportSummary(added: batch.added, updated: batch.updated, unchanged: batch.unchanged, older: batch.older,
                                reanchored: reanchored, changed: changed, orphaned: orphaned,
                                notInDesk: notInDesk, skipped: skipped)
    }
}

extension HypothesisImportSummary {
    /// `import 12 Hypothesis annotation(s) from FILE: 10 new, 0 updated, 0 unchanged, 1 orphaned, 2 not in
    /// the desk`, and a line for each annotation to look at (at most 50).
    func commitMessage(annotations count: Int, source name: String) -> String {
        var subject = "import \(count) Hypothesis annotation(s) from \(name): \(added.count) new, \(updated.count) updated, "
            + "\(unchanged.count) unchanged"
        if !older.isEmpty { subject += ", \(older.count) older than the desk (kept the desk's)" }
        if !changed.isEmpty { subject += ", \(changed.count) changed" }
        subject += ", \(orphaned.count) orphaned, \(notInDesk.count) not in the desk"
        if !skipped.isEmpty { subject += ", \(skipped.count) skipped" }
        let lines = orphaned.map { "\($0) orphaned: its quote is not in the article's text" }
            + changed.map { "\($0) changed: only similar words were found" }
            + notInDesk.map { "\($0.annotation) not in the desk" }
            + skipped.map { "\($0.annotation) skipped: \($0.reason)" }
        let shown = lines.prefix(50).joined(separator: "\n") + (lines.count > 50 ? "\n… and \(lines.count - 50) more" : "")
        return subject + (lines.isEmpty ? "" : "\n\n" + shown) + "\n"
    }
}
