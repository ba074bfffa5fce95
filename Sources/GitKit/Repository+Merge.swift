import CGit2

extension Repository {
    /// The best common ancestor of two commits (`git merge-base`); nil when their histories share none.
    public func mergeBase(_ one: ObjectID, _ two: ObjectID) throws -> ObjectID? {
        var out = git_oid()
        let code = one.withOID { first in two.withOID { second in git_merge_base(&out, pointer, first, second) } }
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "cannot find the common ancestor of \(one) and \(two)")
        return ObjectID(out)
    }

    /// How many commits `local` has that `upstream` lacks (ahead), and the other way round (behind).
    public func aheadBehind(local: ObjectID, upstream: ObjectID) throws -> (ahead: Int, behind: Int) {
        var ahead = 0, behind = 0
        try local.withOID { localID in
            try upstream.withOID { upstreamID in
                try check(git_graph_ahead_behind(&ahead, &behind, pointer, localID, upstreamID),
                          "cannot count the commits between \(local) and \(upstream)")
            }
        }
        return (ahead, behind)
    }
}

/// A three-way merge of one file's lines (`git_merge_file`, git's own xdiff merge).
public enum TextMerge {
    /// The merged bytes, or nil when the two sides changed overlapping lines.
    public static func merge(base: [UInt8], ours: [UInt8], theirs: [UInt8]) throws -> [UInt8]? {
        GitLibrary.ensureInitialized()
        var options = git_merge_file_options()
        try check(git_merge_file_options_init(&options, UInt32(GIT_MERGE_FILE_OPTIONS_VERSION)), "cannot prepare a file merge")
        var result = git_merge_file_result()
        // An empty file still needs a pointer: libgit2 reads `ptr` before it looks at `size`.
        let (base, ours, theirs) = (base + [0], ours + [0], theirs + [0])
        try base.withUnsafeBufferPointer { baseBytes in
            try ours.withUnsafeBufferPointer { oursBytes in
                try theirs.withUnsafeBufferPointer { theirsBytes in
                    var inputs = [baseBytes, oursBytes, theirsBytes].map { bytes -> git_merge_file_input in
                        var input = git_merge_file_input()
                        input.version = UInt32(GIT_MERGE_FILE_INPUT_VERSION)
                        input.ptr = UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self)
                        input.size = bytes.count - 1
                        return input
                    }
                    try check(git_merge_file(&result, &inputs[0], &inputs[1], &inputs[2], &options), "cannot merge the file")
                }
            }
        }
        defer { git_merge_file_result_free(&result) }
        guard result.automergeable != 0 else { return nil }
        guard let bytes = result.ptr, result.len > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: result.len))
    }
}
