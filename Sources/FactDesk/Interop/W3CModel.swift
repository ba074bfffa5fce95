import Foundation

/// The parts of the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/)
/// that FactDesk writes and reads. What the model has no term for (the article slug, the text
/// revision, the assignee, an anchor issue, a deadline, who made the claim, a second editor's
/// review) travels in properties named by `urn:factdesk:` IRIs, inner keys included, which a
/// JSON-LD processor keeps as they are.
enum W3C {
    static let context = "http://www.w3.org/ns/anno.jsonld"
    static let claimIRIPrefix = "urn:factdesk:claim:"
    static let articleIRIPrefix = "urn:factdesk:article:"

    /// A person: an IRI (their `mailto:` address), a `name` and the same `mailto:` IRI as `email`.
    struct Agent: Codable, Equatable {
        var id: String?
        var type = "Person"
        var name: String
        var email: String?

        init(_ editor: Editor) {
            id = "mailto:" + editor.email
            name = editor.name
            email = "mailto:" + editor.email
        }

        var editor: Editor? {
            guard let email, email.hasPrefix("mailto:") else { return nil }
            return try? Editor(name: name, email: String(email.dropFirst("mailto:".count)))
        }
    }

    /// A body: a TextualBody (claim, verdict, note) or a SpecificResource pointing at a source.
    struct Body: Codable, Equatable {
        var type: String?
        var id: String?
        var purpose: String?
        var value: String?
        var format: String?
        var source: String?
        var label: String?
        var description: String?
        var creator: Agent?
        var created: Date?

        enum CodingKeys: String, CodingKey {
            case type, id, purpose, value, format, source, label, creator, created
            case description = "schema:description"
        }
    }

    /// A selector: TextQuoteSelector (exact, prefix, suffix) or TextPositionSelector (start, end).
    struct Selector: Codable, Equatable {
        var type: String
        var exact: String?
        var prefix: String?
        var suffix: String?
        var start: Int?
        var end: Int?
    }

    /// The target: the article, and where in its text.
    struct Target: Codable, Equatable {
        var type: String? = "SpecificResource"
        var source: String
        var selector: [Selector]
        var article: String?
        var revision: Int?

        enum CodingKeys: String, CodingKey {
            case type, source, selector
            case article = "urn:factdesk:article"
            case revision = "urn:factdesk:revision"
        }

        init(source: String, selector: [Selector], article: String?, revision: Int?) {
            self.source = source
            self.selector = selector
            self.article = article
            self.revision = revision
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            type = try container.decodeIfPresent(String.self, forKey: .type)
            source = try container.decode(String.self, forKey: .source)
            // The model allows one selector or several.
            if let many = try? container.decode([Selector].self, forKey: .selector) {
                selector = many
            } else {
                selector = [try container.decode(Selector.self, forKey: .selector)]
            }
            article = try container.decodeIfPresent(String.self, forKey: .article)
            revision = try container.decodeIfPresent(Int.self, forKey: .revision)
        }
    }

    /// The program that wrote an export: the model's `generator`.
    struct Software: Codable, Equatable {
        var id = "urn:factdesk:software"
        var type = "Software"
        var name = "FactDesk"
    }

    /// An anchor issue, with IRI keys.
    /// A merge conflict (`MergeConflict`), its keys named by IRIs.
    struct ConflictNode: Codable, Equatable {
        var field: MergeConflict.Field
        var value: String?
        var by: String
        var at: Date
        var clock: Int

        enum CodingKeys: String, CodingKey {
            case field = "urn:factdesk:field"
            case value = "urn:factdesk:value"
            case by = "urn:factdesk:by"
            case at = "urn:factdesk:at"
            case clock = "urn:factdesk:clock"
        }

        init(_ conflict: MergeConflict) {
            (field, value, by, at, clock) = (conflict.field, conflict.value, conflict.by.description, conflict.at, conflict.clock)
        }

        /// The conflict, or nil when `by` is not "Name <email>".
        var conflict: MergeConflict? {
            (try? Editor(parsing: by)).map { MergeConflict(field: field, value: value, by: $0, at: at, clock: clock) }
        }
    }

    struct AnchorIssueNode: Codable, Equatable {
        var issue: AnchorIssue

        enum CodingKeys: String, CodingKey {
            case kind = "urn:factdesk:kind"
            case revision = "urn:factdesk:revision"
            case previousQuote = "urn:factdesk:previousQuote"
        }

        /// Exports before FactDesk named inner keys by IRIs used the bare names.
        enum LegacyKeys: String, CodingKey {
            case kind, revision, previousQuote
        }

        init(_ issue: AnchorIssue) {
            self.issue = issue
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if container.contains(.kind) {
                issue = AnchorIssue(kind: try container.decode(AnchorIssue.Kind.self, forKey: .kind),
                                    revision: try container.decode(Int.self, forKey: .revision),
                                    previousQuote: try container.decode(String.self, forKey: .previousQuote))
            } else {
                let legacy = try decoder.container(keyedBy: LegacyKeys.self)
                issue = AnchorIssue(kind: try legacy.decode(AnchorIssue.Kind.self, forKey: .kind),
                                    revision: try legacy.decode(Int.self, forKey: .revision),
                                    previousQuote: try legacy.decode(String.self, forKey: .previousQuote))
            }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(issue.kind, forKey: .kind)
            try container.encode(issue.revision, forKey: .revision)
            try container.encode(issue.previousQuote, forKey: .previousQuote)
        }
    }

    /// Who made the claim, when and where, with IRI keys; appearances are IRIs.
    struct AttributionNode: Codable, Equatable {
        var claimant: String?
        var claimantKind: Attribution.Kind?
        var date: DeskDate?
        var appearances: [String]

        enum CodingKeys: String, CodingKey {
            case claimant = "urn:factdesk:claimant"
            case claimantKind = "urn:factdesk:claimantKind"
            case date = "urn:factdesk:claimDate"
            case appearances = "urn:factdesk:appearance"
        }

        init(_ attribution: Attribution) {
            claimant = attribution.claimant
            claimantKind = attribution.claimantKind
            date = attribution.date
            appearances = attribution.appearances
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            claimant = try container.decodeIfPresent(String.self, forKey: .claimant)
            claimantKind = try container.decodeIfPresent(Attribution.Kind.self, forKey: .claimantKind)
            date = try container.decodeIfPresent(DeskDate.self, forKey: .date)
            appearances = try container.decodeIfPresent([String].self, forKey: .appearances) ?? []
        }

        var attribution: Attribution {
            Attribution(claimant: claimant, claimantKind: claimantKind, date: date, appearances: appearances)
        }
    }

    /// A verdict under the second-editor policy, with IRI keys and the editors as agents.
    struct ReviewNode: Codable, Equatable {
        var verdict: ClaimStatus
        var proposedBy: Agent
        var proposedAt: Date
        var approvedBy: Agent?
        var approvedAt: Date?

        enum CodingKeys: String, CodingKey {
            case verdict = "urn:factdesk:verdict"
            case proposedBy = "urn:factdesk:proposedBy"
            case proposedAt = "urn:factdesk:proposedAt"
            case approvedBy = "urn:factdesk:approvedBy"
            case approvedAt = "urn:factdesk:approvedAt"
        }

        init(_ review: VerdictReview) {
            verdict = review.verdict
            proposedBy = Agent(review.proposedBy)
            proposedAt = review.proposedAt
            approvedBy = review.approvedBy.map(Agent.init)
            approvedAt = review.approvedAt
        }

        /// The review, or nil when an editor in it is not a valid one.
        var review: VerdictReview? {
            guard let proposer = proposedBy.editor else { return nil }
            var review = VerdictReview(verdict: verdict, proposedBy: proposer, proposedAt: proposedAt)
            if let approver = approvedBy {
                guard let editor = approver.editor, let at = approvedAt else { return nil }
                review.approvedBy = editor
                review.approvedAt = at
            }
            return review
        }
    }

    /// One annotation: a claim.
    struct Annotation: Codable, Equatable {
        var context: String?
        var id: String
        var type: String = "Annotation"
        var motivation: String?
        var created: Date?
        var creator: Agent?
        var modified: Date?
        var body: [Body]
        var target: Target
        var updatedBy: String?
        var assignee: String?
        var paragraph: Int?
        var anchorIssue: AnchorIssueNode?
        var due: DeskDate?
        var attribution: AttributionNode?
        var review: ReviewNode?
        var clock: Int?
        var conflicts: [ConflictNode]?
        var generator: Software?

        enum CodingKeys: String, CodingKey {
            case context = "@context"
            case id, type, motivation, created, creator, modified, generator, body, target
            case updatedBy = "urn:factdesk:updatedBy"
            case assignee = "urn:factdesk:assignee"
            case paragraph = "urn:factdesk:paragraph"
            case anchorIssue = "urn:factdesk:anchorIssue"
            case due = "urn:factdesk:due"
            case attribution = "urn:factdesk:attribution"
            case review = "urn:factdesk:review"
            case clock = "urn:factdesk:clock"
            case conflicts = "urn:factdesk:conflicts"
        }

        init(id: String, motivation: String, created: Date, creator: Agent, modified: Date, body: [Body], target: Target,
             updatedBy: String, assignee: String?, paragraph: Int, anchorIssue: AnchorIssue?,
             due: DeskDate?, attribution: Attribution?, review: VerdictReview?, clock: Int?, conflicts: [MergeConflict]?) {
            self.id = id
            self.motivation = motivation
            self.created = created
            self.creator = creator
            self.modified = modified
            self.body = body
            self.target = target
            self.updatedBy = updatedBy
            self.assignee = assignee
            self.paragraph = paragraph
            self.anchorIssue = anchorIssue.map(AnchorIssueNode.init)
            self.due = due
            self.attribution = attribution.map(AttributionNode.init)
            self.review = review.map(ReviewNode.init)
            self.clock = clock
            self.conflicts = conflicts?.map(ConflictNode.init)
            generator = Software()
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            context = try? container.decodeIfPresent(String.self, forKey: .context)
            id = try container.decode(String.self, forKey: .id)
            type = try container.decodeIfPresent(String.self, forKey: .type) ?? "Annotation"
            motivation = try? container.decodeIfPresent(String.self, forKey: .motivation)
            created = try container.decodeIfPresent(Date.self, forKey: .created)
            creator = try? container.decodeIfPresent(Agent.self, forKey: .creator)
            modified = try container.decodeIfPresent(Date.self, forKey: .modified)
            // The model allows one body or several.
            if let many = try? container.decode([Body].self, forKey: .body) {
                body = many
            } else {
                body = (try container.decodeIfPresent(Body.self, forKey: .body)).map { [$0] } ?? []
            }
            if let many = try? container.decode([Target].self, forKey: .target), let first = many.first {
                target = first
            } else {
                target = try container.decode(Target.self, forKey: .target)
            }
            updatedBy = try container.decodeIfPresent(String.self, forKey: .updatedBy)
            assignee = try container.decodeIfPresent(String.self, forKey: .assignee)
            paragraph = try container.decodeIfPresent(Int.self, forKey: .paragraph)
            anchorIssue = try container.decodeIfPresent(AnchorIssueNode.self, forKey: .anchorIssue)
            due = try container.decodeIfPresent(DeskDate.self, forKey: .due)
            attribution = try container.decodeIfPresent(AttributionNode.self, forKey: .attribution)
            review = try container.decodeIfPresent(ReviewNode.self, forKey: .review)
            clock = try container.decodeIfPresent(Int.self, forKey: .clock)
            conflicts = try container.decodeIfPresent([ConflictNode].self, forKey: .conflicts)
            generator = try? container.decodeIfPresent(Software.self, forKey: .generator)
        }
    }

    /// An ordered page of annotations, part of a collection; in one file, the next page may be
    /// embedded in it or named by its IRI.
    struct Page: Codable, Equatable {
        var id: String?
        var type = "AnnotationPage"
        var partOf: String?
        var startIndex: Int?
        var items: [Annotation]
        var next: PageLink?
    }

    /// A page in a collection's `first`, `last` or a page's `next`: embedded, or its IRI.
    indirect enum PageLink: Codable, Equatable {
        case embedded(Page)
        case reference(String)

        init(from decoder: Decoder) throws {
            if let iri = try? decoder.singleValueContainer().decode(String.self) {
                self = .reference(iri)
            } else {
                self = .embedded(try Page(from: decoder))
            }
        }

        func encode(to encoder: Encoder) throws {
            switch self {
            case .embedded(let page): try page.encode(to: encoder)
            case .reference(let iri):
                var container = encoder.singleValueContainer()
                try container.encode(iri)
            }
        }
    }

    /// A collection of annotations: what `export` writes, with its one page embedded.
    struct Collection: Codable, Equatable {
        var context = W3C.context
        var id: String?
        var type = "AnnotationCollection"
        var label: String?
        /// How many annotations the collection holds (a SHOULD: absent in some files).
        var total: Int?
        var first: PageLink?
        var last: PageLink?

        enum CodingKeys: String, CodingKey {
            case context = "@context"
            case id, type, label, total, first, last
        }

        init(id: String, label: String, page: Page) {
            self.id = id
            self.label = label
            total = page.items.count
            first = .embedded(page)
            last = page.id.map(PageLink.reference)
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decodeIfPresent(String.self, forKey: .id)
            label = try? container.decodeIfPresent(String.self, forKey: .label)
            total = try container.decodeIfPresent(Int.self, forKey: .total)
            first = try container.decodeIfPresent(PageLink.self, forKey: .first)
            last = try? container.decodeIfPresent(PageLink.self, forKey: .last)
        }
    }
}
