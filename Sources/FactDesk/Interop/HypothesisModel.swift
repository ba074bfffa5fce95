import Foundation

/// Hypothesis's own annotation JSON (https://h.readthedocs.io/en/latest/api-reference/), the parts
/// FactDesk reads: what the search API returns (`{"total": N, "rows": [...]}`), what an export
/// gives (a list of annotations), or one annotation. Groups, permissions, links, moderation
/// flags and the like are ignored.
enum Hypothesis {
    /// The largest file read, in bytes: refused before parsing when larger.
    static let maximumFileBytes = 64 * 1024 * 1024

    /// One annotation. Dates keep the fractions Hypothesis gives; the claim built from it drops them.
    struct Annotation: Decodable {
        var id: String
        var created: Date
        var updated: Date
        /// `acct:username@authority`.
        var user: String
        var uri: String?
        /// Markdown, as typed in Hypothesis.
        var text: String?
        var tags: [String]?
        var target: [Target]
        var document: Document?
        /// The annotations this one replies to: set on replies only.
        var references: [String]?
        var userInfo: UserInfo?

        enum CodingKeys: String, CodingKey {
            case id, created, updated, user, uri, text, tags, target, document, references
            case userInfo = "user_info"
        }

        /// The page: `target[0].source`, else `uri`.
        var page: String? { target.first?.source ?? uri }

        /// The quote, when the annotation is on one (not a page note).
        var quote: Selector? { target.first?.selector?.first { $0.type == "TextQuoteSelector" } }

        /// The page's title, when Hypothesis recorded one.
        var title: String? { document?.title?.first }
    }

    /// What an annotation is on: a page, and where in it.
    struct Target: Decodable {
        var source: String?
        var selector: [Selector]?
    }

    /// A RangeSelector, TextPositionSelector (UTF-16 offsets of the browser's page text, which
    /// FactDesk never trusts) or TextQuoteSelector; only the quote's fields are used.
    struct Selector: Decodable {
        var type: String
        var exact: String?
        var prefix: String?
        var suffix: String?
    }

    /// The page's metadata; `title` is a list in the API, a single string is read too.
    struct Document: Decodable {
        var title: [String]?

        enum CodingKeys: String, CodingKey { case title }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let one = try? container.decodeIfPresent(String.self, forKey: .title) {
                title = [one]
            } else {
                title = try container.decodeIfPresent([String].self, forKey: .title)
            }
        }
    }

    /// The annotator's profile: the display name, when set.
    struct UserInfo: Decodable {
        var displayName: String?

        enum CodingKeys: String, CodingKey { case displayName = "display_name" }
    }

    /// One element of the file's list, decoded on its own so that a bad one is named by its place and id.
    struct Entry: Decodable {
        let id: String?
        let annotation: Result<Annotation, any Error>
        /// How deep in the file the element is, to name a bad field from the annotation down.
        let depth: Int

        init(from decoder: Decoder) throws {
            id = try? decoder.container(keyedBy: Annotation.CodingKeys.self).decode(String.self, forKey: .id)
            annotation = Result { try Annotation(from: decoder) }
            depth = decoder.codingPath.count
        }
    }

    /// A file that is JSON but none of the shapes Hypothesis gives.
    struct WrongShape: Error {}

    /// The file: a search result, an export (a list) or one annotation.
    struct File: Decodable {
        let entries: [Entry]

        enum CodingKeys: String, CodingKey { case rows, id }

        init(from decoder: Decoder) throws {
            if (try? decoder.unkeyedContainer()) != nil {
                entries = try [Entry](from: decoder)
                return
            }
            guard let container = try? decoder.container(keyedBy: CodingKeys.self) else { throw WrongShape() }
            if container.contains(.rows) {
                entries = try container.decode([Entry].self, forKey: .rows)
            } else if container.contains(.id) {
                entries = [try Entry(from: decoder)]
            } else {
                throw WrongShape()
            }
        }
    }

    /// The annotations of a Hypothesis file, or one error naming the first bad one (its place and id).
    static func annotations(in data: Data, source: String) throws -> [Annotation] {
        guard data.count <= maximumFileBytes else {
            throw FactDeskError.invalidInput("\(source) is larger than \(maximumFileBytes / 1_048_576) MiB, the most FactDesk imports "
                                             + "from Hypothesis at once: split it (the search API's limit and offset)")
        }
        guard String(validating: data, as: UTF8.self) != nil else {
            throw FactDeskError.invalidInput("\(source) is not valid UTF-8; Hypothesis JSON is UTF-8: save it again as downloaded")
        }
        let shapes = "give a search result ({\"rows\": [...]}), an export (a list of annotations) or one annotation"
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = DeskJSON.dateDecoding
        let file: File
        do {
            file = try decoder.decode(File.self, from: data)
        } catch is WrongShape {
            throw FactDeskError.invalidInput("\(source) is not Hypothesis JSON; \(shapes)")
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                throw FactDeskError.invalidInput("\(source) is not JSON; \(shapes)")
            }
            throw FactDeskError.invalidInput("\(source) is not Hypothesis JSON FactDesk can read (\(DeskJSON.describe(error))); \(shapes)")
        }
        return try file.entries.enumerated().map { index, entry in
            let place = "\(source): annotation \(index + 1) (" + (entry.id.map { "id \($0.oneLine(limit: 40))" } ?? "no id") + ")"
            do {
                let annotation = try entry.annotation.get()
                try TextPolicy.checkLine(annotation.id, field: "its id")
                guard !annotation.id.isEmpty else { throw FactDeskError.invalidInput("its id is empty") }
                guard !annotation.target.isEmpty else { throw FactDeskError.invalidInput("its target is empty") }
                guard annotation.page != nil else { throw FactDeskError.invalidInput("it names no page (no uri, no target source)") }
                return annotation
            } catch let error as DecodingError {
                throw FactDeskError.invalidInput("\(place) is not a Hypothesis annotation FactDesk can read: \(describe(error, below: entry.depth))")
            } catch let error as FactDeskError {
                throw FactDeskError.invalidInput("\(place) is not a Hypothesis annotation FactDesk can read: \(error)")
            }
        }
    }

    /// What is wrong in one annotation, its fields named from the annotation down.
    private static func describe(_ error: DecodingError, below depth: Int) -> String {
        func relative(_ context: DecodingError.Context) -> DecodingError.Context {
            DecodingError.Context(codingPath: Array(context.codingPath.dropFirst(depth)), debugDescription: context.debugDescription)
        }
        switch error {
        case .keyNotFound(let key, let context):
            return DeskJSON.describe(.keyNotFound(key, relative(context)))
        case .typeMismatch(let type, let context):
            return context.codingPath.count <= depth ? "it is not an object" : DeskJSON.describe(.typeMismatch(type, relative(context)))
        case .valueNotFound(let type, let context):
            return DeskJSON.describe(.valueNotFound(type, relative(context)))
        case .dataCorrupted(let context):
            return DeskJSON.describe(.dataCorrupted(relative(context))) + " (\(context.debugDescription.oneLine(limit: 80)))"
        @unknown default:
            return DeskJSON.describe(error)
        }
    }
}
