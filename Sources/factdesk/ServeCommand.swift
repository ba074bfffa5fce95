import ArgumentParser
import FactDesk
import FactDeskServer
import Foundation

/// `factdesk serve [--store DIR] [--host 127.0.0.1] [--port 8080] [--behind-https] [--sync NAME --every N]`: the web desk.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the web desk (loopback only unless --host says otherwise); prints its URL.")

    @Option(name: .long, help: "The address to listen on (default 127.0.0.1, this machine only).")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port (0 picks a free one).")
    var port = 8080

    @Flag(name: .long, help: "A TLS proxy is in front: session cookies are Secure, pages are https.")
    var behindHttps = false

    @Option(name: .long, help: "Sync with this remote now and then (see --every), so a hub keeps its git host current.")
    var sync: String?

    @Option(name: .long, help: "Seconds between syncs with --sync (default 60).")
    var every = 60

    @OptionGroup var desk: DeskOptions

    func run() throws {
        guard (0...65_535).contains(port) else { throw FactDeskError.invalidInput("--port \(port) is not a port (0-65535)") }
        let store = try desk.openStore()  // a clear error now if the desk is not there
        guard every >= 1 else { throw FactDeskError.invalidInput("--every \(every): give the seconds between syncs, 1 or more") }
        var settings = ServerConfiguration(host: host, port: port, behindHTTPS: behindHttps)
        if let sync {
            _ = try store.remote(named: sync)
            settings.sync = PeriodicSync(remote: sync, interval: .seconds(every), editor: try desk.resolvedEditor()) { line in
                FileHandle.standardError.write(Data("factdesk: \(Output.terminalSafe(line))\n".utf8))
            }
        }
        // A desk nobody can sign in to, served on this machine only: its operator signs in first.
        if settings.isLoopback, try store.signInEditors().isEmpty, let editor = try? desk.resolvedEditor() {
            let token = try store.addEditor(editor)
            // Written at once: a server's output goes to a log or a pipe, where print would wait.
            FileHandle.standardOutput.write(Data(("No one could sign in to this desk yet: \(editor) can now, with the token\n\(token)\n"
                + "(shown this once; add others with `factdesk editor add \"Name <email>\"`)\n").utf8))
        }
        if !settings.isLoopback && !behindHttps {
            Output.warn("listening on \(host) without --behind-https: sign-in tokens and sessions would cross the network unencrypted; put a TLS proxy in front and pass --behind-https")
        }
        let path = desk.storePath
        let application = try WebDesk.application(desk: path, configuration: settings) { listening in
            let shown = host.contains(":") ? "[\(host)]" : host
            FileHandle.standardOutput.write(Data("FactDesk web desk on http://\(shown):\(listening)/ (desk: \(path))\n".utf8))
        }
        let finished = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do { try await application.runService() } catch { failure.error = error }
            finished.signal()
        }
        finished.wait()
        if let error = failure.error { throw FactDeskError.storage("the web desk stopped: \(error)") }
    }
}

/// The error the server stopped with, handed from its task to the waiting command.
private final class FailureBox: @unchecked Sendable {
    var error: (any Error)?
}
