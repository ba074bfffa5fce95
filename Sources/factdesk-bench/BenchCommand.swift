import ArgumentParser
import FactDesk
import Foundation

/// `factdesk-bench`: generates a synthetic newsroom desk and measures FactDesk's commands against
/// what a user could do with the git CLI on the same files, each baseline measured in the same run.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "factdesk-bench",
        abstract: "Measure FactDesk against git-CLI baselines on a generated desk (build with -c release --static-swift-stdlib, as installed).")

    @Option(help: "Articles in the generated desk.") var articles = 10_000
    @Option(help: "Claims per article (one commit each).") var claims = 10
    @Option(help: "Extra commits outside the desk, for a longer history.") var fillerCommits = 0
    @Option(help: "Runs per measure; the median is reported.") var runs = 5
    @Option(help: "Where to build the desks (reused when it already holds one of the same size).") var work = "/tmp/factdesk-bench"
    @Option(help: "The factdesk binary to measure (default: the one beside this program).") var factdesk: String?
    @Option(help: "Only these measures (repeat for several; default: all). The generated desk is built only for annotate, report, history, web and sync.")
    var only: [BenchSuite.Group] = []
    @Flag(help: "Print JSON instead of a table.") var json = false
    @Flag(help: "Generate the desks again even if they are there.") var regenerate = false

    func run() throws {
        let binary = factdesk ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("factdesk").path
        let desk = SyntheticDesk(work: work, articles: articles, claimsPerArticle: claims, fillerCommits: fillerCommits)
        let groups = only.isEmpty ? BenchSuite.Group.allCases : only
        let usesDesk = groups.contains { $0.needsDesk }
        if usesDesk && (regenerate || !desk.isGenerated) {
            log("generating \(articles) articles × \(claims) claims in \(desk.root) …")
            let started = Date()
            try desk.generate()
            log("generated in \(Int(Date().timeIntervalSince(started))) s")
        }
        let suite = BenchSuite(desk: desk, factdesk: binary, runs: runs, work: work, regenerate: regenerate, log: log)
        let measures = try suite.measure(groups)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(BenchResult(machine: MachineInfo.current, articles: usesDesk ? articles : nil,
                                                                  claims: usesDesk ? articles * claims : nil, measures: measures)),
                         as: UTF8.self))
        } else {
            print(BenchTable.render(measures, machine: MachineInfo.current, claims: usesDesk ? articles * claims : nil))
        }
    }

    func log(_ message: String) {
        FileHandle.standardError.write(Data("bench: \(message)\n".utf8))
    }
}

/// Everything one run printed with `--json`; no desk size when no measure used the generated desk.
struct BenchResult: Encodable {
    let machine: MachineInfo
    let articles: Int?
    let claims: Int?
    let measures: [Measure]
}

/// The machine the figures were taken on.
struct MachineInfo: Encodable {
    let cores: Int
    let memoryGB: Double
    let cpu: String

    static var current: MachineInfo {
        let cpuInfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuInfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) } ?? "unknown"
        return MachineInfo(cores: ProcessInfo.processInfo.activeProcessorCount,
                           memoryGB: (Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824 * 10).rounded() / 10,
                           cpu: model)
    }
}

/// `--only` names a group by its raw value.
extension BenchSuite.Group: ExpressibleByArgument {}

/// The table printed by default; p99 is the slowest run when there are fewer than 100 runs.
enum BenchTable {
    static func render(_ measures: [Measure], machine: MachineInfo, claims: Int?) -> String {
        let desk = claims.map { "\($0) claims · " } ?? ""
        var lines = ["FactDesk benchmark · \(desk)\(machine.cores) cores · \(machine.memoryGB) GB · \(machine.cpu)", ""]
        let header = ["measure", "factdesk ms", "p99 ms", "baseline", "baseline ms", "p99 ms", "ratio", "peak MB", "target", "met"]
        var rows = [header]
        for m in measures {
            rows.append([m.name, format(m.factdeskMedianMs), m.factdeskP99Ms.map(format) ?? "-", m.baseline,
                         m.baselineMedianMs.map(format) ?? "-", m.baselineP99Ms.map(format) ?? "-",
                         m.ratio.map { String(format: $0 < 1 ? "%.2f×" : "%.1f×", $0) } ?? "-",
                         String(format: "%.0f", m.peakMemoryMB), m.target, m.met.map { $0 ? "yes" : "NO" } ?? "-"])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for (index, row) in rows.enumerated() {
            lines.append(row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  "))
            if index == 0 { lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
        lines += measures.compactMap { m in m.note.map { "note, \(m.name): \($0)" } }
        return lines.joined(separator: "\n")
    }

    static func format(_ ms: Double) -> String { ms < 10 ? String(format: "%.2f", ms) : String(format: "%.1f", ms) }
}
