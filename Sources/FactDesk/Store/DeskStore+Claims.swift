import Foundation

/// What an editor supplies when annotating a span of an article.
public struct AnnotationRequest: Sendable {
    public var article: ArticleSlug
    public var selector: TextSelector
    public var claim: String
    public var sources: [String]
    public var note: String?
    /// `Name <email>`, or the name of an editor the desk knows.
    public var assignee: String?
    public var due: DeskDate?
    public var attribution: Attribution?
    /// The revision the selector was taken on, when it names offsets a page showed: refused if
    /// the article has been revised since.
    public var revision: Int?

    public init(article: ArticleSlug, selector: TextSelector, claim: String, sources: [String] = [],
                note: String? = nil, assignee: String? = nil, due: DeskDate? = nil, attribution: Attribution? = nil,
                revision: Int? = nil) {
        self.article = article
        self.selector = selector
        self.claim = claim
        self.sources = sources
        self.note = note
        self.assignee = assignee
        self.due = due
        self.attribution = attribution
        self.revision = revision
    }
}

extension DeskStore {
    /// Files a new claim on a span of an article, status `unverified`, in one commit.
    @discardableResult
    public func annotate(_ request: AnnotationRequest, editor: Editor) throws -> Claim {
        try commit(as: editor) { snapshot in
            var taken = Set(try snapshot.claimIDs(in: request.article))
            let claim = try newClaim(request, in: snapshot, avoiding: &taken, editor: editor)
            let message = "annotate \(claim.id) on \(request.article) ¶\(claim.paragraph): \"\(claim.headline(limit: 50))\""
            return try stage(claim, in: snapshot, message: message, note: request.note)
        }
    }

    /// The unverified claim `request` asks for, checked against the article as `snapshot` holds
    /// it, with an id none of `taken` has (then added to them); what `annotate` files, one claim
    /// in a commit, and `annotateSuggestions` many.
    func newClaim(_ request: AnnotationRequest, in snapshot: DeskSnapshot, avoiding taken: inout Set<ClaimID>,
                  editor: Editor) throws -> Claim {
        guard let claimText = request.claim.nonEmptyText else {
            throw FactDeskError.invalidInput("--claim needs the statement being checked")
        }
        try TextPolicy.checkLine(claimText, field: "the claim")
        let attribution = try request.attribution?.validated()
        _ = try snapshot.settings()
        let article = try snapshot.article(request.article)
        try article.check(revision: request.revision)
        let text = try snapshot.text(request.article)
        let range = try request.selector.resolve(in: text)
        let assignee = try request.assignee.nonEmpty.map { try snapshot.assignee(named: $0, editor: editor, cache: summaryCache()) }
        var id = ClaimID.random()
        while taken.contains(id) { id = ClaimID.random() }
        taken.insert(id)
        let now = clock()
        var claim = Claim(id: id, article: request.article, claim: claimText, status: .unverified,
                          anchor: Anchor(range: range, in: text, revision: article.revision),
                          paragraph: text.paragraphNumber(at: range.lowerBound) ?? 1,
                          sources: [], notes: [], assignee: assignee, due: request.due,
                          attribution: attribution?.isEmpty == false ? attribution : nil,
                          createdBy: editor, createdAt: now, updatedBy: editor, updatedAt: now,
                          statusChangedBy: editor, statusChangedAt: now)
        for url in request.sources { try claim.addSource(try Source(url: url, addedBy: editor, addedAt: now)) }
        try claim.addNote(request.note, by: editor, at: now)
        return claim
    }

    /// Attaches a source to a claim, in one commit.
    @discardableResult
    public func addSource(to reference: String, url: String, title: String? = nil, note: String? = nil,
                          editor: Editor) throws -> Claim {
        try changeClaim(reference, editor: editor) { claim, now, _, _ in
            try claim.addSource(try Source(url: url, title: title, note: note, addedBy: editor, addedAt: now))
            return (message: "source \(claim.id): add \(url)", note: nil)
        }
    }

    /// Marks a claim verified, adding `sources` first; refused when the claim would have no
    /// source and the desk's policy requires one.
    @discardableResult
    public func verify(_ reference: String, sources: [String] = [], note: String? = nil, editor: Editor) throws -> Claim {
        try changeClaim(reference, editor: editor) { claim, now, settings, _ in
            var added = 0
            for url in sources {
                let source = try Source(url: url, addedBy: editor, addedAt: now)
                if !claim.sources.contains(where: { $0.url == source.url }) {
                    try claim.addSource(source)
                    added += 1
                }
            }
            if claim.status == .verified && added == 0 && note.nonEmpty == nil {
                throw FactDeskError.invalidInput("claim \(claim.id) is already verified; add --source or --note to record more")
            }
            let outcome = try claim.decide(.verified, by: editor, at: now, policy: settings)
            try claim.addNote(note, by: editor, at: now)
            let count = claim.sources.count
            let verb = outcome == .proposed ? "propose verified" : "verified"
            return (message: "verify \(claim.id): \(verb) (\(count) source\(count == 1 ? "" : "s"))", note: note)
        }
    }

    /// Moves a claim to `status`, adding `sources` first, in one commit.
    @discardableResult
    public func setStatus(_ reference: String, to status: ClaimStatus, note: String? = nil, sources: [String] = [],
                          editor: Editor) throws -> Claim {
        if status == .verified { return try verify(reference, sources: sources, note: note, editor: editor) }
        return try changeClaim(reference, editor: editor) { claim, now, settings, _ in
            for url in sources { try claim.addSource(try Source(url: url, addedBy: editor, addedAt: now)) }
            let old = claim.status
            if old == status && note.nonEmpty == nil && sources.isEmpty && !claim.awaitingReview {
                throw FactDeskError.invalidInput("claim \(claim.id) is already \(status.rawValue)")
            }
            let outcome = try claim.decide(status, by: editor, at: now, policy: settings)
            try claim.addNote(note, by: editor, at: now)
            let change = outcome == .proposed ? "proposes \(status.rawValue), awaiting a second editor"
                : "\(old.rawValue) → \(status.rawValue)"
            return (message: "status \(claim.id): \(change)", note: note)
        }
    }

    /// Leaves a note on a claim, in one commit.
    @discardableResult
    public func addNote(to reference: String, note: String, editor: Editor) throws -> Claim {
        guard note.nonEmptyText != nil else { throw FactDeskError.invalidInput("a note needs some text") }
        return try changeClaim(reference, editor: editor) { claim, now, _, _ in
            try claim.addNote(note, by: editor, at: now)
            return (message: "note \(claim.id)", note: note)
        }
    }

    /// One claim, by id or unique id prefix.
    public func claim(_ reference: String) throws -> Claim {
        try read { snapshot in
            let location = try snapshot.locateClaim(reference)
            return try snapshot.claim(location.id, in: location.slug)
        }
    }

    /// Claims of one article or of the whole desk, optionally of one status, in article and text order.
    public func claims(in article: ArticleSlug? = nil, status: ClaimStatus? = nil) throws -> [Claim] {
        try claims(in: article, matching: ClaimFilter(status: status))
    }

    /// Claims of one article or of the whole desk that `filter` keeps, in article and text order.
    public func claims(in article: ArticleSlug? = nil, matching filter: ClaimFilter) throws -> [Claim] {
        try read { snapshot in
            let now = clock()
            return try snapshot.records(article.map { [$0] }, cache: summaryCache()).flatMap(\.claims)
                .filter { filter.keeps($0, at: now) }
        }
    }

    // MARK: Shared steps

    /// Loads a claim at the tip, lets `change` edit it, stamps who and when, and commits it.
    func changeClaim(_ reference: String, editor: Editor,
                     _ change: (inout Claim, Date, DeskSettings, DeskSnapshot) throws -> (message: String, note: String?)) throws -> Claim {
        try commit(as: editor) { snapshot in
            let settings = try snapshot.settings()
            let location = try snapshot.locateClaim(reference)
            var claim = try snapshot.claim(location.id, in: location.slug)
            try claim.checkAnchor(article: try snapshot.article(location.slug), text: try snapshot.text(location.slug),
                                  path: layout.claimFile(location.slug, location.id))
            let now = clock()
            let (message, note) = try change(&claim, now, settings, snapshot)
            claim.touch(by: editor, at: now)
            return try stage(claim, in: snapshot, message: message, note: note)
        }
    }

    private func stage(_ claim: Claim, in snapshot: DeskSnapshot, message: String, note: String?) throws -> StagedChange<Claim> {
        let body = note.nonEmpty.map { "\n\n" + $0 } ?? ""
        return StagedChange(files: try claimFiles([claim]), message: message + body + "\n", result: claim)
    }

    /// The files of `claims`, by desk path, as a commit stages them.
    func claimFiles(_ claims: [Claim]) throws -> [String: Data?] {
        var files: [String: Data?] = [:]
        for claim in claims { files[layout.claimFile(claim.article, claim.id)] = try DeskJSON.encode(claim) }
        return files
    }

}

extension Article {
    /// Refuses offsets taken on another revision than the current one.
    func check(revision: Int?) throws {
        if let revision, revision != self.revision {
            throw FactDeskError.staleRevision(article: id.value, given: revision, current: self.revision)
        }
    }
}

extension Claim {
    /// Refuses to build on a claim whose anchor does not hold in its article's current text
    /// (a hand edit gone wrong): `factdesk check` finds these, `reanchor` fixes them.
    func checkAnchor(article: Article, text: ArticleText, path: String) throws {
        guard anchorIssue?.kind != .orphaned, anchor.revision == article.revision else { return }
        guard anchor.start >= 0, anchor.start < anchor.end, anchor.end <= text.count, text.substring(anchor.range) == anchor.exact else {
            throw FactDeskError.corruptFile(path: path, detail: "its anchor \(anchor.start)-\(anchor.end) does not hold its quote in the text; re-attach it with `factdesk reanchor \(id)`")
        }
    }

    mutating func addSource(_ source: Source) throws {
        guard !sources.contains(where: { $0.url == source.url }) else {
            throw FactDeskError.invalidInput("claim \(id) already cites \(source.url)")
        }
        sources.append(source)
    }

    mutating func addNote(_ text: String?, by editor: Editor, at date: Date) throws {
        guard let text = text.nonEmpty else { return }
        try TextPolicy.checkText(text, field: "the note")
        notes.append(Note(text: text, by: editor, at: date))
    }
}

extension String {
    /// This text trimmed, or nil when nothing but white space is left.
    var nonEmptyText: String? {
        let trimmed = trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
