/// The cache-tree extension (TREE): the tree id git remembers for each folder of the index, so
/// that `git write-tree` and `git commit` rebuild only the folders whose entries changed. Each
/// node is its name, NUL, its entry count (-1: invalid), a space, its subtree count, a newline,
/// its tree id when valid, then its subtrees. Changing a path must invalidate every folder on it.
struct CacheTreeExtension {
    private struct Node {
        let name: Range<Int>
        var entryCount: Int
        /// As read; `keptSubtrees` drops those removed by `invalidate`.
        let subtrees: Int
        var keptSubtrees: Int
        /// Where the tree id is in `data`, when there is one.
        let id: Int?
        /// This node and all below it: the nodes to skip to reach its next sibling.
        var size = 1
        var isRemoved = false
    }

    private let data: UnsafeBufferPointer<UInt8>
    /// Every node, parents before their subtrees (the order of the data).
    private var nodes: [Node] = []

    init(parsing data: UnsafeBufferPointer<UInt8>) throws {
        self.data = data
        var cursor = 0
        var open: [(node: Int, remaining: Int)] = []
        while cursor < data.count {
            let nameEnd = try data.nul(from: cursor, before: data.count)
            var next = nameEnd + 1
            let entryCount = try number(at: &next, endingWith: " ")
            let subtrees = try number(at: &next, endingWith: "\n")
            guard entryCount >= -1, subtrees >= 0, entryCount < 0 || data.count - next >= 20 else {
                throw IndexFileError.corrupt("the index's cache tree is damaged")
            }
            nodes.append(Node(name: cursor..<nameEnd, entryCount: entryCount, subtrees: subtrees,
                              keptSubtrees: subtrees, id: entryCount >= 0 ? next : nil))
            cursor = next + (entryCount >= 0 ? 20 : 0)
            open.append((nodes.count - 1, subtrees))
            while let last = open.last, last.remaining == 0 {
                open.removeLast()
                nodes[last.node].size = nodes.count - last.node
                if !open.isEmpty { open[open.count - 1].remaining -= 1 }
            }
            if open.isEmpty { break }
        }
        guard open.isEmpty, cursor == data.count else { throw IndexFileError.corrupt("the index's cache tree is damaged") }
    }

    /// Marks the folders holding `path` invalid, and drops the subtree named `path` if any (a
    /// folder a file replaces), as git's `cache_tree_invalidate_path` does.
    mutating func invalidate(path: [UInt8]) {
        guard !nodes.isEmpty else { return }
        var node = 0
        var rest = path[...]
        while true {
            nodes[node].entryCount = -1
            let slash = rest.firstIndex(of: UInt8(ascii: "/"))
            guard let child = subtree(of: node, named: rest[..<(slash ?? rest.endIndex)]) else { return }
            guard let slash else {
                nodes[child].isRemoved = true
                nodes[node].keptSubtrees -= 1
                return
            }
            node = child
            rest = rest[(slash + 1)...]
        }
    }

    /// The extension's data, with invalid nodes written without a tree id and removed ones left out.
    func serialized() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(data.count)
        var index = 0
        while index < nodes.count {
            let node = nodes[index]
            guard !node.isRemoved else {
                index += node.size
                continue
            }
            output.append(contentsOf: data.slice(node.name))
            output.append(0)
            output.appendDecimal(node.entryCount)
            output.append(UInt8(ascii: " "))
            output.appendDecimal(node.keptSubtrees)
            output.append(UInt8(ascii: "\n"))
            if node.entryCount >= 0, let id = node.id { output.append(contentsOf: data.slice(id..<id + 20)) }
            index += 1
        }
        return output
    }

    private func subtree(of node: Int, named name: ArraySlice<UInt8>) -> Int? {
        var child = node + 1
        for _ in 0..<nodes[node].subtrees {
            if !nodes[child].isRemoved && data.slice(nodes[child].name).elementsEqual(name) { return child }
            child += nodes[child].size
        }
        return nil
    }

    /// The ASCII decimal number at `cursor`, up to `terminator`; moves `cursor` past the terminator.
    private func number(at cursor: inout Int, endingWith terminator: Unicode.Scalar) throws -> Int {
        let start = cursor
        while cursor < data.count && data[cursor] != UInt8(ascii: terminator) { cursor += 1 }
        guard cursor < data.count, cursor - start <= 10,
              let value = Int(String(decoding: data.slice(start..<cursor), as: UTF8.self))
        else { throw IndexFileError.corrupt("the index's cache tree is damaged") }
        cursor += 1
        return value
    }
}
