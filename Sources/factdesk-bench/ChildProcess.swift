import Foundation

/// A finished child process: how long it took and its peak memory, as `wait4` reports it.
struct ChildRun {
    let seconds: Double
    let peakMemoryBytes: Int
    let status: Int32
}

/// Runs programs for measurement with `posix_spawn` and `wait4`, so that each run's wall time
/// and peak resident memory are its own. Output goes to /dev/null unless a file is named; errors
/// go to the bench's own stderr unless a file is named.
enum ChildProcess {
    static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:],
                    stdout: String = "/dev/null", stderr: String? = nil) throws -> ChildRun {
        let start = now()
        let pid = try spawn(arguments, in: directory, environment: environment, stdout: stdout, stderr: stderr)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        return ChildRun(seconds: now() - start, peakMemoryBytes: Int(usage.ru_maxrss) * 1024, status: status)
    }

    /// Starts a program and returns its pid without waiting for it (a server); its output goes
    /// to the files named, its input is /dev/null. The caller waits for it.
    static func spawn(_ arguments: [String], in directory: String, environment: [String: String] = [:],
                      stdout: String = "/dev/null", stderr: String? = nil) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if let stderr { posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        let executable = arguments[0].hasPrefix("/") ? arguments[0] : try which(arguments[0])
        // The bench starts one child at a time: the child inherits this working directory.
        guard FileManager.default.changeCurrentDirectoryPath(directory) else { throw BenchError("no folder \(directory)") }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw BenchError("cannot start \(arguments[0]): \(String(cString: strerror(spawned)))") }
        return pid
    }

    /// Seconds on the monotonic clock.
    static func now() -> Double {
        var clock = timespec()
        clock_gettime(CLOCK_MONOTONIC, &clock)
        return Double(clock.tv_sec) + Double(clock.tv_nsec) / 1e9
    }

    /// Runs a command that must succeed, for set-up steps.
    static func succeed(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws {
        let result = try run(arguments, in: directory, environment: environment)
        guard result.status == 0 else { throw BenchError("\(arguments.joined(separator: " ")) failed in \(directory)") }
    }

    /// What a command that must succeed prints, without its trailing newline, for checks.
    static func output(_ arguments: [String], in directory: String) throws -> String {
        let file = NSTemporaryDirectory() + "factdesk-bench-output-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = try run(arguments, in: directory, stdout: file)
        guard result.status == 0 else { throw BenchError("\(arguments.joined(separator: " ")) failed in \(directory)") }
        return try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .newlines)
    }

    private static func which(_ name: String) throws -> String {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw BenchError("\(name) is not on the PATH")
    }
}

/// A benchmark set-up failure.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
