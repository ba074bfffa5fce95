import Foundation

/// The outcome of a finished process: exit status, and what it printed.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
    /// True when the process ended by a signal (a crash) rather than exiting.
    public let crashed: Bool
}

/// Runs programs (the real `git`, the built `factdesk`) as child processes for tests.
public enum ProcessRunner {
    /// Runs `executable` with `arguments` in `directory`, feeding `input` on stdin.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil,
                           input: Data? = nil, environment: [String: String] = [:]) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        for key in ["FACTDESK_STORE", "FACTDESK_EDITOR", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"] {
            env[key] = nil
        }
        env.merge(environment) { $1 }
        process.environment = env
        let stdout = Pipe(), stderr = Pipe(), stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        // Read both pipes concurrently so that a chatty child never blocks on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = stderr.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus,
                             stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self),
                             crashed: process.terminationReason == .uncaughtSignal)
    }

    /// Runs the real git CLI in `directory`; throws with git's message when it fails.
    @discardableResult
    public static func git(_ arguments: [String], in directory: URL) throws -> String {
        let result = try run("/usr/bin/git", arguments, in: directory,
                             environment: ["GIT_CONFIG_NOSYSTEM": "1", "LC_ALL": "C"])
        guard result.status == 0 else {
            throw TestFailure("git \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
        }
        return result.stdout
    }
}

/// An error raised by test helpers, with a message saying what went wrong.
public struct TestFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
