import Foundation

/// A child process started with `posix_spawn` in a process group of its own, for servers.
///
/// Foundation's `Process` is not used for servers: it learns that a child ended when the child
/// closes a descriptor it inherited, and then waits for it without a timeout. `sshd` and
/// `ssh-agent` close every inherited descriptor at start, so `Process` would block its monitor
/// thread (and every other `waitUntilExit` in the test process) on a server that still runs.
public final class SpawnedProcess: @unchecked Sendable {
    public let pid: pid_t
    public let executable: String
    private var exited = false
    private let lock = NSLock()

    /// Starts `executable` with `arguments` and `environment` (the whole environment), stdin from
    /// /dev/null, stderr appended to `stderrPath`, stdout to `stdout` (a descriptor) or /dev/null.
    public init(_ executable: String, _ arguments: [String], environment: [String: String],
                stderrPath: String, stdout: Int32? = nil) throws {
        self.executable = executable
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if let stdout {
            posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group, so that stop() ends the server's children too; default signal
        // handling and no blocked signals, whatever the test runner's thread had.
        var emptyMask = sigset_t(), defaults = sigset_t()
        sigemptyset(&emptyMask)
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            throw TestFailure("cannot start \(executable): \(String(cString: strerror(status)))")
        }
        pid = child
    }

    deinit {
        stop()
    }

    /// True until the process ended (reaps it when it has).
    public var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !exited else { return false }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid { exited = true }
        return !exited
    }

    /// Ends the process group (SIGTERM, then SIGKILL after `grace` seconds) and reaps the process.
    public func stop(grace: TimeInterval = 5) {
        guard isRunning else { return }
        kill(-pid, SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        while isRunning {
            if Date() > deadline {
                kill(-pid, SIGKILL)
                lock.lock()
                var status: Int32 = 0
                if !exited, waitpid(pid, &status, 0) == pid { exited = true }
                lock.unlock()
                return
            }
            usleep(10_000)
        }
    }

    /// The test process's environment with `changes` applied (nil values remove a variable).
    public static func environment(_ changes: [String: String?]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for key in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"] { env[key] = nil }
        for (key, value) in changes { env[key] = value }
        return env
    }
}
