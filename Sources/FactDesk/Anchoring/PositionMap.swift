/// Maps offsets of an old text revision to where the same place most likely is in a new one,
/// from a line diff (`CollectionDifference`, Myers) of lines compared as editors read them
/// (quote, dash and space style ignored): text on an unchanged line keeps its column; a line
/// that was removed in one place and inserted, the same, in another (a moved paragraph) takes
/// its column on the new line; text on an edited line is placed relative to the nearest
/// unchanged line before it.
struct PositionMap {
    private let oldLineStarts: [Int]
    private let newLineStarts: [Int]
    /// For each old line, the new line it was kept as (in order), if it was kept.
    private let kept: [Int?]
    /// For each old line, the new line it moved to, if it was removed here and inserted unchanged elsewhere.
    private let moved: [Int?]
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
        moved = Self.moves(removed: removed, inserted: inserted, oldLines: oldLines, newLines: newLines)
    }

    /// Removed lines that were inserted elsewhere unchanged: pairs whose content is unique
    /// among the removed and among the inserted lines (blank lines never count).
    private static func moves(removed: Set<Int>, inserted: Set<Int>,
                              oldLines: [Line], newLines: [Line]) -> [Int?] {
        var removedByHash: [Int: [Int]] = [:], insertedByHash: [Int: [Int]] = [:]
        for line in removed where !oldLines[line].blank { removedByHash[oldLines[line].hash, default: []].append(line) }
        for line in inserted where !newLines[line].blank { insertedByHash[newLines[line].hash, default: []].append(line) }
        var moved = [Int?](repeating: nil, count: oldLines.count)
        for (hash, oldLine) in removedByHash where oldLine.count == 1 {
            if let newLine = insertedByHash[hash], newLine.count == 1 { moved[oldLine[0]] = newLine[0] }
        }
        return moved
    }

    /// Where old offset `offset` is in the new text when its line survived whole, kept in place
    /// or moved elsewhere; nil when the line was edited or removed.
    func intact(_ offset: Int) -> Int? {
        guard !oldLineStarts.isEmpty else { return nil }
        let line = oldLine(holding: offset)
        guard let newLine = kept[line] ?? moved[line] else { return nil }
        return newLineStarts[newLine] + offset - oldLineStarts[line]
    }

    /// Where old offset `offset` most likely is in the new text.
    func map(_ offset: Int) -> Int {
        guard !oldLineStarts.isEmpty else { return 0 }
        let line = oldLine(holding: offset)
        if let newLine = moved[line] {
            return min(max(0, newLineStarts[newLine] + offset - oldLineStarts[line]), newCount)
        }
        var anchorLine = line
        while anchorLine >= 0 && kept[anchorLine] == nil { anchorLine -= 1 }
        guard anchorLine >= 0, let newLine = kept[anchorLine] else {
            return min(max(0, offset), newCount)
        }
        return min(max(0, newLineStarts[newLine] + offset - oldLineStarts[anchorLine]), newCount)
    }

    private func oldLine(holding offset: Int) -> Int {
        var line = 0, high = oldLineStarts.count
        while line + 1 < high {
            let middle = (line + high) / 2
            if oldLineStarts[middle] <= offset { line = middle } else { high = middle }
        }
        return line
    }

    /// A line: where it starts, a hash of its words as folded text compares them (a collision only
    /// blurs the position hint), and whether it holds nothing but white space.
    private struct Line {
        let start: Int
        let hash: Int
        let blank: Bool
    }

    private static func lines(of text: ArticleText) -> [Line] {
        var result: [Line] = []
        var start = 0
        var hasher = Hasher()
        var blank = true, afterDash = false
        for index in 0...text.count {
            if index == text.count || text.scalars[index] == "\n" {
                result.append(Line(start: start, hash: hasher.finalize(), blank: blank))
                hasher = Hasher()
                start = index + 1
                blank = true
                afterDash = false
                continue
            }
            let scalar = text.scalars[index]
            if FoldedText.isWhitespace(scalar) { continue }
            blank = false
            if FoldedText.isDash(scalar) {
                if !afterDash { hasher.combine(0x2D as UInt32) }
                afterDash = true
            } else {
                hasher.combine(FoldedText.fold(scalar).value)
                afterDash = false
            }
        }
        return result
    }
}
