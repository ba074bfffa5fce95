import CGit2
import Foundation

/// A remote on this machine (a path or `file://`) reached the way git reaches it: libgit2 speaks
/// its smart protocol to git's own `upload-pack` or `receive-pack` run on that repository
/// (`GitServiceProcess`). So the remote's hooks run on a push, and a fetch's pack is made by
/// git's pack-objects, which counts only the trees that changed and reuses stored deltas, where
/// libgit2's own local transport reads every tree of the remote's tip. Without git on `PATH`,
/// libgit2's local transport is left in place.
enum LocalServiceTransport {
    /// Routes `callbacks`' transfer through git's programs when `session` names a local repository.
    static func install(into callbacks: inout git_remote_callbacks, for session: TransportSession) {
        guard session.localRepositoryPath != nil, GitServiceProcess.gitExecutable != nil else { return }
        // The payload is the session (see `RemoteCallbacks`).
        callbacks.transport = { out, owner, payload in
            var definition = git_smart_subtransport_definition(callback: makeSubtransport, rpc: 0, param: payload)
            return git_transport_smart(out, owner, &definition)
        }
    }
}

/// libgit2's `git_smart_subtransport_cb`: a subtransport for the session's repository.
private func makeSubtransport(_ out: UnsafeMutablePointer<UnsafeMutablePointer<git_smart_subtransport>?>?,
                              _ owner: UnsafeMutablePointer<git_transport>?, _ param: UnsafeMutableRawPointer?) -> Int32 {
    guard let out, let param,
          let path = Unmanaged<TransportSession>.fromOpaque(param).takeUnretainedValue().localRepositoryPath else { return -1 }
    let box = UnsafeMutablePointer<cgit2_subtransport>.allocate(capacity: 1)
    box.initialize(to: cgit2_subtransport(parent: git_smart_subtransport(action: subtransportAction, close: subtransportClose,
                                                                         free: subtransportFree),
                                          owner: Unmanaged.passRetained(ServiceSubtransport(path: path)).toOpaque()))
    out.pointee = UnsafeMutableRawPointer(box).assumingMemoryBound(to: git_smart_subtransport.self)
    return 0
}

/// The state behind one subtransport: the repository's path and the stream now open, which a
/// listing (`*_LS`) and the transfer after it share, as git's protocol runs both on one connection.
private final class ServiceSubtransport {
    let path: String
    /// Owned by libgit2, which frees it (`streamFree` then clears this).
    var stream: UnsafeMutablePointer<cgit2_subtransport_stream>?

    init(path: String) { self.path = path }

    static func from(_ pointer: UnsafeMutableRawPointer) -> ServiceSubtransport {
        let box = pointer.assumingMemoryBound(to: cgit2_subtransport.self)
        return Unmanaged<ServiceSubtransport>.fromOpaque(box.pointee.owner).takeUnretainedValue()
    }

    var process: GitServiceProcess? {
        stream.map { Unmanaged<GitServiceProcess>.fromOpaque($0.pointee.owner).takeUnretainedValue() }
    }
}

private func subtransportAction(_ out: UnsafeMutablePointer<UnsafeMutablePointer<git_smart_subtransport_stream>?>?,
                                _ transport: UnsafeMutablePointer<git_smart_subtransport>?, _ url: UnsafePointer<CChar>?,
                                _ action: git_smart_service_t) -> Int32 {
    guard let out, let transport else { return -1 }
    let subtransport = ServiceSubtransport.from(UnsafeMutableRawPointer(transport))
    let service = action == GIT_SERVICE_UPLOADPACK_LS || action == GIT_SERVICE_UPLOADPACK ? "upload-pack" : "receive-pack"
    let continues = action == GIT_SERVICE_UPLOADPACK || action == GIT_SERVICE_RECEIVEPACK
    if continues, let stream = subtransport.stream, subtransport.process?.service == service {
        out.pointee = UnsafeMutableRawPointer(stream).assumingMemoryBound(to: git_smart_subtransport_stream.self)
        return 0
    }
    let process: GitServiceProcess
    do {
        process = try GitServiceProcess(service: service, repositoryPath: subtransport.path)
    } catch {
        git_error_set_str(Int32(GIT_ERROR_NET.rawValue), "\(error)")
        return -1
    }
    let stream = UnsafeMutablePointer<cgit2_subtransport_stream>.allocate(capacity: 1)
    stream.initialize(to: cgit2_subtransport_stream(
        parent: git_smart_subtransport_stream(subtransport: transport, read: streamRead, write: streamWrite, free: streamFree),
        owner: Unmanaged.passRetained(process).toOpaque()))
    subtransport.stream = stream
    out.pointee = UnsafeMutableRawPointer(stream).assumingMemoryBound(to: git_smart_subtransport_stream.self)
    return 0
}

/// Between two unrelated actions: the program of the open stream ends (libgit2 frees the stream).
private func subtransportClose(_ transport: UnsafeMutablePointer<git_smart_subtransport>?) -> Int32 {
    guard let transport else { return 0 }
    ServiceSubtransport.from(UnsafeMutableRawPointer(transport)).process?.finish()
    return 0
}

private func subtransportFree(_ transport: UnsafeMutablePointer<git_smart_subtransport>?) {
    guard let transport else { return }
    let box = UnsafeMutableRawPointer(transport).assumingMemoryBound(to: cgit2_subtransport.self)
    Unmanaged<ServiceSubtransport>.fromOpaque(box.pointee.owner).release()
    box.deinitialize(count: 1)
    box.deallocate()
}

private func process(of stream: UnsafeMutablePointer<git_smart_subtransport_stream>) -> GitServiceProcess {
    let box = UnsafeMutableRawPointer(stream).assumingMemoryBound(to: cgit2_subtransport_stream.self)
    return Unmanaged<GitServiceProcess>.fromOpaque(box.pointee.owner).takeUnretainedValue()
}

private func streamRead(_ stream: UnsafeMutablePointer<git_smart_subtransport_stream>?, _ buffer: UnsafeMutablePointer<CChar>?,
                        _ size: Int, _ read: UnsafeMutablePointer<Int>?) -> Int32 {
    guard let stream, let buffer, let read else { return -1 }
    let program = process(of: stream)
    do {
        read.pointee = try program.read(into: buffer, count: size)
        // The program's end before libgit2 expected it: say why, from its exit and its stderr.
        if read.pointee == 0, program.finish() != 0 {
            let said = program.stderrText
            git_error_set_str(Int32(GIT_ERROR_NET.rawValue),
                              "git \(program.service) \(program.repositoryPath) " + (said.isEmpty ? "failed" : "said: \(said)"))
            return -1
        }
        return 0
    } catch {
        git_error_set_str(Int32(GIT_ERROR_NET.rawValue), "\(error)")
        return -1
    }
}

private func streamWrite(_ stream: UnsafeMutablePointer<git_smart_subtransport_stream>?, _ buffer: UnsafePointer<CChar>?,
                         _ length: Int) -> Int32 {
    guard let stream, let buffer else { return -1 }
    do {
        try process(of: stream).write(UnsafeRawBufferPointer(start: buffer, count: length))
        return 0
    } catch {
        git_error_set_str(Int32(GIT_ERROR_NET.rawValue), "\(error)")
        return -1
    }
}

private func streamFree(_ stream: UnsafeMutablePointer<git_smart_subtransport_stream>?) {
    guard let stream else { return }
    let box = UnsafeMutableRawPointer(stream).assumingMemoryBound(to: cgit2_subtransport_stream.self)
    if let transport = stream.pointee.subtransport {
        let subtransport = ServiceSubtransport.from(UnsafeMutableRawPointer(transport))
        if subtransport.stream == box { subtransport.stream = nil }
    }
    Unmanaged<GitServiceProcess>.fromOpaque(box.pointee.owner).release()
    box.deinitialize(count: 1)
    box.deallocate()
}
