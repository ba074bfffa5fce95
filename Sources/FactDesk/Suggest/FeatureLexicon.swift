/// The words and phrases behind the features that words give away: a lower-case word or
/// phrase (up to three words, single spaces) to its feature, cues for scripts written without
/// spaces between words or with words this tokenizer cannot split, and the verbs that begin
/// an instruction. These lists are the feature rules' data; `SentenceFeatureDetector` reads them.
enum FeatureLexicon {
    /// What a lower-case word or phrase gives away: its features, and whether a longer phrase
    /// begins with it (so that only then the next words are looked at with it).
    struct Entry {
        var features = SentenceFeatures()
        var startsPhrase = false
    }

    /// Words and phrases anywhere in a sentence (a figure's unit too: the `bn` of `1.2bn`), by
    /// their UTF-8, one look-up a word.
    static let entries: [[UInt8]: Entry] = {
        var table: [[UInt8]: Entry] = [:]
        for (feature, phrases) in words {
            for phrase in phrases {
                table[Array(phrase.utf8), default: Entry()].features.insert(feature)
                let parts = phrase.split(separator: " ")
                for length in 1..<parts.count {
                    table[Array(parts.prefix(length).joined(separator: " ").utf8), default: Entry()].startsPhrase = true
                }
            }
        }
        return table
    }()

    /// Substrings that give a feature away in Chinese, Arabic and Hindi text.
    static let scriptCues: [(cue: String, feature: SentenceFeature)] = [
        ("表示", .attribution), ("称", .attribution), ("据", .attribution), ("介绍", .attribution), ("说", .attribution),
        ("قال", .attribution), ("أعلن", .attribution), ("أكد", .attribution), ("وفق", .attribution), ("كشف", .attribution),
        ("कहा", .attribution), ("के अनुसार", .attribution), ("बताया", .attribution),
        ("局", .namedSource), ("政府", .namedSource), ("统计", .namedSource), ("部门", .namedSource), ("报告", .namedSource),
        ("وزارة", .namedSource), ("الحكومة", .namedSource), ("هيئة", .namedSource), ("تقرير", .namedSource), ("الشركة", .namedSource),
        ("मंत्रालय", .namedSource), ("सरकार", .namedSource), ("विभाग", .namedSource), ("रिपोर्ट", .namedSource), ("आंकड़", .namedSource),
        ("比", .comparison), ("超过", .comparison), ("高出", .comparison), ("低于", .comparison), ("أكثر", .comparison), ("أقل", .comparison),
        ("ज़्यादा", .comparison), ("अधिक", .comparison), ("कम", .comparison),
        ("增长", .change), ("下降", .change), ("减少", .change), ("增加", .change), ("ارتفع", .change), ("انخفض", .change),
        ("बढ़", .change), ("घट", .change),
        ("第一", .record), ("最", .record), ("首次", .record), ("أول", .record), ("أكبر", .record), ("सबसे", .record), ("पहली", .record),
        ("年", .date), ("月", .date), ("عام", .date), ("سنة", .date), ("वर्ष", .date), ("साल", .date),
        ("导致", .causal), ("因为", .causal), ("由于", .causal), ("بسبب", .causal), ("نتيجة", .causal), ("के कारण", .causal), ("की वजह", .causal),
        ("元", .money), ("دولار", .money), ("ريال", .money), ("دينار", .money), ("रुपये", .money), ("करोड़", .money),
        ("应该", .opinion), ("必须", .opinion), ("认为", .opinion), ("يجب", .opinion), ("نعتقد", .opinion), ("चाहिए", .opinion),
        ("我", .firstPerson), ("نحن", .firstPerson), ("أنا", .firstPerson), ("मैं", .firstPerson), ("हम", .firstPerson),
        ("将", .prediction), ("预计", .prediction), ("سوف", .prediction), ("ستكون", .prediction), ("होगा", .prediction), ("होगी", .prediction),
        ("高兴", .feeling), ("开心", .feeling), ("担心", .feeling), ("سعيد", .feeling), ("खुश", .feeling),
        ("点", .timeOfDay), ("صباحا", .timeOfDay), ("مساء", .timeOfDay), ("बजे", .timeOfDay),
    ]

    /// Verbs that begin an instruction or an invitation when they open a sentence.
    static let instructionVerbs: Set<[UInt8]> = Set(instructionVerbNames.map { Array($0.utf8) })

    private static let instructionVerbNames = [
        "bake", "add", "stir", "mix", "turn", "take", "visit", "call", "bring", "register", "book", "check", "join",
        "follow", "stick", "remember", "don't", "do", "try", "let", "head", "go", "come", "keep", "make", "get", "buy",
        "read", "watch", "see", "use", "leave", "park", "avoid", "expect", "allow", "plan", "pack", "wear", "arrive",
        "preheat", "serve", "pour", "cut", "place", "drive", "consider", "find", "sign", "tell", "write", "vote",
    ]

    private static let words: [SentenceFeature: [String]] = [
        .numberWord: [
            "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
            "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion",
            "billions", "trillion", "bn", "dozen", "dozens", "half", "a third", "two thirds", "a quarter", "twice", "triple",
            "threefold", "single",
        ],
        .money: [
            "dollars", "dollar", "euros", "euro", "pounds", "yuan", "rupees", "dinars", "budget", "cost", "costs",
            "spending", "funding", "revenue", "profit", "profits", "loss", "losses", "deficit", "debt", "tax", "taxes",
            "salary", "pay", "fine", "grant", "price", "prices", "fare", "fares", "rent", "rents", "wages",
        ],
        .percent: ["percent", "per cent", "percentage", "percentage points"],
        .comparison: [
            "than", "compared", "compared with", "compared to", "up from", "down from", "higher", "lower", "more than",
            "less than", "fewer", "greater", "smaller", "larger", "bigger", "above", "below", "exceed", "exceeded",
            "outnumber", "outnumbered", "as many as", "as much as", "share", "rate", "average", "majority",
        ],
        .change: [
            "rose", "risen", "rise", "rises", "fell", "fallen", "falls", "grew", "grown", "increase", "increased",
            "increases", "decrease", "decreased", "doubled", "halved", "tripled", "jumped", "climbed", "declined",
            "dropped", "surged", "slumped", "cut", "cuts", "reduced", "raised", "lost", "gained", "shrank", "soared",
            "plunged",
        ],
        .record: [
            "record", "largest", "biggest", "highest", "lowest", "smallest", "fastest", "oldest", "youngest", "longest",
            "worst", "best", "most", "least", "greatest", "deepest", "hottest", "coldest", "wettest", "driest", "first",
            "ever", "unprecedented", "all time", "only", "last time", "never before", "since",
        ],
        .attribution: [
            "said", "says", "say", "told", "tells", "according to", "announced", "reported", "reports", "stated",
            "confirmed", "estimated", "estimates", "claimed", "claims", "alleged", "testified", "wrote", "added", "noted",
            "insisted", "denied", "admitted", "showed", "shows", "show", "found", "finds", "revealed", "published",
            "disclosed", "acknowledged", "conceded", "argued", "warned",
        ],
        .namedSource: [
            "ministry", "minister", "department", "agency", "police", "court", "judge", "jury", "council", "commission",
            "office", "bureau", "authority", "government", "officials", "official", "spokesperson", "spokesman",
            "spokeswoman", "report", "study", "survey", "census", "data", "figures", "records", "statistics", "filings",
            "filing", "documents", "audit", "analysis", "researchers", "university", "institute", "hospital", "company",
            "prosecutors", "regulator", "inspectors", "board", "ruling", "poll", "mayor", "president",
        ],
        .date: [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday",
            "thursday", "friday", "saturday", "sunday", "yesterday", "last year", "last week", "last month",
            "this year", "decade", "annual", "annually", "century",
        ],
        .causal: [
            "because", "because of", "due to", "caused", "causing", "cause", "led to", "leading to", "resulted",
            "result", "as a result", "blamed", "thanks to", "linked to", "attributed", "driven by", "triggered",
            "prompted", "therefore", "consequently", "so that", "after",
        ],
        .decision: [
            "approved", "passed", "voted", "ruled", "sentenced", "convicted", "charged", "fined", "signed", "banned",
            "ordered", "awarded", "rejected", "overturned", "acquitted", "elected", "appointed", "dismissed", "upheld",
            "imposed", "ratified", "vetoed", "adopted", "repealed", "granted", "won", "defeated", "indicted",
            "pleaded", "settled",
        ],
        .negation: ["never", "not", "no", "none", "nobody", "nothing", "without", "didn't", "did not", "hasn't", "haven't", "wasn't", "isn't"],
        .opinion: [
            "should", "must", "ought", "believe", "believes", "think", "thinks", "opinion", "view", "wonderful",
            "terrible", "disgrace", "shameful", "unfair", "fair", "necessary", "painful", "beautiful", "brilliant",
            "great", "excellent", "awful", "outrageous", "ridiculous", "deserve", "deserves", "clearly", "obviously",
            "surely", "perhaps", "maybe", "arguably", "seems", "seem", "stunning", "magnificent", "delightful", "superb",
            "dull", "tedious", "masterpiece", "remarkable", "bold", "irresponsible", "reckless", "responsible", "need",
            "needs", "wrong", "right", "mistake", "good", "bad", "lovely", "gorgeous", "moving", "tender", "sadly",
            "frankly", "honestly", "simply", "worth", "too", "enough", "time to",
        ],
        .feeling: [
            "happy", "glad", "proud", "excited", "thrilled", "delighted", "sad", "angry", "upset", "worried", "afraid",
            "scared", "nervous", "relieved", "grateful", "heartbroken", "devastated", "emotional", "moved", "love",
            "loved", "miss", "enjoy", "enjoyed", "hope", "hopes", "hoping", "feel", "feels", "felt", "fear", "fears",
        ],
        .firstPerson: ["i", "i'm", "i've", "i'd", "i'll", "we", "we're", "we've", "we'll", "me", "my", "our", "us", "mine", "ours"],
        .prediction: [
            "will", "would", "could", "might", "may", "expected", "expects", "expect", "forecast", "forecasts",
            "predicted", "predicts", "likely", "unlikely", "plans", "plan to", "going to", "soon", "tomorrow", "next",
            "future", "projected", "set to", "promise", "promised", "vowed", "pledged", "won't", "intend", "aims",
        ],
        .instruction: ["please", "don't miss", "make sure"],
        .timeOfDay: ["a.m", "p.m", "am", "pm", "o'clock", "noon", "midnight", "morning", "evening", "afternoon", "tonight"],
        .schedule: [
            "tickets", "ticket", "doors", "admission", "scheduled", "registration", "booking", "entry", "free",
            "runs until", "open from", "opens", "begins", "starts", "kick off", "tip off", "venue", "programme",
            "program", "listings", "weekend", "held", "hearing",
        ],
        .age: ["aged", "year old", "years old", "age"],
        .sport: [
            "scored", "score", "goal", "goals", "rebounds", "assists", "points", "inning", "touchdown", "penalty",
            "half time", "halftime", "quarter", "match", "game", "season", "coach", "striker", "win", "victory",
            "defeat", "league", "fans",
        ],
        .measure: [
            "grams", "gram", "g", "kg", "kilograms", "ml", "litres", "liters", "cups", "cup", "tablespoons",
            "teaspoons", "minutes", "hours", "metres", "meters", "km", "kilometres", "miles", "feet",
            "degrees", "mm", "cm", "tonnes", "tons",
        ],
        .scene: [
            "wore", "wearing", "smiled", "laughed", "sunshine", "sunny", "crowd", "crowds", "queue", "queued", "lined",
            "gathered", "cheered", "applause", "smell", "music", "colourful", "decorated", "waved", "dressed", "sat",
            "stood", "walked", "quiet", "light", "shade", "scent", "bustling", "packed",
        ],
    ]
}
