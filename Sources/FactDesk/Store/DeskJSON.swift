import Foundation

/// The one JSON dialect of the store: sorted keys, two-space indent, a trailing newline,
/// ISO 8601 UTC timestamps, so that `git diff` shows exactly what changed.
enum DeskJSON {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISODate.string(date))
        }
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    /// Decodes a stored file, turning any failure into an error naming `path`.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, path: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = dateDecoding
        do {
            return try decoder.decode(type, from: data)
        } catch let error as DecodingError {
            throw FactDeskError.corruptFile(path: path, detail: describe(error))
        } catch let error as FactDeskError {
            throw FactDeskError.corruptFile(path: path, detail: error.description)
        } catch {
            throw FactDeskError.corruptFile(path: path, detail: "\(error)")
        }
    }

    /// Reads the store's timestamps (see `ISODate`).
    static let dateDecoding = JSONDecoder.DateDecodingStrategy.custom { decoder in
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = ISODate.date(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 date: \(text)")
        }
        return date
    }

    /// A short description of a decoding failure: where in the file, and what was wrong.
    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "bad value at \(path(context.codingPath))"
        case .keyNotFound(let key, let context):
            return "missing \(path(context.codingPath + [key]))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at \(path(context.codingPath))"
        @unknown default:
            return "unreadable"
        }
    }

    private static func path(_ keys: [CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
