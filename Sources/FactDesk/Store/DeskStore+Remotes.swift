import GitKit

/// A git remote the desk syncs with, as the clone's git configuration names it.
public struct DeskRemote: Encodable, Equatable, Sendable {
    public let name: String
    public let url: String
}

extension DeskStore {
    /// The clone's remotes, by name.
    public func remotes() throws -> [DeskRemote] {
        try serialized { try gitCall { try repository.remotes().map { DeskRemote(name: $0.name, url: $0.url) } } }
    }

    /// Adds a remote to the clone's git configuration (never to the desk's history).
    public func addRemote(named name: String, url: String) throws {
        guard url.nonEmptyText != nil else { throw FactDeskError.invalidInput("a remote needs a URL: a path, file://, git://, http(s):// or ssh://") }
        try serialized {
            if try gitCall({ try repository.remoteURL(named: name) }) != nil {
                throw FactDeskError.invalidInput("there is already a remote named \(name) (see `factdesk remote list`)")
            }
            try gitCall { try repository.addRemote(named: name, url: url) }
        }
    }

    /// Removes a remote and its remote-tracking branches from the clone.
    public func removeRemote(named name: String) throws {
        try serialized {
            guard try gitCall({ try repository.remoteURL(named: name) }) != nil else {
                throw FactDeskError.invalidInput("no remote named \(name) (see `factdesk remote list`)")
            }
            try gitCall { try repository.removeRemote(named: name) }
        }
    }

    /// The remote `name` names, or the one remote to use when none is named: `origin`, else the only one.
    public func remote(named name: String?) throws -> DeskRemote {
        let all = try remotes()
        if let name {
            guard let remote = all.first(where: { $0.name == name }) else {
                throw FactDeskError.invalidInput("no remote named \(name): add it with `factdesk remote add \(name) URL`")
            }
            return remote
        }
        if let origin = all.first(where: { $0.name == "origin" }) { return origin }
        guard all.count == 1 else {
            throw FactDeskError.invalidInput(all.isEmpty ? "this desk has no remote: add one with `factdesk remote add origin URL`"
                                             : "this desk has several remotes (\(all.map(\.name).joined(separator: ", "))); name the one to sync with")
        }
        return all[0]
    }
}
