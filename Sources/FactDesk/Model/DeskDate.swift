import Foundation

/// A date as editors give one: a calendar day (`2026-12-01`, meaning the whole day in UTC) or
/// an instant (`2026-12-01T18:00:00Z`, any ISO 8601 offset). Deadlines and the dates claims were
/// made use it; it is stored as the text it was given in canonical form.
public struct DeskDate: Codable, Equatable, Sendable, Comparable, CustomStringConvertible {
    /// `YYYY-MM-DD` for a day, `YYYY-MM-DDTHH:MM:SSZ` for an instant.
    public let text: String
    /// When it begins (a day's midnight UTC).
    public let start: Date
    /// When it is over: the next midnight for a day, the instant itself otherwise.
    public let end: Date

    public var isDay: Bool { end > start }
    public var description: String { text }

    /// Parses what an editor typed: `YYYY-MM-DD`, an ISO 8601 date-time with its offset, or
    /// `today` / `tomorrow` (UTC days, relative to `now`).
    public init(parsing input: String, field: String, now: Date) throws {
        let text = input.trimmingCharacters(in: .whitespaces)
        switch text.lowercased() {
        case "today": self.init(day: now)
        case "tomorrow": self.init(day: now.addingTimeInterval(86_400))
        default:
            if let day = Self.day(text) {
                self.init(dayStart: day)
            } else if text.count >= 20, text.contains("T"), let date = DeskDate(cached: text), !date.isDay {
                self = date
            } else {
                throw FactDeskError.invalidInput(
                    "\(field) '\(input.oneLine(limit: 40))' is not a date; give YYYY-MM-DD (such as 2026-12-01) or a time such as 2026-12-01T18:00:00Z")
            }
        }
    }

    /// A date read back from a cache, which holds only dates validated when first read.
    init?(cached text: String) {
        if let day = Self.day(text) {
            self.init(dayStart: day)
        } else if let date = ISODate.date(text), Self.isFourDigitYear(ISODate.string(date)) {
            self.init(instant: date)
        } else {
            return nil
        }
    }

    /// Years 1 to 9999, written with four digits as ISO 8601 expects without an agreement.
    private static func isFourDigitYear(_ canonical: String) -> Bool {
        let bytes = Array(canonical.utf8)
        return bytes.count >= 5 && bytes[4] == UInt8(ascii: "-") && bytes[0..<4].allSatisfy { (48...57).contains($0) }
            && !canonical.hasPrefix("0000")
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = DeskDate(cached: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a date: \(text)")
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    /// Whether the date is over at `now`: a day once it has ended, an instant once it has passed.
    public func isPast(at now: Date) -> Bool { now >= end && (isDay || now > end) }

    public static func < (lhs: DeskDate, rhs: DeskDate) -> Bool { (lhs.end, lhs.start) < (rhs.end, rhs.start) }

    private init(day date: Date) {
        self.init(dayStart: Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400))
    }

    private init(dayStart: Date) {
        start = dayStart
        end = dayStart.addingTimeInterval(86_400)
        text = String(ISODate.string(dayStart).prefix(10))
    }

    private init(instant: Date) {
        let whole = Date(timeIntervalSince1970: instant.timeIntervalSince1970.rounded(.down))
        start = whole
        end = whole
        text = ISODate.string(whole)
    }

    /// Midnight UTC of a valid `YYYY-MM-DD` day, or nil.
    private static func day(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let date = ISODate.date(text + "T00:00:00Z"),
              ISODate.string(date).hasPrefix(text)  // refuses 2026-02-30, which timegm would roll over
        else { return nil }
        return date
    }
}
