/// A property of a sentence that a person can read and that the ranker weighs: each one raises
/// or lowers how check-worthy the sentence looks (by its weight in `CheckWorthinessWeights`).
/// `name` is the reason as `suggest` shows it; the raw value, the feature's bit in `SentenceFeatures`.
public enum SentenceFeature: Int, CaseIterable, Sendable {
    /// A figure other than a year or a clock time.
    case number
    /// A figure written in words: `a third`, `dozens`, `twice`.
    case numberWord
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
    case namedSource
    /// A year, a month, a weekday, `last year`.
    case date
    /// `because`, `due to`, `led to`, `as a result`.
    case causal
    /// A public decision: `approved`, `ruled`, `voted`, `sentenced`.
    case decision
    /// `never`, `not`, `no`: a denial or a negated fact.
    case negation
    /// A capitalized name inside the sentence.
    case properName
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
    case firstPerson
    /// `will`, `expected to`, `forecast`, `next year`.
    case prediction
    /// An order or a how-to: `Bake`, `Visit`, `please`.
    case instruction
    /// `6 p.m.`, `16:45`, `o'clock`.
    case timeOfDay
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

    /// The reason's name, as `suggest` and the weights table write it.
    public var name: String {
        switch self {
        case .number: "number"
        case .numberWord: "number word"
        case .money: "money"
        case .percent: "percent"
        case .comparison: "comparison"
        case .change: "change"
        case .record: "record"
        case .attribution: "attribution"
        case .namedSource: "named source"
        case .date: "date"
        case .causal: "causal"
        case .decision: "decision"
        case .negation: "negation"
        case .properName: "proper name"
        case .quote: "quote"
        case .lead: "lead"
        case .long: "long"
        case .short: "short"
        case .question: "question"
        case .exclamation: "exclamation"
        case .opinion: "opinion"
        case .feeling: "feeling"
        case .firstPerson: "first person"
        case .prediction: "prediction"
        case .instruction: "instruction"
        case .timeOfDay: "time of day"
        case .schedule: "schedule"
        case .age: "age"
        case .sport: "sport"
        case .measure: "measure"
        case .scene: "scene"
        }
    }
}

/// A set of features, one bit each, in `SentenceFeature.allCases` order.
public struct SentenceFeatures: Equatable, Sendable, Sequence {
    private(set) var bits: UInt64 = 0

    public init() {}

    mutating func insert(_ feature: SentenceFeature) {
        bits |= 1 << UInt64(feature.rawValue)
    }

    mutating func formUnion(_ other: SentenceFeatures) {
        bits |= other.bits
    }

    public func contains(_ feature: SentenceFeature) -> Bool {
        bits & (1 << UInt64(feature.rawValue)) != 0
    }

    public func makeIterator() -> some IteratorProtocol<SentenceFeature> {
        SentenceFeature.allCases.lazy.filter(contains).makeIterator()
    }
}

