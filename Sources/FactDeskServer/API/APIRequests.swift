import FactDesk
import Foundation

/// The JSON bodies the API takes, named by the fields scripts send.
enum APIRequest {
    /// `POST /api/v1/articles`.
    struct NewArticle: Decodable {
        let id: String
        let title: String
        let url: String?
        let text: String
    }

    /// `PUT /api/v1/articles/{slug}/text`.
    struct NewText: Decodable {
        let text: String
    }

    /// Where in the text: exactly one of a quote (with its occurrence), a span or a paragraph;
    /// `revision`, when given, is the one the offsets were taken on (409 if the text changed since).
    struct Place: Decodable {
        let revision: Int?
        let quote: String?
        let occurrence: Int?
        let start: Int?
        let end: Int?
        let paragraph: Int?

        func selector() throws -> TextSelector {
            try TextSelector.choosing(paragraph: paragraph, quote: quote, occurrence: occurrence, start: start, end: end)
        }
    }

    /// `POST /api/v1/articles/{slug}/claims`: the claim and its fields, beside the place and the
    /// attribution, which are read from the same flat object.
    struct NewClaim: Decodable {
        let claim: String
        let sources: [String]?
        let note: String?
        let assignee: String?
        let due: String?
        let place: Place
        let attribution: AttributionFields

        private enum CodingKeys: String, CodingKey {
            case claim, sources, note, assignee, due
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            claim = try container.decode(String.self, forKey: .claim)
            sources = try container.decodeIfPresent([String].self, forKey: .sources)
            note = try container.decodeIfPresent(String.self, forKey: .note)
            assignee = try container.decodeIfPresent(String.self, forKey: .assignee)
            due = try container.decodeIfPresent(String.self, forKey: .due)
            place = try Place(from: decoder)
            attribution = try AttributionFields(from: decoder)
        }
    }

    /// `POST /api/v1/claims/{id}/status`.
    struct StatusChange: Decodable {
        let status: String
        let note: String?
        let sources: [String]?
    }

    /// `POST /api/v1/claims/{id}/sources`.
    struct NewSource: Decodable {
        let url: String
        let title: String?
        let note: String?
    }

    /// `POST /api/v1/claims/{id}/notes`.
    struct NewNote: Decodable {
        let note: String
    }

    /// `POST /api/v1/claims/{id}/assignee` (an empty or missing `assignee` with `DELETE` unassigns).
    struct Assignment: Decodable {
        let assignee: String
        let due: String?
    }

    /// `POST /api/v1/claims/{id}/review`.
    struct Review: Decodable {
        let decision: String
        let note: String?
    }

    /// `POST /api/v1/claims/{id}/conflicts`: settle a merge conflict, keeping the current value or taking the set-aside one.
    struct Resolve: Decodable {
        let field: String?
        let choice: String
    }

    /// `POST /api/v1/claims/{id}/attribution`: who made the claim, when and where.
    struct AttributionFields: Decodable {
        let claimant: String?
        let claimantKind: String?
        let claimDate: String?
        let appearances: [String]?

        func attribution(now: Date) throws -> Attribution? {
            try Attribution.parsing(claimant: claimant, kind: claimantKind, date: claimDate, appearances: appearances ?? [], now: now)
        }
    }
}
