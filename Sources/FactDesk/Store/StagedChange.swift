import Foundation

/// What one operation wants to commit: new contents for some desk files (nil removes one),
/// the commit message, and the value to hand back once the commit has landed.
struct StagedChange<Result> {
    var files: [String: Data?]
    var message: String
    var result: Result
}
