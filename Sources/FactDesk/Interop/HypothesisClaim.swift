import Foundation
import GitKit

/// Why one Hypothesis annotation is not imported (a row problem); the rest of the file is.
struct HypothesisSkip: Error {
    let reason: String
}

extension Hypothesis.Annotation {
    /// The claim this annotation becomes on `document`, built the same on every import: its id derived
    /// from the annotation's, the annotator as creator, dates to the second (as the store keeps them),
    /// the text as claim or note, other tags as a note, a status tag through the desk's workflow, and
    /// the anchor found by quote and context on the current text, never by Hypothesis's positions
    /// (they count UTF-16 units of the browser's page, not the stored text). With the placement found.
    func claim(on slug: ArticleSlug, document: ImportedArticle, textAs role: HypothesisTextRole,
               policy: DeskSettings) throws -> (claim: Claim, placement: ClaimReanchoring.Result) {
        do {
            let given = try anchor()
            let creator = try editor()
            let created = Self.toTheSecond(self.created), updated = Self.toTheSecond(self.updated)
            let text = ArticleText.normalizedFragment(self.text ?? "")
            let claimText = (role == .claim ? text.nonEmptyText ?? given.exact : given.exact).oneLine(limit: .max)
            try TextPolicy.checkLine(claimText, field: "its text")
            let (status, otherTags) = try tagged()
            var claim = Claim(id: ClaimID.derived(fromHypothesis: id), article: slug, claim: claimText, status: .unverified,
                              anchor: given, paragraph: 1, sources: [], notes: [],
                              createdBy: creator, createdAt: created, updatedBy: creator, updatedAt: updated,
                              statusChangedBy: creator, statusChangedAt: created)
            if role == .note { try claim.addNote(text, by: creator, at: created) }
            if !otherTags.isEmpty { try claim.addNote("Tags: " + otherTags.joined(separator: ", "), by: creator, at: created) }
            if let status { try decide(status, on: &claim, by: creator, at: updated, policy: policy) }
            let placement = claim.apply(document.place(given), text: document.text, revision: document.article.revision)
            return (claim, placement)
        } catch let error as FactDeskError {
            throw HypothesisSkip(reason: error.description)
        }
    }

    /// `acct:username@authority` as an editor: the display name (else the username), `username@authority`.
    private func editor() throws -> Editor {
        try TextPolicy.checkLine(user, field: "its user")
        let account = user.hasPrefix("acct:") ? user.dropFirst(5) : ""
        guard let at = account.lastIndex(of: "@"), at != account.startIndex else {
            throw HypothesisSkip(reason: "its user '\(user)' is not a Hypothesis account (acct:username@authority)")
        }
        let username = String(account[..<at]), email = String(account)
        if let name = userInfo?.displayName?.nonEmptyText, let editor = try? Editor(name: name, email: email) { return editor }
        do {
            return try Editor(name: username, email: email)
        } catch {
            throw HypothesisSkip(reason: "its user '\(user)' cannot be recorded as an editor (no name, or no email-like username@domain)")
        }
    }

    /// The quote as Hypothesis gives it, NFC like stored text, on no revision (revision 0 never holds):
    /// `ImportedArticle.place` finds it by its text and context. Kept as is when it is not found.
    private func anchor() throws -> Anchor {
        guard let quote else { throw HypothesisSkip(reason: "a page note (no quoted text); only annotations on a quote become claims") }
        let exact = ArticleText.normalizedFragment(quote.exact ?? "")
        guard exact.nonEmptyText != nil else { throw HypothesisSkip(reason: "its TextQuoteSelector quotes nothing") }
        let prefix = ArticleText.normalizedFragment(quote.prefix ?? ""), suffix = ArticleText.normalizedFragment(quote.suffix ?? "")
        try TextPolicy.checkText(exact, field: "its quote")
        try TextPolicy.checkText(prefix + suffix, field: "its quote's context")
        return Anchor(revision: 0, start: 0, end: exact.unicodeScalars.count, exact: exact, prefix: prefix, suffix: suffix)
    }

    /// The status a tag names (`verified`, `In review`, …), and the other tags as typed.
    private func tagged() throws -> (status: ClaimStatus?, others: [String]) {
        var statuses: [ClaimStatus] = [], others: [String] = []
        for tag in tags ?? [] {
            let name = tag.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "-")
            if let status = ClaimStatus(rawValue: name) {
                if !statuses.contains(status) { statuses.append(status) }
            } else if let kept = tag.nonEmptyText {
                others.append(kept)
            }
        }
        guard statuses.count <= 1 else {
            throw HypothesisSkip(reason: "tagged with \(statuses.count) statuses (\(statuses.map(\.rawValue).joined(separator: ", "))); "
                                 + "keep one tag in Hypothesis and import again")
        }
        return (statuses.first, others)
    }

    /// Sets the tagged status as the annotator, as the desk's policy allows.
    private func decide(_ status: ClaimStatus, on claim: inout Claim, by creator: Editor, at date: Date, policy: DeskSettings) throws {
        do {
            _ = try claim.decide(status, by: creator, at: date, policy: policy)
        } catch FactDeskError.policy where status == .verified && claim.sources.isEmpty {
            throw HypothesisSkip(reason: "tagged verified without a source, which this desk's policy refuses (Hypothesis brings no sources); "
                                 + "remove the tag to import it unverified, then verify it with `factdesk verify CLAIM --source URL`")
        }
    }

    private static func toTheSecond(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }
}

extension ClaimID {
    /// The claim id of Hypothesis annotation `id`, the same on every import: `c-` and 8 base-32 digits
    /// (as `random()` makes) of the git blob hash (SHA-1) of `hypothesis:<id>`.
    static func derived(fromHypothesis id: String) -> ClaimID {
        let hash = ObjectID.hashing(blob: Array("hypothesis:\(id)".utf8)).bytes
        let bits = hash.prefix(5).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let body = (0..<8).map { digits[Int(bits >> UInt64(35 - 5 * $0) & 31)] }
        return ClaimID(unchecked: "c-" + String(body))
    }
}
