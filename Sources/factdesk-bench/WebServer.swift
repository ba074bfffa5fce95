import Foundation

/// `factdesk serve --port 0 --store DESK` run as a child of the bench: started, its port read
/// from the line it prints, its peak memory read from /proc, and stopped with SIGTERM.
final class WebServer {
    let pid: pid_t
    let port: Int
    private var stopped = false

    private init(pid: pid_t, port: Int) {
        self.pid = pid
        self.port = port
    }

    /// Starts the server on `store` and waits (up to 60 s) for it to say where it listens. Its
    /// output goes to `serve.out` and `serve.err` in `folder`.
    static func start(factdesk: String, store: String, folder: String) throws -> WebServer {
        let out = folder + "/serve.out", err = folder + "/serve.err"
        let pid = try ChildProcess.spawn([factdesk, "serve", "--port", "0", "--store", store], in: folder, stdout: out, stderr: err)
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let line = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
            if let range = line.range(of: "FactDesk web desk on http://127.0.0.1:"),
               let port = Int(line[range.upperBound...].prefix { $0.isNumber }) {
                return WebServer(pid: pid, port: port)
            }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                let error = (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
                throw BenchError("factdesk serve stopped (status \(status)) before listening: \(error.prefix(500))")
            }
            usleep(20_000)
        }
        kill(pid, SIGKILL)
        _ = waitpid(pid, nil, 0)
        throw BenchError("factdesk serve printed no URL within 60 s (see \(out), \(err))")
    }

    /// Starts a new peak: the kernel's high-water mark of resident memory (`VmHWM`) is reset to
    /// what the server holds now. False when the kernel refuses (the peak then runs from the start).
    @discardableResult
    func resetPeakMemory() -> Bool {
        let descriptor = open("/proc/\(pid)/clear_refs", O_WRONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return Glibc.write(descriptor, "5", 1) == 1
    }

    /// The server's peak resident memory since the last reset, in bytes (`VmHWM` of /proc/PID/status).
    func peakMemoryBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "")
        else { return 0 }
        return kilobytes * 1024
    }

    /// CPU time the server has used so far, all threads, user and system (`/proc/PID/stat`).
    func cpuSeconds() -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let end = stat.lastIndex(of: ")") else { return 0 }
        // After the command name: state is field 3, utime field 14 and stime field 15.
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// SIGTERM (a graceful shutdown), then SIGKILL if it has not exited within 10 s.
    func stop() {
        guard !stopped else { return }
        stopped = true
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(10)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                return
            }
            usleep(20_000)
        }
    }

    deinit { stop() }
}
