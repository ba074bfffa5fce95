/// How `factdesk serve` runs the web desk: where it listens, and whether a TLS proxy is in
/// front of it (which makes the session cookie `Secure`).
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// A proxy terminates TLS in front of the server: cookies are `Secure`.
    public var behindHTTPS: Bool
    /// How long a browser session lasts without a new sign-in.
    public var sessionLifetime: Duration
    /// Keep a git host current by syncing with it now and then; nil: never.
    public var sync: PeriodicSync?

    public init(host: String = "127.0.0.1", port: Int = 8080, behindHTTPS: Bool = false,
                sessionLifetime: Duration = .seconds(12 * 3600), sync: PeriodicSync? = nil) {
        self.sync = sync
        self.host = host
        self.port = port
        self.behindHTTPS = behindHTTPS
        self.sessionLifetime = sessionLifetime
    }

    /// Whether `host` is a loopback address, reachable from this machine only.
    public var isLoopback: Bool {
        host == "127.0.0.1" || host == "::1" || host == "localhost" || host.hasPrefix("127.")
    }
}
