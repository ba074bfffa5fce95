import Foundation
import GitKit

/// A fact-checking desk: the FactDesk API that the command-line tool and any server call.
/// Reads come from the branch's committed tree; every change is one commit through libgit2.
/// One instance may be shared by threads: its calls into libgit2 are serialized.
public final class DeskStore: @unchecked Sendable {
    /// Whether the desk has a working tree to keep in step with its commits.
    public enum Kind: String, Sendable {
        /// A folder in a checked-out repository: commits also update the files and the index.
        case checkedOut = "checked-out"
        /// A bare repository: a commit is new objects and one branch update, nothing else.
        case bare
    }

    let repository: Repository
    let layout: StoreLayout
    /// The branch the desk lives on, such as `refs/heads/main`.
    let branch: String
    public let kind: Kind
    /// The clock used for timestamps and ages; tests and servers may supply their own.
    let clock: @Sendable () -> Date
    /// Serializes this instance's use of its repository across threads.
    let accessLock = NSRecursiveLock()
    /// Whether reads go through the caches in the git directory: the summary cache for reads of
    /// many articles (`SummaryCache`) and the history index (`HistoryIndex`). Turning it off gives
    /// the answer computed from git alone.
    public var usesCaches = true

    func summaryCache() -> SummaryCache? {
        usesCaches ? SummaryCache(gitDirectory: repository.gitDirectory) : nil
    }

    /// Receives what FactDesk repaired on its own (a stale lock, an interrupted write); the
    /// command-line tool prints these on stderr.
    public var noticeHandler: (@Sendable (String) -> Void)?

    /// Receives how far a long import has got (items done, of total), after its first second; the
    /// command-line tool shows it on a terminal.
    public var progressHandler: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    func notice(_ message: String) {
        noticeHandler?(message)
    }

    private init(repository: Repository, layout: StoreLayout, branch: String, clock: @escaping @Sendable () -> Date) {
        self.repository = repository
        self.layout = layout
        self.branch = branch
        self.kind = repository.isBare ? .bare : .checkedOut
        self.clock = clock
    }

    /// Opens the desk at `path`: a folder of a checked-out repository holding a committed
    /// `desk.json`, or a bare repository, whose desk is where `desk.json` is in the branch's tree.
    public static func open(at path: String, clock: @escaping @Sendable () -> Date = { Date() }) throws -> DeskStore {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FactDeskError.notADesk("no desk at \(path): create one with `factdesk init --store \(path)` or pass --store")
        }
        guard let repository = try gitCall({ try Repository.discover(from: path) }) else {
            if let foreign = repositoryOwnedByAnotherUser(enclosing: path) {
                throw FactDeskError.notADesk("the repository at \(foreign) is owned by another user; git refuses it until you run `git config --global --add safe.directory \(foreign)`")
            }
            throw FactDeskError.notADesk("\(path) is not inside a git repository: create a desk with `factdesk init --store \(path)`")
        }
        let branch = try branchName(of: repository)
        let deskPath = repository.isBare ? try bareDeskPath(in: repository, branch: branch, path: path)
                                         : try deskPath(of: path, in: repository)
        let store = DeskStore(repository: repository, layout: StoreLayout(deskPath: deskPath), branch: branch, clock: clock)
        let snapshot = try store.snapshot()
        guard snapshot.commitID != nil else {
            throw FactDeskError.notADesk("the desk's branch \(branch) has no commits; check out the desk's branch or run `factdesk init`")
        }
        _ = try snapshot.settings()
        return store
    }

    /// Creates a desk in folder `path`, and a git repository there if none encloses it; with
    /// `bare`, a bare repository at `path` holding the desk at its root.
    public static func create(at path: String, editor: Editor, bare: Bool = false,
                              clock: @escaping @Sendable () -> Date = { Date() }) throws -> DeskStore {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw FactDeskError.storage("cannot create \(path): \(error.localizedDescription)")
        }
        let existing = try gitCall { try Repository.discover(from: path) }
        if bare, let existing, !(existing.isBare && realPath(existing.gitDirectory) == realPath(path)) {
            throw FactDeskError.invalidInput("\(path) is inside the repository at \(existing.workingDirectory ?? existing.gitDirectory); a bare desk needs a folder of its own")
        }
        let repository = try gitCall { try existing ?? Repository.create(at: path, bare: bare) }
        let deskPath = repository.isBare ? "" : try deskPath(of: path, in: repository)
        let store = DeskStore(repository: repository, layout: StoreLayout(deskPath: deskPath),
                              branch: try branchName(of: repository), clock: clock)
        try store.commit(as: editor) { snapshot in
            if try snapshot.blobID(at: store.layout.settingsFile) != nil {
                throw FactDeskError.invalidInput("\(path) is already a FactDesk store")
            }
            if !bare && FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("desk.json")) {
                throw FactDeskError.invalidInput("\(path) holds a desk.json that is not committed on \(store.branch); check out the desk's branch (git switch main)")
            }
            let attributes = try snapshot.data(at: store.layout.attributesFile).map { String(decoding: $0, as: UTF8.self) } ?? ""
            var files: [String: Data?] = [store.layout.settingsFile: try DeskJSON.encode(DeskSettings())]
            if let text = MergeDriver.attributesText(adding: attributes) { files[store.layout.attributesFile] = Data(text.utf8) }
            return StagedChange(files: files, message: "init desk", result: ())
        }
        return store
    }

    /// The editor configured in git (`user.name` and `user.email`) for a desk at `path`: the
    /// enclosing repository's configuration, else the user's; nil unless both are set.
    public static func configuredEditor(near path: String) throws -> Editor? {
        try gitCall {
            let repository = FileManager.default.fileExists(atPath: path) ? try Repository.discover(from: path) : nil
            let value: (String) throws -> String? = { key in
                try repository.map { try $0.configString(key) } ?? GitConfiguration.defaultString(key)
            }
            guard let name = try value("user.name"), let email = try value("user.email") else { return nil }
            return try Editor(name: name, email: email)
        }
    }

    /// Runs a read against the branch's current commit, serialized with other calls.
    func read<T>(_ body: (DeskSnapshot) throws -> T) throws -> T {
        try serialized {
            let snapshot = try snapshot()
            return try gitCall { try body(snapshot) }
        }
    }

    /// The desk as of the branch's current commit.
    func snapshot() throws -> DeskSnapshot {
        try serialized { try gitCall {
            let snapshot = try DeskSnapshot(repository: repository, layout: layout, commitID: try repository.resolve(reference: branch))
            if usesCaches { snapshot.claimIDCache = ClaimIDCache(gitDirectory: repository.gitDirectory) }
            return snapshot
        } }
    }

    // MARK: Locating the desk

    /// The desk folder's path relative to the repository's working directory.
    private static func deskPath(of path: String, in repository: Repository) throws -> String {
        guard let workingDirectory = repository.workingDirectory else { return "" }
        let root = realPath(workingDirectory)
        let desk = realPath(path)
        if desk == root { return "" }
        guard desk.hasPrefix(root + "/") else {
            throw FactDeskError.notADesk("\(path) is outside the working tree of the repository at \(root)")
        }
        let relative = String(desk.dropFirst(root.count + 1))
        guard !relative.split(separator: "/").contains(".git") else {
            throw FactDeskError.notADesk("\(path) is inside a .git folder; choose a folder of the working tree")
        }
        return relative
    }

    /// Where a bare repository's desk is: the folder of the one `desk.json` near the top of the
    /// branch's tree (the root for `init --bare`, `annotations` for a bare clone of this project).
    private static func bareDeskPath(in repository: Repository, branch: String, path: String) throws -> String {
        let found = try gitCall { () -> [String] in
            guard let tip = try repository.resolve(reference: branch) else { return [] }
            var found: [String] = []
            var queue: [(tree: Tree, path: String, depth: Int)] = [(try repository.commit(tip).tree(), "", 0)]
            while !queue.isEmpty {
                let (tree, folder, depth) = queue.removeFirst()
                if tree.entry(named: "desk.json")?.kind == .blob { found.append(folder); continue }
                guard depth < 3 else { continue }
                for entry in tree.entries where entry.kind == .tree && !entry.name.hasPrefix(".") {
                    queue.append((try repository.tree(entry.id), folder.isEmpty ? entry.name : folder + "/" + entry.name, depth + 1))
                }
            }
            return found
        }
        guard let first = found.first else {
            throw FactDeskError.notADesk("\(path) is a bare repository without a desk.json on \(branch); create one with `factdesk init --bare \(path)`")
        }
        guard found.count == 1 else {
            throw FactDeskError.notADesk("\(path) holds several desks (\(found.map { $0.isEmpty ? "/" : $0 }.joined(separator: ", "))); FactDesk opens one desk per bare repository")
        }
        return first
    }

    /// The nearest enclosing folder holding a `.git` (or a bare repository's `HEAD` and `objects`) that another
    /// user owns: libgit2 then reports no repository at all, which would be the wrong advice.
    private static func repositoryOwnedByAnotherUser(enclosing path: String) -> String? {
        var folder = realPath(path)
        while true {
            for marker in [folder + "/.git", folder + "/objects"] {
                var info = stat()
                if lstat(marker, &info) == 0, marker.hasSuffix(".git") || FileManager.default.fileExists(atPath: folder + "/HEAD") {
                    return info.st_uid != geteuid() ? folder : nil
                }
            }
            guard folder != "/", let slash = folder.lastIndex(of: "/") else { return nil }
            folder = slash == folder.startIndex ? "/" : String(folder[..<slash])
        }
    }

    private static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        var text = String(cString: resolved)
        while text.count > 1 && text.hasSuffix("/") { text.removeLast() }
        return text
    }

    private static func branchName(of repository: Repository) throws -> String {
        switch try gitCall({ try repository.head() }) {
        case .branch(let name):
            return name
        case .detached(let id):
            throw FactDeskError.storage("HEAD is detached at \(id.hex.prefix(7)); check out the desk's branch first (git switch main)")
        }
    }
}

/// Runs a GitKit call, turning a libgit2 failure into a FactDesk storage error with its message.
func gitCall<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as GitError {
        throw FactDeskError.storage("git: \(error.message)")
    }
}
