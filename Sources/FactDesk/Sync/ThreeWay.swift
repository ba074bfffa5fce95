/// The one rule of a three-way merge for a single value: unchanged on one side, the other
/// side's value; the same change on both, that value; different changes on both, no answer.
enum ThreeWay {
    /// The merged value, or nil when both sides changed it differently (`base` nil: added on both).
    static func merge<Value: Equatable>(base: Value?, ours: Value, theirs: Value) -> Value? {
        if ours == theirs { return ours }
        if let base, base == ours { return theirs }
        if let base, base == theirs { return ours }
        return nil
    }
}
