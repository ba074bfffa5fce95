import Foundation

extension W3C {
    /// One top-level thing in an annotation file: a collection, a page or an annotation.
    enum DocumentPart: Decodable {
        case collection(Collection)
        case page(Page)
        case annotation(Annotation)

        private enum Keys: String, CodingKey { case type }

        init(from decoder: Decoder) throws {
            let type = try decoder.container(keyedBy: Keys.self).decodeIfPresent(String.self, forKey: .type)
            switch type {
            case "AnnotationCollection": self = .collection(try Collection(from: decoder))
            case "AnnotationPage": self = .page(try Page(from: decoder))
            case "Annotation": self = .annotation(try Annotation(from: decoder))
            default: throw FactDeskError.invalidInput("no AnnotationCollection, AnnotationPage or Annotation type")
            }
        }
    }

    /// Every annotation of `parts`, in order: each collection's pages from `first` along `next`
    /// (an IRI naming a page elsewhere in the file), then any page no collection reached, then
    /// loose annotations. A collection's `total`, when given, must match what its pages hold.
    static func annotations(in parts: [DocumentPart]) throws -> [Annotation] {
        var pagesByID: [String: Page] = [:]
        for case .page(let page) in parts { if let id = page.id { pagesByID[id] = page } }
        var reached = Set<String>()
        var annotations: [Annotation] = []
        for case .collection(let collection) in parts {
            var count = 0
            var link = collection.first
            while let current = link {
                let page: Page
                switch current {
                case .embedded(let embedded): page = embedded
                case .reference(let iri):
                    guard let named = pagesByID[iri] else {
                        throw FactDeskError.invalidInput("the collection's page \(iri) is not in the file")
                    }
                    page = named
                }
                if let id = page.id {
                    guard reached.insert(id).inserted else { throw FactDeskError.invalidInput("page \(id) comes twice in the collection") }
                }
                annotations += page.items
                count += page.items.count
                link = page.next
            }
            if let total = collection.total, total != count {
                throw FactDeskError.invalidInput("the collection says it holds \(total) annotations, but its pages hold \(count): is a page missing?")
            }
        }
        for case .page(let page) in parts where page.id.map({ !reached.contains($0) }) ?? true {
            annotations += page.items
        }
        for case .annotation(let annotation) in parts { annotations.append(annotation) }
        return annotations
    }
}
