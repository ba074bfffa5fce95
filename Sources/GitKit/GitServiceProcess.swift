import Foundation

/// One run of git's own server side for a repository on this machine, `git upload-pack PATH` or
/// `git receive-pack PATH`, as git runs it for a local remote: the protocol goes over a socket
/// pair (writes never raise SIGPIPE), and what the program says on stderr is kept in an unlinked
/// temporary file, so nothing can block on an unread pipe.
final class GitServiceProcess {
    /// `upload-pack` (fetch) or `receive-pack` (push).
    let service: String
    let repositoryPath: String
    private let pid: pid_t
    /// Our end of the socket pair: the program's stdin and stdout.
    private let socket: Int32
    private let stderrFile: Int32
    private var exitStatus: Int32?

    /// git's own executable, found on `PATH` once; nil: local remotes use libgit2's own transport.
    static let gitExecutable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/git" }.first { access($0, X_OK) == 0 }
    }()

    /// Variables naming the repository git runs in: the server must open the remote's, not ours
    /// (git clears the same ones before it runs a local transport's programs).
    private static let repositoryVariables: Set<String> = [
        "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_CONFIG", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT",
        "GIT_OBJECT_DIRECTORY", "GIT_DIR", "GIT_WORK_TREE", "GIT_IMPLICIT_WORK_TREE", "GIT_GRAFT_FILE",
        "GIT_INDEX_FILE", "GIT_NO_REPLACE_OBJECTS", "GIT_REPLACE_REF_BASE", "GIT_PREFIX", "GIT_SHALLOW_FILE",
        "GIT_COMMON_DIR", "GIT_QUARANTINE_PATH", "GIT_PROTOCOL",
    ]

    /// Starts `git SERVICE PATH`.
    init(service: String, repositoryPath: String) throws {
        guard let git = Self.gitExecutable else { throw GitError.custom("git is not installed (no git on PATH)") }
        self.service = service
        self.repositoryPath = repositoryPath
        var pair: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0 else {
            throw GitError.custom("cannot start git \(service): \(String(cString: strerror(errno)))")
        }
        var template = Array((NSTemporaryDirectory() + "/factdesk-git-stderr-XXXXXX").utf8CString)
        let file = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard file >= 0 else {
            close(pair[0]); close(pair[1])
            throw GitError.custom("cannot start git \(service): \(String(cString: strerror(errno)))")
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        _ = fcntl(file, F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pair[1], 0)
        posix_spawn_file_actions_adddup2(&actions, pair[1], 1)
        posix_spawn_file_actions_adddup2(&actions, file, 2)
        // The program starts with default signal handling and none blocked, whatever this process set.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t(), none = sigset_t()
        sigemptyset(&defaults)
        sigemptyset(&none)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let environment = ProcessInfo.processInfo.environment.filter { !Self.repositoryVariables.contains($0.key) }
            .map { "\($0.key)=\($0.value)" }
        let arguments = ["git", service, repositoryPath]
        var child: pid_t = 0
        let started = withCStrings(arguments) { argv in
            withCStrings(environment) { envp in posix_spawn(&child, git, &actions, &attributes, argv, envp) }
        }
        close(pair[1])
        guard started == 0 else {
            close(pair[0]); close(file)
            throw GitError.custom("cannot start git \(service): \(String(cString: strerror(started)))")
        }
        pid = child
        socket = pair[0]
        stderrFile = file
    }

    deinit {
        finish()
        close(socket)
        close(stderrFile)
    }

    /// Reads what the program sent; 0 at its end.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws -> Int {
        while true {
            let got = recv(socket, buffer, count, 0)
            if got >= 0 { return got }
            if errno != EINTR { throw failure("cannot read from") }
        }
    }

    /// Sends all of `bytes` to the program.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = send(socket, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            if sent < 0 {
                if errno == EINTR { continue }
                throw failure("cannot write to")
            }
            offset += sent
        }
    }

    /// Says we send nothing more, reads and drops what the program still sends, and waits for
    /// it to end; returns its exit status. libgit2 stops reading a push at the server's report,
    /// but `receive-pack` then runs the hub's post-receive hooks: they run to their end, as under
    /// git, and never block on a full socket.
    @discardableResult
    func finish() -> Int32 {
        if let exitStatus { return exitStatus }
        shutdown(socket, Int32(SHUT_WR))
        var scratch = [UInt8](repeating: 0, count: 65_536)
        while true {
            let got = recv(socket, &scratch, scratch.count, 0)
            if got > 0 || (got < 0 && errno == EINTR) { continue }
            break
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // Exited normally: its exit code; killed by a signal: 128 plus the signal, as a shell says.
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        exitStatus = code
        return code
    }

    /// What the program wrote on stderr, trimmed (the last 4 KiB at most).
    var stderrText: String {
        let size = lseek(stderrFile, 0, SEEK_END)
        guard size > 0 else { return "" }
        let length = min(Int(size), 4096)
        var bytes = [UInt8](repeating: 0, count: length)
        let got = pread(stderrFile, &bytes, length, off_t(size) - off_t(length))
        return String(decoding: bytes.prefix(max(0, got)), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The error for a read or write that failed: what the program said, else the system's reason.
    func failure(_ action: String) -> GitError {
        let reason = String(cString: strerror(errno))
        finish()
        let said = stderrText
        return GitError.custom("\(action) git \(service) \(repositoryPath): " + (said.isEmpty ? reason : said))
    }
}

/// Calls `body` with `strings` as a NULL-terminated C array that lives only for the call.
private func withCStrings<T>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> T) -> T {
    let pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) } + [nil]
    defer { pointers.forEach { free($0) } }
    return body(pointers)
}
