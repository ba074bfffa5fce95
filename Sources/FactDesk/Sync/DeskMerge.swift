import Foundation
import GitKit

/// The merge of two commits of a desk's branch against their common ancestor, as changes to
/// apply on our tree. Only the paths either side changed are read: the cost follows the change,
/// not the desk. A file changed on one side takes that side's version; a claim changed on both
/// merges field by field (`ClaimMerge`); an article whose folder both sides changed merges its
/// text line by line (git's own three-way merge) and its metadata field by field, and then every
/// claim whose anchor was taken on other text is re-anchored on the merged text, as
/// `article update` does. What no rule can merge (the same passage edited on both sides, one
/// desk setting set two ways) is listed in `unresolved`, unless `take` names the side to keep.
struct DeskMerge {
    /// Something the merge could not settle on its own.
    struct Unresolved: Sendable {
        /// What `--take` names to settle it: an article's slug, `desk.json`, or a file's path.
        let target: String
        /// What differs, naming both versions.
        let detail: String
    }

    /// What the merge changes on top of our tree (nil removes a file).
    private(set) var files: [String: Data?] = [:]
    /// Claims both sides changed, merged field by field.
    private(set) var mergedClaims: [ClaimID] = []
    /// Claims that gained a merge conflict for an editor to settle.
    private(set) var conflictedClaims: [ClaimID] = []
    /// Claims re-anchored on merged text.
    private(set) var reanchoredClaims: [ClaimID] = []
    /// Articles whose text merged line by line.
    private(set) var mergedTexts: [ArticleSlug] = []
    private(set) var unresolved: [Unresolved] = []

    private let repository: Repository
    private let layout: StoreLayout
    private let trees: (base: Tree, ours: Tree, theirs: Tree)
    private let take: [String: MergeSide]
    private let editor: Editor
    private let now: Date

    init(repository: Repository, layout: StoreLayout, base: ObjectID, ours: ObjectID, theirs: ObjectID,
         take: [String: MergeSide], editor: Editor, now: Date) throws {
        self.repository = repository
        self.layout = layout
        trees = (try repository.commit(base).tree(), try repository.commit(ours).tree(), try repository.commit(theirs).tree())
        self.take = take
        self.editor = editor
        self.now = now
        let oursChanges = try TreeDifference.files(from: trees.base, to: trees.ours)
        let theirsChanges = try TreeDifference.files(from: trees.base, to: trees.theirs)
        let oursFolders = Set(oursChanges.keys.compactMap { layout.articleFolder(of: $0)?.path })
        var sharedFolders: [String: ArticleSlug] = [:]
        for (path, theirsID) in theirsChanges.sorted(by: { $0.key < $1.key }) {
            if let folder = layout.articleFolder(of: path), oursFolders.contains(folder.path) {
                sharedFolders[folder.path] = folder.slug
                continue
            }
            guard let oursID = oursChanges[path] else {
                files[path] = try theirsID.map(repository.blobData)
                continue
            }
            if oursID == theirsID { continue }
            if path == layout.settingsFile {
                try mergeSettings()
            } else {
                try mergeLines(of: path, target: path)
            }
        }
        for (folder, slug) in sharedFolders.sorted(by: { $0.key < $1.key }) {
            try mergeArticle(slug, folder: folder, oursChanges: oursChanges, theirsChanges: theirsChanges)
        }
    }

    // MARK: Articles

    private mutating func mergeArticle(_ slug: ArticleSlug, folder: String,
                                       oursChanges: [String: ObjectID?], theirsChanges: [String: ObjectID?]) throws {
        let textPath = layout.textFile(slug), articlePath = layout.articleFile(slug)
        let texts = (base: try data(textPath, in: trees.base), ours: try data(textPath, in: trees.ours),
                     theirs: try data(textPath, in: trees.theirs))
        guard let oursText = texts.ours, let theirsText = texts.theirs,
              let oursArticle = try article(articlePath, in: trees.ours), let theirsArticle = try article(articlePath, in: trees.theirs)
        else {
            // An article folder half there on one side is not FactDesk's: merge its files one by one.
            for path in Set(oursChanges.keys).union(theirsChanges.keys).sorted() where path.hasPrefix(folder + "/") {
                guard let theirsID = theirsChanges[path] else { continue }
                guard let oursID = oursChanges[path] else { files[path] = try theirsID.map(repository.blobData); continue }
                if oursID != theirsID { try mergeLines(of: path, target: path) }
            }
            return
        }
        let baseArticle = try article(articlePath, in: trees.base)
        // The text, line (paragraph) by line.
        var mergedText = ThreeWay.merge(base: texts.base, ours: oursText, theirs: theirsText)
        if mergedText == nil {
            if let merged = try TextMerge.merge(base: Array(texts.base ?? Data()), ours: Array(oursText), theirs: Array(theirsText)) {
                mergedText = Data(merged)
                mergedTexts.append(slug)
            } else if let side = take[slug.value] {
                mergedText = side == .ours ? oursText : theirsText
            } else {
                unresolved.append(Unresolved(target: slug.value, detail: "the text of \(slug) was edited in the same place on both sides "
                    + "(ours: revision \(oursArticle.revision) by \(oursArticle.updatedBy); theirs: revision \(theirsArticle.revision) by \(theirsArticle.updatedBy))"))
                return
            }
        }
        let text = mergedText!
        // The article's own fields.
        var merged = oursArticle
        guard let title = ThreeWay.merge(base: baseArticle?.title, ours: oursArticle.title, theirs: theirsArticle.title)
                ?? take[slug.value].map({ $0 == .ours ? oursArticle.title : theirsArticle.title }),
              let url = ThreeWay.merge(base: baseArticle?.url, ours: oursArticle.url, theirs: theirsArticle.url)
                ?? take[slug.value].map({ $0 == .ours ? oursArticle.url : theirsArticle.url })
        else {
            unresolved.append(Unresolved(target: slug.value, detail: "the title or URL of \(slug) was changed differently on both sides "
                + "(ours: “\(oursArticle.title)” \(oursArticle.url ?? "no URL"); theirs: “\(theirsArticle.title)” \(theirsArticle.url ?? "no URL"))"))
            return
        }
        (merged.title, merged.url) = (title, url)
        if text == theirsText && text != oursText {
            (merged.revision, merged.textID, merged.updatedBy, merged.updatedAt)
                = (theirsArticle.revision, theirsArticle.textID, theirsArticle.updatedBy, theirsArticle.updatedAt)
        } else if text != oursText {
            merged.revision = max(oursArticle.revision, theirsArticle.revision) + 1
            merged.textID = ObjectID.hashing(blob: Array(text)).hex
            (merged.updatedBy, merged.updatedAt) = (editor, now)
        }
        if text != oursText { files[textPath] = text }
        if merged != oursArticle { files[articlePath] = try DeskJSON.encode(merged) }
        try mergeClaims(of: slug, text: (merged: text, ours: oursText, theirs: theirsText), revision: merged.revision,
                        oursChanges: oursChanges, theirsChanges: theirsChanges)
    }

    /// Merges the claims of an article both sides changed, re-anchoring those whose offsets
    /// refer to other text than the merged one.
    private mutating func mergeClaims(of slug: ArticleSlug, text: (merged: Data, ours: Data, theirs: Data), revision: Int,
                                      oursChanges: [String: ObjectID?], theirsChanges: [String: ObjectID?]) throws {
        let directory = layout.claimsDirectory(slug)
        var paths = Set(try claimPaths(in: directory, of: trees.ours))
        for path in theirsChanges.keys where path.hasPrefix(directory + "/") { paths.insert(path) }
        let mergedText = try articleText(text.merged, slug: slug)
        var reanchorers: [MergeSide: Reanchorer] = [:]
        for path in paths.sorted() {
            guard let id = claimID(of: path) else { continue }
            let oursBytes = try data(path, in: trees.ours)
            // The version kept, as its side wrote it, unless this merge must write new bytes
            // (`rewritten`): a claim is never re-encoded for nothing.
            var side = MergeSide.ours, kept = oursBytes, rewritten: Claim?
            let oursID = oursChanges[path], theirsID = theirsChanges[path]
            if let theirsID, oursID == nil || oursID! != theirsID {
                if oursID == nil {
                    (side, kept) = (.theirs, try theirsID.map(repository.blobData))
                } else {
                    let theirsBytes = try data(path, in: trees.theirs)
                    let (ours, theirs) = (try oursBytes.map { try decodeClaim($0, path: path) }, try theirsBytes.map { try decodeClaim($0, path: path) })
                    let merge = try ClaimMerge(base: try self.claim(path, in: trees.base), ours: ours, theirs: theirs)
                    if merge.claim == theirs {
                        (side, kept) = (.theirs, theirsBytes)
                    } else if merge.claim != ours {
                        (side, kept, rewritten) = (merge.anchorSide, nil, merge.claim)
                    }
                    if merge.fieldByField { mergedClaims.append(id) }
                    if !merge.newConflicts.isEmpty { conflictedClaims.append(id) }
                }
            }
            guard kept != nil || rewritten != nil else {
                if oursBytes != nil { files[path] = .some(nil) }
                continue
            }
            let sideText = side == .ours ? text.ours : text.theirs
            if sideText != text.merged {
                var claim = try rewritten ?? decodeClaim(kept!, path: path)
                if reanchorers[side] == nil {
                    reanchorers[side] = Reanchorer(old: try articleText(sideText, slug: slug), new: mergedText)
                }
                _ = claim.apply(reanchorers[side]!.reanchor(claim.anchor), text: mergedText, revision: revision)
                claim.touch(by: editor, at: now)
                reanchoredClaims.append(id)
                rewritten = claim
            }
            let bytes = try rewritten.map(DeskJSON.encode) ?? kept
            if bytes != oursBytes { files[path] = bytes }
        }
    }

    // MARK: Settings and other files

    private mutating func mergeSettings() throws {
        let path = layout.settingsFile
        guard let ours = try settings(in: trees.ours), let theirs = try settings(in: trees.theirs) else {
            return try mergeLines(of: path, target: "desk.json")
        }
        let merge = SettingsMerge(base: try settings(in: trees.base), ours: ours, theirs: theirs, take: take["desk.json"])
        if !merge.clashes.isEmpty && take["desk.json"] == nil {
            unresolved.append(Unresolved(target: "desk.json", detail: "the desk's policy was set differently on both sides (\(merge.clashes.joined(separator: "; ")))"))
            return
        }
        if merge.settings != ours { files[path] = try DeskJSON.encode(merge.settings) }
    }

    /// Any other file: git's line merge, or the side `take` names.
    private mutating func mergeLines(of path: String, target: String) throws {
        let (base, ours, theirs) = (try data(path, in: trees.base), try data(path, in: trees.ours), try data(path, in: trees.theirs))
        if let side = take[target] {
            let chosen = side == .ours ? ours : theirs
            if chosen != ours { files[path] = .some(chosen) }
            return
        }
        if let ours, let theirs, let merged = try TextMerge.merge(base: Array(base ?? Data()), ours: Array(ours), theirs: Array(theirs)) {
            files[path] = Data(merged)
            return
        }
        let describe = { (data: Data?) in data == nil ? "deleted" : "changed" }
        unresolved.append(Unresolved(target: target, detail: "\(path) was \(describe(ours)) on our side and \(describe(theirs)) on theirs, in the same place"))
    }

    // MARK: Reading

    private func data(_ path: String, in tree: Tree) throws -> Data? {
        guard let entry = try tree.entry(atPath: path), entry.kind == .blob else { return nil }
        return try repository.blobData(entry.id)
    }

    private func settings(in tree: Tree) throws -> DeskSettings? {
        try data(layout.settingsFile, in: tree).map { try DeskJSON.decode(DeskSettings.self, from: $0, path: layout.settingsFile) }
    }

    private func article(_ path: String, in tree: Tree) throws -> Article? {
        try data(path, in: tree).map { try DeskJSON.decode(Article.self, from: $0, path: path) }
    }

    private func claim(_ path: String, in tree: Tree) throws -> Claim? {
        try data(path, in: tree).map { try decodeClaim($0, path: path) }
    }

    private func decodeClaim(_ data: Data, path: String) throws -> Claim {
        try DeskJSON.decode(Claim.self, from: data, path: path)
    }

    private func articleText(_ data: Data, slug: ArticleSlug) throws -> ArticleText {
        guard let string = String(validating: data, as: UTF8.self) else {
            throw FactDeskError.corruptFile(path: layout.textFile(slug), detail: "not valid UTF-8")
        }
        return ArticleText(stored: string)
    }

    private func claimPaths(in directory: String, of tree: Tree) throws -> [String] {
        guard let claims = try tree.subtree(atPath: directory) else { return [] }
        return claims.entries.filter { $0.kind == .blob }.map { directory + "/" + $0.name }
    }

    private func claimID(of path: String) -> ClaimID? {
        let name = (path as NSString).lastPathComponent
        guard name.hasSuffix(".json") else { return nil }
        return try? ClaimID(String(name.dropLast(5)))
    }
}
