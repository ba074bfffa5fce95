import Foundation

import GitKit

/// What one operation wants to commit: new contents for some desk files (nil removes one),
/// the commit message, and the value to hand back once the commit has landed.
struct StagedChange<Result> {
    var files: [String: Data?]
    var message: String
    var result: Result
    /// For a merge: the other history's commit, the new commit's second parent.
    var mergeParent: ObjectID? = nil
    /// For a fast-forward: the commit the branch moves to, already holding `files`; no commit is written.
    var fastForward: ObjectID? = nil
}
