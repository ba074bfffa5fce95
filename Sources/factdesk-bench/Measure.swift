import Foundation

/// One benchmark row: FactDesk's command against its baseline, measured in the same run.
struct Measure: Encodable {
    let name: String
    let baseline: String
    let baselineMedianMs: Double?
    /// The baseline's 99th percentile run (nearest rank: the slowest run when there are fewer than 100).
    var baselineP99Ms: Double? = nil
    let factdeskMedianMs: Double
    /// FactDesk's 99th percentile run (nearest rank: the slowest run when there are fewer than 100).
    var factdeskP99Ms: Double? = nil
    /// Baseline time over FactDesk time: how many times faster FactDesk is.
    let ratio: Double?
    let peakMemoryMB: Double
    let target: String
    /// Nil when the measure has no target (reported for its figures alone).
    let met: Bool?
    /// Throughput measures: FactDesk's items per second (its ms columns are then wall time per item).
    var perSecond: Double? = nil
    /// Throughput measures: the baseline's items per second.
    var baselinePerSecond: Double? = nil
    /// Measures over HTTP: the concurrent connections.
    var connections: Int? = nil
    /// Measures over HTTP: the server's CPU time (all threads, user and system) per request, which
    /// other processes on the machine do not inflate as they do latencies.
    var serverCPUMsPerRequest: Double? = nil
    /// Something found while measuring that the figures alone do not say (printed under the table).
    var note: String? = nil
}

/// The runs of one measure: the median run and the tail.
struct Samples {
    /// The median run's time, with the highest peak memory of all runs.
    let median: ChildRun
    /// The 99th percentile time by nearest rank: the slowest run when there are fewer than 100.
    let p99Seconds: Double
}

/// Medians of repeated runs.
enum Sampler {
    /// Runs `body` `runs` times (after `prepare` each time, untimed) and returns the median run.
    static func median(runs: Int, prepare: (Int) throws -> Void = { _ in }, _ body: (Int) throws -> ChildRun) throws -> ChildRun {
        try samples(runs: runs, prepare: prepare, body).median
    }

    /// Runs `body` `runs` times (after `prepare` each time, untimed) and returns the median and the tail.
    static func samples(runs: Int, prepare: (Int) throws -> Void = { _ in }, _ body: (Int) throws -> ChildRun) throws -> Samples {
        var samples: [ChildRun] = []
        for run in 0..<runs {
            try prepare(run)
            let result = try body(run)
            guard result.status == 0 else { throw BenchError("a measured command failed (status \(result.status))") }
            samples.append(result)
        }
        let sorted = samples.sorted { $0.seconds < $1.seconds }
        let peak = samples.map(\.peakMemoryBytes).max() ?? 0
        return Samples(median: ChildRun(seconds: sorted[sorted.count / 2].seconds, peakMemoryBytes: peak, status: 0),
                       p99Seconds: Rank.nearest(sorted.map(\.seconds), 0.99))
    }
}

/// Percentiles by nearest rank.
enum Rank {
    /// The value at `fraction` of `sorted` (ascending) by nearest rank: p99 of fewer than 100 values is the largest.
    static func nearest(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((Double(sorted.count) * fraction).rounded(.up)) - 1
        return sorted[min(sorted.count - 1, max(0, rank))]
    }
}
