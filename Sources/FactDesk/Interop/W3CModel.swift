import Foundation

/// The parts of the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/)
/// that FactDesk writes and reads. What the model has no term for (the article slug, the text
/// revision, the assignee, an anchor issue) travels in properties named by `urn:factdesk:` IRIs,
/// which JSON-LD keeps as they are.
enum W3C {
    static let context = "http://www.w3.org/ns/anno.jsonld"
    static let claimIRIPrefix = "urn:factdesk:claim:"
    static let articleIRIPrefix = "urn:factdesk:article:"

    /// A person: `name` and a `mailto:` IRI.
    struct Agent: Codable, Equatable {
        var type = "Person"
        var name: String
        var email: String?

        init(_ editor: Editor) {
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
        var anchorIssue: AnchorIssue?
        var due: DeskDate?
        var attribution: Attribution?
        var review: VerdictReview?

        enum CodingKeys: String, CodingKey {
            case context = "@context"
            case id, type, motivation, created, creator, modified, body, target
            case updatedBy = "urn:factdesk:updatedBy"
            case assignee = "urn:factdesk:assignee"
            case paragraph = "urn:factdesk:paragraph"
            case anchorIssue = "urn:factdesk:anchorIssue"
            case due = "urn:factdesk:due"
            case attribution = "urn:factdesk:attribution"
            case review = "urn:factdesk:review"
        }

        init(id: String, motivation: String, created: Date, creator: Agent, modified: Date, body: [Body], target: Target,
             updatedBy: String, assignee: String?, paragraph: Int, anchorIssue: AnchorIssue?,
             due: DeskDate?, attribution: Attribution?, review: VerdictReview?) {
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
            self.anchorIssue = anchorIssue
            self.due = due
            self.attribution = attribution
            self.review = review
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
            anchorIssue = try container.decodeIfPresent(AnchorIssue.self, forKey: .anchorIssue)
            due = try container.decodeIfPresent(DeskDate.self, forKey: .due)
            attribution = try container.decodeIfPresent(Attribution.self, forKey: .attribution)
            review = try container.decodeIfPresent(VerdictReview.self, forKey: .review)
        }
    }

    /// An ordered page of annotations.
    struct Page: Codable, Equatable {
        var id: String
        var type = "AnnotationPage"
        var startIndex: Int? = 0
        var items: [Annotation]
    }

    /// A collection of annotations, with its one page embedded.
    struct Collection: Codable, Equatable {
        var context = W3C.context
        var id: String
        var type = "AnnotationCollection"
        var label: String
        var total: Int
        var first: Page

        enum CodingKeys: String, CodingKey {
            case context = "@context"
            case id, type, label, total, first
        }
    }
}
