import Foundation

/// A server process on 127.0.0.1 owned by a test: started by the initializer, ended (with its
/// process group, and reaped) by `stop()` or when released, so that no test leaves a process behind.
public class LoopbackServer: @unchecked Sendable {
    public let port: Int
    let process: SpawnedProcess
    /// Everything the server wrote on stderr (requests, logins), for tests that count them.
    public let logPath: String
    /// The folder of the log, when the server has one of its own (removed with the server).
    private let logFolder: TemporaryDirectory?

    init(process: SpawnedProcess, port: Int, logPath: String, logFolder: TemporaryDirectory? = nil) {
        self.process = process
        self.port = port
        self.logPath = logPath
        self.logFolder = logFolder
    }

    deinit {
        stop()
    }

    /// Ends the server and waits for it. Safe to call more than once.
    public func stop() {
        process.stop()
    }

    /// What the server logged so far.
    public var log: String {
        (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    }

    /// Starts `executable` with stderr to `logPath`, without the system git configuration.
    static func launch(_ executable: String, _ arguments: [String], logPath: String,
                       environment: [String: String?] = [:], stdout: Int32? = nil) throws -> SpawnedProcess {
        var changes: [String: String?] = ["GIT_CONFIG_NOSYSTEM": "1"]
        changes.merge(environment) { $1 }
        return try SpawnedProcess(executable, arguments, environment: SpawnedProcess.environment(changes),
                                  stderrPath: logPath, stdout: stdout)
    }

    /// A port nobody listens on now (the kernel's pick for port 0).
    public static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw TestFailure("cannot open a socket") }
        defer { close(descriptor) }
        var address = loopbackAddress(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw TestFailure("cannot bind a socket on 127.0.0.1") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Waits until something accepts connections on 127.0.0.1:`port`, or `process` ended.
    static func waitUntilAccepting(port: Int, process: SpawnedProcess, logPath: String, timeout: TimeInterval = 15) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            guard process.isRunning else {
                let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
                throw TestFailure("\(process.executable) ended before accepting: \(log)")
            }
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = loopbackAddress(port: port)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            close(descriptor)
            if connected == 0 { return }
            usleep(50_000)
        }
        process.stop()
        throw TestFailure("nothing accepted connections on 127.0.0.1:\(port) within \(Int(timeout)) s")
    }

    private static func loopbackAddress(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}

/// `git daemon` serving every repository under `baseDirectory` on 127.0.0.1, pushes allowed.
public final class GitDaemonServer: LoopbackServer, @unchecked Sendable {
    public init(baseDirectory: String) throws {
        let port = try Self.freePort()
        let logFolder = try TemporaryDirectory("git-daemon")
        let logPath = logFolder.path("daemon.log")
        let process = try Self.launch("/usr/bin/git", [
            "daemon", "--listen=127.0.0.1", "--port=\(port)", "--base-path=\(baseDirectory)", "--export-all",
            "--enable=receive-pack", "--reuseaddr", "--informative-errors", baseDirectory,
        ], logPath: logPath)
        try Self.waitUntilAccepting(port: port, process: process, logPath: logPath)
        super.init(process: process, port: port, logPath: logPath, logFolder: logFolder)
    }

    /// `git://127.0.0.1:PORT/relativePath`.
    public func url(_ relativePath: String) -> String {
        "git://127.0.0.1:\(port)/\(relativePath)"
    }
}

/// `git http-backend` behind HTTP basic auth (`Tests/Sync/git_http_server.py`) on 127.0.0.1,
/// serving the repositories under `projectRoot` to `user` with `password` only.
public final class GitHTTPServer: LoopbackServer, @unchecked Sendable {
    public init(projectRoot: String, user: String, password: String) throws {
        let script = BuiltProducts.packageRoot.appendingPathComponent("Tests/Sync/git_http_server.py").path
        let logFolder = try TemporaryDirectory("git-http")
        let logPath = logFolder.path("requests.log")
        let stdout = Pipe()
        let process = try Self.launch("/usr/bin/env", ["python3", script, projectRoot, user, password],
                                      logPath: logPath, stdout: stdout.fileHandleForWriting.fileDescriptor)
        try? stdout.fileHandleForWriting.close()
        // The script prints its port once it listens.
        let firstLine = Self.readLine(stdout.fileHandleForReading)
        guard let port = Int(firstLine.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.stop()
            throw TestFailure("the HTTP git server did not start: \(firstLine)")
        }
        super.init(process: process, port: port, logPath: logPath, logFolder: logFolder)
    }

    /// `http://127.0.0.1:PORT/relativePath`.
    public func url(_ relativePath: String) -> String {
        "http://127.0.0.1:\(port)/\(relativePath)"
    }

    /// How many requests the server answered with 401 so far.
    public var unauthorizedCount: Int {
        log.split(separator: "\n").filter { $0.hasSuffix(" 401") }.count
    }

    private static func readLine(_ handle: FileHandle) -> String {
        var bytes = Data()
        while let byte = try? handle.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Debian's `sshd` on 127.0.0.1 with a fresh ed25519 host key, accepting one generated user key
/// for the user running the tests. `home` is a ready-made home folder for the client: `.ssh/id_ed25519`
/// and a `known_hosts` entry `[127.0.0.1]:PORT` for the host key.
public final class SSHServer: LoopbackServer, @unchecked Sendable {
    /// The folder holding the keys, the configuration and the client's home.
    public let directory: String
    /// The user's private key (its public half is the server's only authorized key).
    public let userKeyPath: String
    /// The host's public key line (`ssh-ed25519 AAAA...`).
    public let hostPublicKey: String
    /// A home folder with `.ssh/id_ed25519` and `.ssh/known_hosts` for this server.
    public let home: String
    public let user: String

    /// - Parameter directory: an empty folder to keep the server's files in.
    public init(directory: String) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd") else {
            throw TestFailure("/usr/sbin/sshd is missing: run .ci/setup (Debian's openssh-server)")
        }
        // sshd's privilege separation folder; Debian's service creates it at boot, which never ran here.
        try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o755])
        self.directory = directory
        user = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
        let hostKey = directory + "/host_ed25519"
        userKeyPath = directory + "/user_ed25519"
        try Self.keygen(hostKey)
        try Self.keygen(userKeyPath)
        hostPublicKey = try String(contentsOfFile: hostKey + ".pub", encoding: .utf8)
            .split(separator: " ").prefix(2).joined(separator: " ")
        try FileManager.default.copyItem(atPath: userKeyPath + ".pub", toPath: directory + "/authorized_keys")

        let port = try Self.freePort()
        let config = """
            ListenAddress 127.0.0.1
            Port \(port)
            HostKey \(hostKey)
            AuthorizedKeysFile \(directory)/authorized_keys
            PidFile \(directory)/sshd.pid
            UsePAM no
            StrictModes no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PubkeyAuthentication yes
            PermitRootLogin prohibit-password
            LogLevel VERBOSE

            """
        try config.write(toFile: directory + "/sshd_config", atomically: true, encoding: .utf8)
        let logPath = directory + "/sshd.log"
        let process = try Self.launch("/usr/sbin/sshd", ["-D", "-e", "-f", directory + "/sshd_config"], logPath: logPath)
        try Self.waitUntilAccepting(port: port, process: process, logPath: logPath)

        home = directory + "/home"
        try FileManager.default.createDirectory(atPath: home + "/.ssh", withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try FileManager.default.copyItem(atPath: userKeyPath, toPath: home + "/.ssh/id_ed25519")
        try FileManager.default.copyItem(atPath: userKeyPath + ".pub", toPath: home + "/.ssh/id_ed25519.pub")
        try "[127.0.0.1]:\(port) \(hostPublicKey)\n".write(toFile: home + "/.ssh/known_hosts", atomically: true, encoding: .utf8)
        super.init(process: process, port: port, logPath: logPath)
    }

    /// `ssh://USER@127.0.0.1:PORT/absolutePath`.
    public func url(_ absolutePath: String) -> String {
        "ssh://\(user)@127.0.0.1:\(port)\(absolutePath)"
    }

    /// Makes a new ed25519 key pair at `path` (no passphrase).
    public static func keygen(_ path: String) throws {
        let result = try ProcessRunner.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "factdesk-test", "-f", path])
        guard result.status == 0 else { throw TestFailure("ssh-keygen failed: \(result.stderr)") }
    }
}

/// An `ssh-agent` of the test's own on a socket in `directory`, holding the keys given to `add`.
public final class SSHAgent: @unchecked Sendable {
    public let socketPath: String
    private let process: SpawnedProcess

    public init(directory: String) throws {
        socketPath = directory + "/agent.sock"
        process = try SpawnedProcess("/usr/bin/ssh-agent", ["-D", "-a", socketPath],
                                     environment: SpawnedProcess.environment([:]), stderrPath: directory + "/agent.log")
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: socketPath) {
            guard Date() < deadline, process.isRunning else {
                process.stop()
                throw TestFailure("ssh-agent did not open \(socketPath)")
            }
            usleep(20_000)
        }
    }

    deinit {
        stop()
    }

    /// Loads the private key at `path` into the agent.
    public func add(_ path: String) throws {
        let result = try ProcessRunner.run("/usr/bin/ssh-add", [path], environment: ["SSH_AUTH_SOCK": socketPath])
        guard result.status == 0 else { throw TestFailure("ssh-add failed: \(result.stderr)") }
    }

    public func stop() {
        process.stop()
    }
}
