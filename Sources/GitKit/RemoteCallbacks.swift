import CGit2

/// libgit2's remote callbacks, wired to a `TransportSession`. C callbacks cannot capture: each
/// one finds its session through the payload pointer, which the session's `run` keeps alive.
enum RemoteCallbacks {
    /// Points `callbacks` at `session`. The caller keeps `session` alive while libgit2 runs.
    static func install(_ session: TransportSession, into callbacks: inout git_remote_callbacks) {
        callbacks.payload = Unmanaged.passUnretained(session).toOpaque()
        LocalServiceTransport.install(into: &callbacks, for: session)
        callbacks.credentials = { out, url, usernameFromURL, allowed, payload in
            guard let payload else { return GIT_PASSTHROUGH.rawValue }
            return Unmanaged<TransportSession>.fromOpaque(payload).takeUnretainedValue()
                .acquireCredential(out, url: url.map { String(cString: $0) },
                                   usernameFromURL: usernameFromURL.map { String(cString: $0) }, allowed: allowed)
        }
        callbacks.certificate_check = { cert, _, host, payload in
            guard let payload else { return GIT_PASSTHROUGH.rawValue }
            return Unmanaged<TransportSession>.fromOpaque(payload).takeUnretainedValue()
                .checkCertificate(cert, host: host.map { String(cString: $0) })
        }
        callbacks.push_update_reference = { reference, status, payload in
            guard let payload, let reference else { return 0 }
            return Unmanaged<TransportSession>.fromOpaque(payload).takeUnretainedValue()
                .pushUpdate(reference: String(cString: reference), status: status.map { String(cString: $0) })
        }
        callbacks.sideband_progress = { text, length, payload in
            guard let payload, let text, length > 0 else { return 0 }
            let message = text.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                String(decoding: UnsafeBufferPointer(start: $0, count: Int(length)), as: UTF8.self)
            }
            return Unmanaged<TransportSession>.fromOpaque(payload).takeUnretainedValue().serverSaid(message)
        }
    }
}
