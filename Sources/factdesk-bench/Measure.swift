import Foundation

/// One benchmark row: FactDesk's command against its baseline, measured in the same run.
struct Measure: Encodable {
    let name: String
    let baseline: String
    let baselineMedianMs: Double?
    let factdeskMedianMs: Double
    /// Baseline time over FactDesk time: how many times faster FactDesk is.
    let ratio: Double?
    let peakMemoryMB: Double
    let target: String
    let met: Bool
}

/// Medians of repeated runs.
enum Sampler {
    /// Runs `body` `runs` times (after `prepare` each time, untimed) and returns the median run.
    static func median(runs: Int, prepare: (Int) throws -> Void = { _ in }, _ body: (Int) throws -> ChildRun) throws -> ChildRun {
        var samples: [ChildRun] = []
        for run in 0..<runs {
            try prepare(run)
            let result = try body(run)
            guard result.status == 0 else { throw BenchError("a measured command failed (status \(result.status))") }
            samples.append(result)
        }
        let sorted = samples.sorted { $0.seconds < $1.seconds }
        let peak = samples.map(\.peakMemoryBytes).max() ?? 0
        return ChildRun(seconds: sorted[sorted.count / 2].seconds, peakMemoryBytes: peak, status: 0)
    }
}
