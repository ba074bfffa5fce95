/// A property of a sentence that a person can read and that the ranker weighs: each one raises
/// or lowers how check-worthy the sentence looks (by its weight in `CheckWorthinessWeights`).
/// The raw value is the reason's name as `suggest` shows it.
public enum SentenceFeature: String, CaseIterable, Sendable {
    /// A figure other than a year or a clock time.
    case number
    /// A figure written in words: `a third`, `dozens`, `twice`.
    case numberWord = "number word"
    case money
    case percent
    /// `more than`, `compared with`, `up from`, `higher`.
    case comparison
    /// `rose`, `fell`, `doubled`, `cut`.
    case change
    /// `record`, `largest`, `first`, `ever`, `unprecedented`.
    case record
    /// `said`, `according to`, `announced`, `表示`, `قال`, `कहा`.
    case attribution
    /// An institution or a record as the source: `the ministry`, `police`, `court records`, `a study`.
    case namedSource = "named source"
    /// A year, a month, a weekday, `last year`.
    case date
    /// `because`, `due to`, `led to`, `as a result`.
    case causal
    /// A public decision: `approved`, `ruled`, `voted`, `sentenced`.
    case decision
    /// `never`, `not`, `no`: a denial or a negated fact.
    case negation
    /// A capitalized name inside the sentence.
    case properName = "proper name"
    /// Quotation marks: the sentence quotes someone.
    case quote
    /// The article's first paragraph.
    case lead
    /// Thirty words or more.
    case long
    /// Fewer than seven words.
    case short
    case question
    case exclamation
    /// `should`, `must`, `believe`, `disgrace`, `wonderful`.
    case opinion
    /// `proud`, `worried`, `delighted`.
    case feeling
    /// `I`, `we`, `our`, `我们`, `نحن`, `हम`.
    case firstPerson = "first person"
    /// `will`, `expected to`, `forecast`, `next year`.
    case prediction
    /// An order or a how-to: `Bake`, `Visit`, `please`.
    case instruction
    /// `6 p.m.`, `16:45`, `o'clock`.
    case timeOfDay = "time of day"
    /// `tickets`, `doors open`, `scheduled`, `admission`.
    case schedule
    /// Someone's age: `Reyes, 31,`, `aged 64`, `a 12-year-old`.
    case age
    /// Play in a match: `scored`, `rebounds`, `half-time`.
    case sport
    /// Weights and measures of things: `grams`, `°C`, `metres`, `minutes`.
    case measure
    /// Scene-setting: `wore`, `crowd`, `smiled`, `sunshine`.
    case scene
}

/// A set of features, one bit each, in `SentenceFeature.allCases` order.
public struct SentenceFeatures: Equatable, Sendable, Sequence {
    private(set) var bits: UInt64 = 0

    public init() {}

    mutating func insert(_ feature: SentenceFeature) {
        bits |= 1 << UInt64(feature.index)
    }

    public func contains(_ feature: SentenceFeature) -> Bool {
        bits & (1 << UInt64(feature.index)) != 0
    }

    public func makeIterator() -> some IteratorProtocol<SentenceFeature> {
        SentenceFeature.allCases.lazy.filter(contains).makeIterator()
    }
}

extension SentenceFeature {
    /// The feature's position in `allCases`.
    var index: Int { Self.indices[self]! }

    private static let indices: [SentenceFeature: Int] = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
}
