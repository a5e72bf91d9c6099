/// A named word list (`lexicons/NAME.txt`) compiled into a trie over token ids, so `@name`
/// finds every entry starting at a token in one walk and tries the longest first.
struct Lexicon: Sendable {
    var name: String
    var file: String
    /// Trie node `k`: children as parallel sorted arrays of (token id, child node).
    private var childIDs: [[Int32]] = [[]]
    private var childNodes: [[Int32]] = [[]]
    private var terminal: [Bool] = [false]
    /// Ids of the entries' first tokens: the rule index's triggers for `@name`.
    private(set) var firstIDs: [Int32] = []
    private(set) var entryCount = 0

    init(name: String, file: String) {
        self.name = name
        self.file = file
    }

    mutating func add(_ ids: [Int32]) {
        guard !ids.isEmpty else { return }
        var node = 0
        for id in ids {
            let kids = childIDs[node]
            var lo = 0, hi = kids.count
            while lo < hi { let mid = (lo + hi) / 2; if kids[mid] < id { lo = mid + 1 } else { hi = mid } }
            if lo < kids.count, kids[lo] == id {
                node = Int(childNodes[node][lo])
            } else {
                let new = Int32(terminal.count)
                childIDs[node].insert(id, at: lo)
                childNodes[node].insert(new, at: lo)
                childIDs.append([]); childNodes.append([]); terminal.append(false)
                node = Int(new)
            }
        }
        if !terminal[node] { entryCount += 1 }
        terminal[node] = true
        if !firstIDs.contains(ids[0]) { firstIDs.append(ids[0]); firstIDs.sort() }
    }

    /// Appends to `ends` every token index just past an entry that starts at `start`, shortest first.
    func ends(in tokens: UnsafeBufferPointer<Token>, from start: Int, into ends: inout [Int]) {
        var node = 0, pos = start
        while pos < tokens.count {
            let id = tokens[pos].id
            guard id >= 0 else { return }
            let kids = childIDs[node]
            var lo = 0, hi = kids.count
            while lo < hi { let mid = (lo + hi) / 2; if kids[mid] < id { lo = mid + 1 } else { hi = mid } }
            guard lo < kids.count, kids[lo] == id else { return }
            node = Int(childNodes[node][lo])
            pos += 1
            if terminal[node] { ends.append(pos) }
        }
    }
}
