import Foundation

extension DeskStore {
    /// Allows `editor` to sign in to the web desk and returns their new token, shown this once.
    /// An editor who already has a token is refused: remove them first to issue a new one.
    public func addEditor(_ editor: Editor) throws -> String {
        try withRegistry { registry in
            var entries = try registry.entries()
            guard !entries.contains(where: { $0.editor.isSamePerson(as: editor) }) else {
                throw FactDeskError.invalidInput("\(editor.email) can already sign in; `factdesk editor remove \(editor.email)` first to issue a new token")
            }
            let token = EditorRegistry.newToken()
            entries.append(EditorRegistry.Entry(editor: editor, tokenHash: EditorRegistry.hash(token), addedAt: clock()))
            try registry.write(entries)
            return token
        }
    }

    /// The editors who may sign in, in the order they were added.
    public func signInEditors() throws -> [(editor: Editor, addedAt: Date)] {
        try EditorRegistry(gitDirectory: repository.gitDirectory).entries().map { ($0.editor, $0.addedAt) }
    }

    /// Takes an editor's sign-in away (by email); their sessions end at their next request.
    public func removeEditor(email: String) throws {
        try withRegistry { registry in
            var entries = try registry.entries()
            let before = entries.count
            entries.removeAll { $0.editor.email.lowercased() == email.trimmingCharacters(in: .whitespaces).lowercased() }
            guard entries.count < before else { throw FactDeskError.invalidInput("no editor \(email) can sign in (see `factdesk editor list`)") }
            try registry.write(entries)
        }
    }

    /// The editor whose sign-in token this is, if any.
    public func editor(forToken token: String) throws -> Editor? {
        guard token.hasPrefix("fdt_"), token.utf8.count < 200 else { return nil }
        return EditorRegistry.match(token, in: try EditorRegistry(gitDirectory: repository.gitDirectory).entries())?.editor
    }

    /// Whether `editor` may still sign in (their token was not removed).
    public func canSignIn(_ editor: Editor) throws -> Bool {
        try EditorRegistry(gitDirectory: repository.gitDirectory).entries().contains { $0.editor.isSamePerson(as: editor) }
    }

    /// Changes the registry under the desk's write lock, so two `editor add` never lose one another.
    private func withRegistry<T>(_ change: (EditorRegistry) throws -> T) throws -> T {
        try serialized {
            let lock = try acquireLock()
            defer { withExtendedLifetime(lock) {} }
            return try change(EditorRegistry(gitDirectory: repository.gitDirectory))
        }
    }
}
