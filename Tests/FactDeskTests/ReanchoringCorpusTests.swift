import Foundation
import Testing
@testable import FactDesk

/// The hand-written corpus of real copy-editing (moved paragraphs, retyped dashes and quotes,
/// inserted updates, rewritten and deleted sentences, repeated names): every claim of every
/// revision goes through `article update` on a real desk and lands where an editor marked it.
@Suite(.serialized) struct ReanchoringCorpusTests {
    /// How one article's claims fared over its revisions.
    struct Tally: CustomStringConvertible {
        var right = 0
        /// Orphaned although its text is still in the revision.
        var orphanedButPresent = 0
        /// Placed on other words than the editor marked (or not orphaned when its text is gone).
        var misplaced = 0
        /// Flagged "changed" although its words are the same.
        var flaggedButSame = 0
        var failures: [String] = []

        var description: String {
            "\(right) right, \(orphanedButPresent) orphaned-but-present, \(misplaced) misplaced, \(flaggedButSame) flagged-but-same"
        }
    }

    @Test func everyClaimLandsWhereTheEditorMarkedIt() throws {
        let corpus = try RevisionCorpusArticle.all()
        #expect(corpus.count >= 6, "the corpus needs at least 6 articles")
        var total = Tally()
        var lines: [String] = []
        for article in corpus {
            let tally = try run(article)
            lines.append("\(article.name): \(tally)")
            total.right += tally.right
            total.orphanedButPresent += tally.orphanedButPresent
            total.misplaced += tally.misplaced
            total.flaggedButSame += tally.flaggedButSame
            for failure in tally.failures { Issue.record(Comment(rawValue: "\(article.name): \(failure)")) }
        }
        print("Re-anchoring corpus:\n  " + lines.joined(separator: "\n  ") + "\n  all: \(total)")
        #expect(total.orphanedButPresent == 0)
        #expect(total.misplaced == 0)
        #expect(total.flaggedButSame == 0)
        #expect(total.right >= 6 * 10 * 2, "too few claim × revision cases: \(total.right)")
    }

    private func run(_ article: RevisionCorpusArticle) throws -> Tally {
        let desk = try DeskFixture()
        let slug = try ArticleSlug(article.name)
        let first = try #require(article.revisions.first)
        #expect(first.spans.count >= 10, "\(article.name) has \(first.spans.count) claims")
        let text = try ArticleText(normalizing: first.text, source: article.name)
        #expect(text.string == first.text, "\(article.name) is not NFC")
        try desk.store.addArticle(slug: slug, title: article.name, url: nil, text: text, editor: desk.ana)
        var ids: [String: String] = [:]
        for (marker, span) in first.spans.sorted(by: { $0.key < $1.key }) {
            let claim = try desk.store.annotate(
                AnnotationRequest(article: slug, selector: .span(start: span.lowerBound, end: span.upperBound), claim: marker),
                editor: desk.ana)
            ids[marker] = claim.id.value
        }
        var tally = Tally()
        for (number, revision) in article.revisions.enumerated().dropFirst() {
            let before = Dictionary(uniqueKeysWithValues: try desk.store.claims(in: slug).map { ($0.id.value, $0) })
            let newText = try ArticleText(normalizing: revision.text, source: article.name)
            #expect(newText.string == revision.text, "\(article.name) revision \(number + 1) is not NFC")
            let update = try desk.store.updateArticle(slug, text: newText, editor: desk.ben)
            let results = Dictionary(uniqueKeysWithValues: update.claims.map { ($0.id, $0) })
            for (marker, id) in ids.sorted(by: { $0.key < $1.key }) {
                let result = try #require(results[id])
                let where_ = "revision \(number + 1) (\(revision.description)), \(marker)"
                let got = result.after.map { $0.start..<$0.end }
                switch (revision.spans[marker], got) {
                case (nil, nil):
                    tally.right += 1
                case (nil, let got?):
                    tally.misplaced += 1
                    tally.failures.append("\(where_): text is gone, but placed on “\(newText.substring(got))”")
                case (let expected?, nil):
                    tally.orphanedButPresent += 1
                    tally.failures.append("\(where_): orphaned, but “\(newText.substring(expected))” is there")
                case (let expected?, let got?) where expected != got:
                    tally.misplaced += 1
                    tally.failures.append("\(where_): placed on “\(newText.substring(got))” \(got), expected “\(newText.substring(expected))” \(expected)")
                case (let expected?, _):
                    let previous = try #require(before[id]).anchor.exact
                    if result.result == .changed && FoldedText.needle(previous) == FoldedText.needle(newText.substring(expected)) {
                        tally.flaggedButSame += 1
                        tally.failures.append("\(where_): flagged changed, but “\(previous)” is the same words")
                    } else {
                        tally.right += 1
                    }
                }
            }
        }
        return tally
    }
}
