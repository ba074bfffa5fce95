import Foundation

/// Ranks an article's sentences by how check-worthy they look (ClaimBuster's sense: figures,
/// comparisons and records, attributed statements of fact, history, what a policy caused first;
/// opinion, questions, predictions, feelings and scene-setting last), with a logistic model over
/// readable features whose weights were learned offline (`CheckWorthinessWeights`).
public enum CheckWorthiness {
    /// The sentences of `text` (headings left out), most check-worthy first; equal scores in
    /// text order. Nothing is marked covered: see `ArticleSuggestions`.
    public static func rank(_ text: ArticleText) -> [SentenceSuggestion] {
        let sentences = SentenceSplitter.sentences(in: text).filter { !$0.isHeading }
        let leadParagraph = sentences.first?.paragraph
        let strings = texts(of: sentences, in: text)
        let scored = sentences.map { sentence -> (sentence: TextSentence, score: Double, reasons: [SuggestionReason]) in
            let features = SentenceFeatureDetector.features(of: text.scalars[sentence.range],
                                                            isLead: sentence.paragraph == leadParagraph)
            let (score, reasons) = score(features)
            return (sentence, score, reasons)
        }
        let order = scored.indices.sorted { (-scored[$0].score, $0) < (-scored[$1].score, $1) }
        return order.enumerated().map { rank, index in
            let entry = scored[index]
            return SentenceSuggestion(rank: rank + 1, sentence: strings[index],
                                      score: rounded(entry.score, to: SentenceSuggestion.scoreDecimals), paragraph: entry.sentence.paragraph,
                                      start: entry.sentence.range.lowerBound, end: entry.sentence.range.upperBound,
                                      covered: false, reasons: entry.reasons)
        }
    }

    /// The text of each sentence (in text order), cut from the stored string's UTF-8 by one
    /// walk of its scalars rather than rebuilt scalar by scalar.
    private static func texts(of sentences: [TextSentence], in text: ArticleText) -> [String] {
        let view = text.string.unicodeScalars
        var cursor = view.startIndex, offset = 0
        return sentences.map { sentence in
            cursor = view.index(cursor, offsetBy: sentence.range.lowerBound - offset)
            let end = view.index(cursor, offsetBy: sentence.range.count)
            defer { (cursor, offset) = (end, sentence.range.upperBound) }
            return String(view[cursor..<end])
        }
    }

    /// The model's probability for a sentence with `features`, and each feature's weight, the
    /// largest effect first.
    static func score(_ features: SentenceFeatures) -> (score: Double, reasons: [SuggestionReason]) {
        var sum = CheckWorthinessWeights.bias
        var reasons: [SuggestionReason] = []
        for feature in features {
            let weight = weights[feature.rawValue]
            sum += weight
            reasons.append(SuggestionReason(name: feature.name, weight: rounded(weight, to: SuggestionReason.decimals)))
        }
        reasons.sort { (-abs($0.weight), $0.name) < (-abs($1.weight), $1.name) }
        return (1 / (1 + exp(-sum)), reasons)
    }

    private static func rounded(_ value: Double, to decimals: Int) -> Double {
        let scale = pow(10, Double(decimals))
        return (value * scale).rounded() / scale
    }

    /// The weights in `SentenceFeature.allCases` order; a feature the training never saw weighs nothing.
    private static let weights: [Double] = SentenceFeature.allCases.map { CheckWorthinessWeights.byReason[$0.name] ?? 0 }
}
