import FactDesk
import Foundation

/// The measures of issue 9, each FactDesk command against a git-CLI baseline on the same desk,
/// the import against `git fast-import` on a desk of its own, and the web desk served on the
/// generated desk (issue 14, `WebBench`), and sync between clones of it (issue 15, `SyncBench`).
struct BenchSuite {
    /// The groups of measures, in the order they run; `--only` picks some.
    enum Group: String, CaseIterable {
        case annotate, report, history, update, `import`, web, suggest, sync

        /// True for the groups measured on the generated desk (`--articles`, `--claims`).
        var needsDesk: Bool { self == .annotate || self == .report || self == .history || self == .web || self == .sync }
    }

    let desk: SyntheticDesk
    let factdesk: String
    let runs: Int
    /// The bench's folder: the import's desks live there, whatever the generated desk's size.
    let work: String
    let regenerate: Bool
    let log: (String) -> Void

    private var checkedOutStore: String { desk.checkedOut + "/" + SyntheticDesk.deskFolder }
    private let environment = ["FACTDESK_EDITOR": "Bench Editor <bench@example.org>"]
    private let session = String(Int(Date().timeIntervalSince1970) % 1_000_000)

    func measure(_ groups: [Group]) throws -> [Measure] {
        var measures: [Measure] = []
        for group in Group.allCases where groups.contains(group) {
            switch group {
            case .annotate: measures += try measureAnnotate()
            case .report: measures += try measureReports()
            case .history: measures.append(try measureHistory())
            case .update: measures.append(try measureUpdate())
            case .import: measures.append(try measureImport())
            case .web: measures += try WebBench(desk: desk, factdesk: factdesk, runs: runs, session: session, log: log).measure()
            case .suggest: measures += try measureSuggest()
            case .sync: measures += try measureSync()
            }
        }
        return measures
    }

    private func measureAnnotate() throws -> [Measure] {
        log("annotate: git add + git commit baseline …")
        let gitCommit = try Sampler.median(runs: runs, prepare: { try writeBaselineClaim($0) }) { run in
            try ChildProcess.run(["/bin/sh", "-c", "git add \(baselinePath(run)) && git commit -q -m 'annotate baseline \(run)'"],
                                 in: desk.checkedOut)
        }
        log("annotate: factdesk, bare and checked-out …")
        let bareAnnotate = try Sampler.median(runs: runs) { run in try annotate(run, store: desk.bare) }
        let checkedOutAnnotate = try Sampler.median(runs: runs) { run in try annotate(run + 1_000, store: checkedOutStore) }
        return [compare("annotate (bare desk)", baseline: "git add + commit", gitCommit, bareAnnotate, atLeast: 10),
                compare("annotate (checked-out desk)", baseline: "git add + commit", gitCommit, checkedOutAnnotate, atLeast: 2)]
    }

    private func measureReports() throws -> [Measure] {
        var measures: [Measure] = []
        log("report and claims: cat floor …")
        let cat = try Sampler.median(runs: runs) { _ in
            try ChildProcess.run(["/bin/sh", "-c", "find \(SyntheticDesk.deskFolder)/articles -path '*/claims/*.json' -print0 | xargs -0 cat > /dev/null"],
                                 in: desk.checkedOut)
        }
        log("report and claims: factdesk …")
        // The first report on a desk (a fresh clone, or the caches deleted) reads every claim from git.
        let cold = try Sampler.median(runs: max(1, runs / 2), prepare: { _ in
            try? FileManager.default.removeItem(atPath: desk.bare + "/factdesk/summaries")
        }) { _ in try factdesk(["report", "--store", desk.bare]) }
        measures.append(Measure(name: "report, cold cache (first run)", baseline: "cat all claim files",
                                baselineMedianMs: cat.seconds * 1000, factdeskMedianMs: cold.seconds * 1000,
                                ratio: cat.seconds / cold.seconds, peakMemoryMB: Double(cold.peakMemoryBytes) / 1_048_576,
                                target: "< 300 MB", met: Double(cold.peakMemoryBytes) / 1_048_576 < 300))
        // The measures below are of warm caches, as an editor meets them all day: one untimed run fills them.
        _ = try factdesk(["report", "--store", checkedOutStore])
        let report = try Sampler.median(runs: runs) { _ in try factdesk(["report", "--store", desk.bare]) }
        measures.append(compare("report, all claims (bare)", baseline: "cat all claim files", cat, report, atLeast: 3, memoryMB: 300))
        let reportJSON = try Sampler.median(runs: runs) { _ in try factdesk(["report", "--format", "json", "--store", desk.bare]) }
        measures.append(compare("report --format json (bare)", baseline: "cat all claim files", cat, reportJSON, atLeast: 3, memoryMB: 300))
        let afterAnnotate = try Sampler.median(runs: runs, prepare: { run in _ = try annotate(run + 2_000, store: desk.bare) }) { _ in
            try factdesk(["report", "--store", desk.bare])
        }
        measures.append(compare("report right after an annotate", baseline: "cat all claim files", cat, afterAnnotate, atLeast: 3, memoryMB: 300))
        let reportCheckedOut = try Sampler.median(runs: runs) { _ in try factdesk(["report", "--store", checkedOutStore]) }
        measures.append(compare("report, all claims (checked-out)", baseline: "cat all claim files", cat, reportCheckedOut, atLeast: 3, memoryMB: 300))
        let open = try Sampler.median(runs: runs) { _ in try factdesk(["claims", "--status", "unverified", "--store", desk.bare]) }
        measures.append(compare("claims --status unverified", baseline: "cat all claim files", cat, open, atLeast: 3, memoryMB: 300))
        return measures
    }

    private func measureHistory() throws -> Measure {
        log("history of one claim …")
        let path = try desk.claimPath(desk.articles / 2, 0)
        let gitLog = try Sampler.median(runs: runs) { _ in
            try ChildProcess.run(["git", "log", "--format=%H", "--", path], in: desk.checkedOut)
        }
        let history = try Sampler.median(runs: runs) { _ in
            try factdesk(["history", desk.claimID(desk.articles / 2, 0), "--store", desk.bare])
        }
        return compare("history of one claim", baseline: "git log -- path (commit-graph)", gitLog, history,
                       atLeast: 10, underMs: 25)
    }

    private func measureSuggest() throws -> [Measure] {
        log("suggest: a 1 MB article of labelled news copy, 500 of its sentences filed …")
        let bench = SuggestBench(root: work + "/suggest", factdesk: factdesk)
        try bench.prepare()
        let command = try Sampler.samples(runs: runs) { _ in try bench.suggest() }
        let ranking = try bench.rankInProcess(runs: runs).sorted()
        return [Measure(name: "suggest --json, 1 MB article", baseline: "-", baselineMedianMs: nil,
                        factdeskMedianMs: command.median.seconds * 1000, factdeskP99Ms: command.p99Seconds * 1000, ratio: nil,
                        peakMemoryMB: Double(command.median.peakMemoryBytes) / 1_048_576, target: "< 100 ms",
                        met: command.median.seconds < 0.1),
                Measure(name: "CheckWorthiness.rank alone, 1 MB", baseline: "-", baselineMedianMs: nil,
                        factdeskMedianMs: ranking[ranking.count / 2] * 1000, factdeskP99Ms: Rank.nearest(ranking, 0.99) * 1000,
                        ratio: nil, peakMemoryMB: 0, target: "", met: nil)]
    }

    /// Sync of a clone 1,000 commits behind, 200 claims changed on each side, against git's pull and
    /// push; then the same on a desk a tenth the size, and with a tenth of the changes.
    private func measureSync() throws -> [Measure] {
        let tenth = desk.resized(articles: desk.articles / 10)
        if regenerate || !tenth.isGenerated {
            log("sync: generating a desk a tenth the size in \(tenth.root) …")
            try tenth.generate()
        }
        let full = SyncBench(desk: desk, changes: 200, factdesk: factdesk, log: log)
        let smallDesk = SyncBench(desk: tenth, changes: 200, factdesk: factdesk, log: log)
        let fewChanges = SyncBench(desk: desk, changes: 20, factdesk: factdesk, log: log)
        for bench in [full, smallDesk, fewChanges] { try bench.prepare() }
        let syncs = { (bench: SyncBench) throws -> Samples in
            log("sync: factdesk sync, \(bench.commitsIn) commits in, \(bench.changes)+\(bench.changes) claims, on a desk of \(bench.desk.articles * bench.desk.claimsPerArticle) …")
            return try Sampler.samples(runs: runs, prepare: { _ in try bench.resetSync() }) { _ in try bench.sync() }
        }
        let sync = try syncs(full)
        log("sync: git pull --no-rebase + git push of the same clone …")
        let git = try Sampler.samples(runs: runs, prepare: { _ in try full.resetGit() }) { _ in try full.gitPullPush() }
        var measure = compare("sync, \(full.commitsIn) commits in, 200+200 claims", baseline: "git pull --no-rebase + git push",
                              git, sync, atLeast: 1)
        measure.note = try full.compareResults().map { "sync and git merged into different trees: \($0)" }
        let small = try syncs(smallDesk), few = try syncs(fewChanges)
        // git's own growth with the desk, for comparison: every commit rewrites the articles folder's tree.
        log("sync: git pull --no-rebase + git push on the desk a tenth the size …")
        let smallGit = try Sampler.samples(runs: runs, prepare: { _ in try smallDesk.resetGit() }) { _ in try smallDesk.gitPullPush() }
        var smallMeasure = scaling("sync, 200+200 claims", against: "the same, desk a tenth the size", small, sync, target: 0.8)
        smallMeasure.note = try smallDesk.compareResults().map { "on the smaller desk, sync and git merged into different trees: \($0)" }
        return [measure, smallMeasure,
                scaling("git pull --no-rebase + git push, 200+200 claims", against: "the same, desk a tenth the size", smallGit, git, target: nil),
                scaling("sync, 200+200 claims", against: "20+20 claims, \(fewChanges.commitsIn) commits in", few, sync, target: nil)]
    }

    /// One sync against another: the ratio is the other's time over this one's (1×: as fast).
    private func scaling(_ name: String, against baseline: String, _ base: Samples, _ ours: Samples, target: Double?) -> Measure {
        Measure(name: name, baseline: baseline, baselineMedianMs: base.median.seconds * 1000, baselineP99Ms: base.p99Seconds * 1000,
                factdeskMedianMs: ours.median.seconds * 1000, factdeskP99Ms: ours.p99Seconds * 1000,
                ratio: base.median.seconds / ours.median.seconds, peakMemoryMB: Double(ours.median.peakMemoryBytes) / 1_048_576,
                target: target.map { "≥ \($0)×" } ?? "", met: target.map { base.median.seconds / ours.median.seconds >= $0 })
    }

    private func measureUpdate() throws -> Measure {
        log("article update: 1,000 claims on a 1 MB article …")
        let update = ArticleUpdateBench(root: desk.root + "/update", factdesk: factdesk)
        try update.prepare()
        let updates = try Sampler.median(runs: runs) { run in try update.update(run) }
        return Measure(name: "article update, 1,000 claims, 1 MB", baseline: "-", baselineMedianMs: nil,
                       factdeskMedianMs: updates.seconds * 1000, ratio: nil,
                       peakMemoryMB: Double(updates.peakMemoryBytes) / 1_048_576, target: "< 200 ms",
                       met: updates.seconds < 0.2)
    }

    /// The floor is `git fast-import` of the same claim files: what writing them into git costs at the least.
    private func measureImport() throws -> Measure {
        log("import: 500 articles and 10,000 annotations (prepared once, then kept) …")
        let bench = ImportBench(root: work + "/import", factdesk: factdesk)
        try bench.prepare(regenerate: regenerate)
        log("import: factdesk import, 10,000 annotations in one commit …")
        let imports = try Sampler.samples(runs: runs, prepare: { _ in try bench.reset(bench.importDesk) }) { run in
            try bench.runImport(run)
        }
        log("import: git fast-import of the same claim files …")
        let fastImports = try Sampler.samples(runs: runs, prepare: { _ in try bench.reset(bench.baselineDesk) }) { run in
            try bench.runFastImport(run)
        }
        return Measure(name: "import, 10,000 annotations, 500 articles", baseline: "git fast-import of the claim files",
                       baselineMedianMs: fastImports.median.seconds * 1000, baselineP99Ms: fastImports.p99Seconds * 1000,
                       factdeskMedianMs: imports.median.seconds * 1000, factdeskP99Ms: imports.p99Seconds * 1000,
                       ratio: fastImports.median.seconds / imports.median.seconds,
                       peakMemoryMB: Double(imports.median.peakMemoryBytes) / 1_048_576, target: "< 5 s",
                       met: imports.median.seconds < 5)
    }

    private func compare(_ name: String, baseline: String, _ base: ChildRun, _ ours: ChildRun, atLeast: Double,
                         underMs: Double? = nil, memoryMB: Double? = nil) -> Measure {
        let ratio = base.seconds / ours.seconds
        let peak = Double(ours.peakMemoryBytes) / 1_048_576
        var target = "≥ \(Int(atLeast))×"
        var met = ratio >= atLeast
        if let underMs {
            target += ", < \(Int(underMs)) ms"
            met = met && ours.seconds * 1000 < underMs
        }
        if let memoryMB {
            target += ", < \(Int(memoryMB)) MB"
            met = met && peak < memoryMB
        }
        return Measure(name: name, baseline: baseline, baselineMedianMs: base.seconds * 1000,
                       factdeskMedianMs: ours.seconds * 1000, ratio: ratio, peakMemoryMB: peak, target: target, met: met)
    }

    /// `compare` of all runs, with both tails.
    private func compare(_ name: String, baseline: String, _ base: Samples, _ ours: Samples, atLeast: Double) -> Measure {
        var measure = compare(name, baseline: baseline, base.median, ours.median, atLeast: atLeast)
        measure.baselineP99Ms = base.p99Seconds * 1000
        measure.factdeskP99Ms = ours.p99Seconds * 1000
        return measure
    }

    private func factdesk(_ arguments: [String]) throws -> ChildRun {
        try ChildProcess.run([factdesk] + arguments, in: desk.root, environment: environment)
    }

    private func annotate(_ run: Int, store: String) throws -> ChildRun {
        try factdesk(["annotate", desk.slug((run * 7919) % desk.articles), "--paragraph", "1",
                      "--claim", "bench claim \(session).\(run)", "--store", store])
    }

    private func baselinePath(_ run: Int) -> String {
        let slug = try! ArticleSlug(desk.slug((run * 104_729) % desk.articles))
        return "\(SyntheticDesk.deskFolder)/articles/\(slug.shard)/\(slug.value)/claims/\(baselineID(run)).json"
    }

    /// Unique across runs on the same desk: a reused desk already holds earlier runs' files.
    private func baselineID(_ run: Int) -> String { "c-base\(session)x\(run)" }

    /// A new claim file, as FactDesk would write it, for the baseline to add and commit.
    private func writeBaselineClaim(_ run: Int) throws {
        let article = (run * 104_729) % desk.articles
        let source = desk.checkedOut + "/" + (try desk.claimPath(article, 0))
        var text = try String(contentsOfFile: source, encoding: .utf8)
        text = text.replacingOccurrences(of: "holds", with: "holds, baseline \(run)")
            .replacingOccurrences(of: "\"id\":\"\(desk.claimID(article, 0))\"", with: "\"id\":\"\(baselineID(run))\"")
        try Data(text.utf8).write(to: URL(fileURLWithPath: desk.checkedOut + "/" + baselinePath(run)))
    }
}

/// A bare desk with one 1 MB article and 1,000 claims on it, updated back and forth between two
/// revisions: an inserted paragraph at the top and edited words in every tenth paragraph.
struct ArticleUpdateBench {
    let root: String
    let factdesk: String
    var store: String { root + "/desk.git" }

    func prepare() throws {
        try PreparedDesk.once(root: root, store: store) { deskStore, editor in
            let text = try ArticleText(normalizing: Self.original, source: "bench")
            let slug = try ArticleSlug("long-read")
            try deskStore.addArticle(slug: slug, title: "A long read", url: nil, text: text, editor: editor)
            let paragraphs = text.paragraphs
            for claim in 0..<1_000 {
                let paragraph = paragraphs[(claim * 5) % paragraphs.count]
                let span = paragraph.lowerBound..<min(paragraph.upperBound, paragraph.lowerBound + 60)
                try deskStore.annotate(AnnotationRequest(article: slug, selector: .span(start: span.lowerBound, end: span.upperBound),
                                                         claim: "claim \(claim)"), editor: editor)
            }
            try Data(Self.original.utf8).write(to: URL(fileURLWithPath: root + "/a.txt"))
            try Data(Self.revised.utf8).write(to: URL(fileURLWithPath: root + "/b.txt"))
        }
    }

    func update(_ run: Int) throws -> ChildRun {
        // The desk may be on either revision after an earlier, interrupted run: pick the other text.
        let current = try DeskStore.open(at: store).document(try ArticleSlug("long-read")).text.string
        let next = current == Self.original ? "b.txt" : "a.txt"
        return try ChildProcess.run([factdesk, "article", "update", "long-read", next, "--store", store], in: root,
                                    environment: ["FACTDESK_EDITOR": SyntheticDesk.editor])
    }

    static let original: String = (0..<5_000).map { p in
        "Paragraph \(p + 1): the committee heard that \(p * 13 % 997) contracts were signed in \(2000 + p % 25), "
            + "according to records seen by reporters — a figure the department’s spokesperson did not dispute."
    }.joined(separator: "\n\n") + "\n"

    static let revised: String = "UPDATE: this story was revised to add comment from the department.\n\n"
        + original.components(separatedBy: "\n\n").enumerated().map { index, paragraph in
            index % 10 == 3 ? paragraph.replacingOccurrences(of: "did not dispute", with: "later disputed") : paragraph
        }.joined(separator: "\n\n")
}

/// A bare desk of a measure's own, in `root`: made once by `build` (with a new desk and the bench's
/// editor) and kept for later runs, a `ready` file marking it complete.
enum PreparedDesk {
    static func once(root: String, store: String, _ build: (DeskStore, Editor) throws -> Void) throws {
        if FileManager.default.fileExists(atPath: root + "/ready") { return }
        try? FileManager.default.removeItem(atPath: root)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let editor = try Editor(parsing: SyntheticDesk.editor)
        try build(try DeskStore.create(at: store, editor: editor, bare: true), editor)
        try Data().write(to: URL(fileURLWithPath: root + "/ready"))
    }
}
