import Foundation

/// The parts of a remote's URL that credentials and host keys are looked up by: `scheme://user@host:port/path`
/// or SSH's `user@host:path`. A local path has no host.
struct TransportURL: Equatable {
    /// `http`, `https`, `ssh`, `git`, `file`; `ssh` for the `user@host:path` form.
    var scheme: String
    var username: String?
    var host: String
    /// The port when the URL names one.
    var port: Int?
    /// The path without its leading slash (as `git credential` expects it).
    var path: String

    init?(_ text: String) {
        if let components = URLComponents(string: text), let scheme = components.scheme, text.contains("://") {
            self.scheme = scheme.lowercased()
            username = components.user.flatMap { $0.removingPercentEncoding ?? $0 }
            host = components.host ?? ""
            port = components.port
            path = String(components.path.drop { $0 == "/" })
            return
        }
        // `[user@]host:path`, as git reads it when there is no scheme and the colon comes before any slash.
        guard let colon = text.firstIndex(of: ":"), !text[..<colon].contains("/"), colon != text.startIndex else {
            return nil
        }
        let authority = text[..<colon]
        scheme = "ssh"
        if let at = authority.lastIndex(of: "@") {
            username = String(authority[..<at])
            host = String(authority[authority.index(after: at)...])
        } else {
            username = nil
            host = String(authority)
        }
        port = nil
        path = String(text[text.index(after: colon)...])
    }

    /// `host` or `host:port`, as `git credential` and messages name a server.
    var hostAndPort: String {
        port.map { "\(host):\($0)" } ?? host
    }

    /// The URL without any password, for messages.
    static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = nil
        return components.string ?? text
    }
}

extension Repository {
    /// The folder a remote URL names on this machine: a path as given, or a `file://` URL's path
    /// with its escapes decoded; nil for a server (`ssh://`, `user@host:path`, `git://`, `http(s)://`).
    public static func localPath(ofRemoteURL remoteURL: String) -> String? {
        guard let url = TransportURL(remoteURL) else { return remoteURL.isEmpty ? nil : remoteURL }
        guard url.scheme == "file", url.host.isEmpty || url.host == "localhost" else { return nil }
        return "/" + url.path
    }
}
