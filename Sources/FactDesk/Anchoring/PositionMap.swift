/// Maps offsets of an old text revision to where the same place most likely is in a new one,
/// from a line diff (`CollectionDifference`, Myers): text on an unchanged line keeps its column;
/// text on an edited line is placed relative to the nearest unchanged line before it.
struct PositionMap {
    private let oldLineStarts: [Int]
    private let newLineStarts: [Int]
    /// For each old line, the new line it was kept as, if it was kept.
    private let kept: [Int?]
    private let newCount: Int

    init(old: ArticleText, new: ArticleText) {
        let oldLines = Self.lines(of: old)
        let newLines = Self.lines(of: new)
        oldLineStarts = oldLines.map(\.start)
        newLineStarts = newLines.map(\.start)
        newCount = new.count
        let difference = newLines.map(\.hash).difference(from: oldLines.map(\.hash))
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var kept = [Int?](repeating: nil, count: oldLines.count)
        var newIndex = 0
        for oldIndex in oldLines.indices where !removed.contains(oldIndex) {
            while inserted.contains(newIndex) { newIndex += 1 }
            if newIndex < newLines.count { kept[oldIndex] = newIndex }
            newIndex += 1
        }
        self.kept = kept
    }

    /// Where old offset `offset` most likely is in the new text.
    func map(_ offset: Int) -> Int {
        guard !oldLineStarts.isEmpty else { return 0 }
        var line = 0, high = oldLineStarts.count
        while line + 1 < high {
            let middle = (line + high) / 2
            if oldLineStarts[middle] <= offset { line = middle } else { high = middle }
        }
        var anchorLine = line
        while anchorLine >= 0 && kept[anchorLine] == nil { anchorLine -= 1 }
        guard anchorLine >= 0, let newLine = kept[anchorLine] else {
            return min(max(0, offset), newCount)
        }
        return min(max(0, newLineStarts[newLine] + offset - oldLineStarts[anchorLine]), newCount)
    }

    /// Each line's start and a hash of its content (a collision only blurs the position hint).
    private static func lines(of text: ArticleText) -> [(start: Int, hash: Int)] {
        var result: [(start: Int, hash: Int)] = []
        var start = 0
        var hasher = Hasher()
        for index in 0...text.count {
            if index == text.count || text.scalars[index] == "\n" {
                result.append((start, hasher.finalize()))
                hasher = Hasher()
                start = index + 1
            } else {
                hasher.combine(text.scalars[index].value)
            }
        }
        return result
    }
}
