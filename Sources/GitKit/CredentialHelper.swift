import Foundation

/// A username and password for an HTTP(S) server, as git's credential helpers store them.
struct HelperCredential: Equatable {
    var username: String
    var password: String
}

/// Runs `git credential fill|approve|reject` in a repository's folder, so that the helpers the
/// user configured (`credential.helper`: store, cache, libsecret, a host's own) are the ones asked.
/// `GIT_TERMINAL_PROMPT=0` and an empty `GIT_ASKPASS` keep git from ever waiting for a person.
struct GitCredentialHelper {
    let directory: String
    var environment: [String: String] = [:]

    /// The credential the helpers hold for `url`; nil when they have none.
    func fill(_ url: TransportURL) throws -> HelperCredential? {
        let result = try run("fill", description(of: url, username: url.username, password: nil))
        guard result.status == 0 else { return nil }
        var fields: [String: String] = [:]
        for line in result.output.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            fields[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        guard let username = fields["username"], let password = fields["password"] else { return nil }
        return HelperCredential(username: username, password: password)
    }

    /// Tells the helpers that `credential` worked, so they keep it.
    func approve(_ credential: HelperCredential, for url: TransportURL) {
        _ = try? run("approve", description(of: url, username: credential.username, password: credential.password))
    }

    /// Tells the helpers that the server refused `credential`, so they forget it.
    func reject(_ credential: HelperCredential, for url: TransportURL) {
        _ = try? run("reject", description(of: url, username: credential.username, password: credential.password))
    }

    /// git's credential description: `key=value` lines ended by an empty line.
    private func description(of url: TransportURL, username: String?, password: String?) -> String {
        var lines = ["protocol=\(url.scheme)", "host=\(url.hostAndPort)"]
        if !url.path.isEmpty { lines.append("path=\(url.path)") }
        if let username { lines.append("username=\(username)") }
        if let password { lines.append("password=\(password)") }
        return lines.joined(separator: "\n") + "\n\n"
    }

    private func run(_ action: String, _ input: String) throws -> (status: Int32, output: String) {
        guard let git = Self.gitExecutable else {
            throw GitError.custom("cannot ask git's credential helper: no `git` program on PATH")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: git)
        process.arguments = ["credential", action]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        // The folder names the repository, not variables inherited from whoever started us.
        for key in ["GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_INDEX_FILE"] { env[key] = nil }
        env["GIT_TERMINAL_PROMPT"] = "0"
        env["GIT_ASKPASS"] = ""
        env.merge(environment) { $1 }
        process.environment = env
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw GitError.custom("cannot run git credential \(action) in \(directory): \(error.localizedDescription)")
        }
        // git reads the whole description before it writes a line: write, close, then read.
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// The first `git` on PATH.
    static let gitExecutable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/git" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
}
