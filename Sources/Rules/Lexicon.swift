/// A named word list (`lexicons/NAME.txt`) compiled into a trie over token ids, so `@name`
/// finds every entry starting at a token in one walk and tries the longest first.
struct Lexicon: Sendable {
    var name: String
    var file: String
    /// Trie node `k`: children as parallel sorted arrays of (token id, child node).
    private(set) var childIDs: [[Int32]] = [[]]
    private(set) var childNodes: [[Int32]] = [[]]
    private(set) var terminal: [Bool] = [false]
    /// Per node: an entry of any case ends there; and the `=` entries that end there, each
    /// as its tokens' bytes joined by single spaces (`=US` is "US", never "us").
    private(set) var anyCase: [Bool] = [false]
    private(set) var exactForms: [[[UInt8]]] = [[]]
    /// Ids of the entries' first tokens: the rule index's triggers for `@name` (set by
    /// `sealFirstIDs` once the entries are added); as bits too.
    private(set) var firstIDs: [Int32] = []
    private(set) var firstIDBits = IDBitmap()
    private(set) var entryCount = 0
    /// Fewest and most tokens of an entry, for the matcher's start anchors.
    private(set) var shortestEntry = 0
    private(set) var longestEntry = 0
    var entryLengths: (Int, Int?) { (shortestEntry, longestEntry) }
    /// Every token id of every entry, in any position.
    private(set) var allIDBits = IDBitmap()
    /// One id per entry, its least common word (set by the loader once the lexicon is whole):
    /// every match of `@name` contains one of them.
    var anchorIDs: [Int32] = []

    init(name: String, file: String) {
        self.name = name
        self.file = file
    }

    /// Adds an entry; `exact`: its bytes, when it matches only in exactly this case.
    mutating func add(_ ids: [Int32], exact: [UInt8]? = nil) {
        guard !ids.isEmpty else { return }
        var node = 0
        for id in ids {
            // Searched in place: a copy of the list (`let kids = childIDs[node]`) kept alive
            // across the insert below would make the insert copy the whole list.
            let lo = Self.lowerBound(childIDs[node], id)
            if lo < childIDs[node].count, childIDs[node][lo] == id {
                node = Int(childNodes[node][lo])
            } else {
                let new = Int32(terminal.count)
                // Appended when last, as most are (a word new to the vocabulary has the
                // highest id yet): `insert` is a generic replaceSubrange, several times the cost.
                if lo == childIDs[node].count {
                    childIDs[node].append(id)
                    childNodes[node].append(new)
                } else {
                    childIDs[node].insert(id, at: lo)
                    childNodes[node].insert(new, at: lo)
                }
                childIDs.append([]); childNodes.append([]); terminal.append(false)
                anyCase.append(false); exactForms.append([])
                node = Int(new)
            }
        }
        if !terminal[node] { entryCount += 1 }
        shortestEntry = longestEntry == 0 ? ids.count : min(shortestEntry, ids.count)
        longestEntry = max(longestEntry, ids.count)
        terminal[node] = true
        if let exact { exactForms[node].append(exact) } else { anyCase[node] = true }
        for id in ids { allIDBits.add(id) }
        firstIDBits.add(ids[0])
    }

    /// Sets `firstIDs` from `firstIDBits`, once the last entry is added: the same ascending,
    /// duplicate-free ids, without a search and an insert into the sorted list per entry.
    mutating func sealFirstIDs() {
        firstIDs = firstIDBits.sorted
    }

    /// The first index of sorted `list` whose value is not below `id`.
    private static func lowerBound(_ list: [Int32], _ id: Int32) -> Int {
        var lo = 0, hi = list.count
        while lo < hi { let mid = (lo + hi) / 2; if list[mid] < id { lo = mid + 1 } else { hi = mid } }
        return lo
    }
}

/// Every lexicon's trie in flat raw buffers, frozen after loading and owned by this one
/// immutable object: the matcher's walk reads them with no bounds check, and retains
/// nothing per `@lexicon` step, as indexing an array of `Lexicon` values would.
final class LexiconTries: @unchecked Sendable {
    /// Root node of lexicon k.
    let roots: UnsafeMutableBufferPointer<Int32>
    /// Node n's children are edges edgeStart[n]..<edgeStart[n+1], sorted by token id.
    private let edgeStart: UnsafeMutableBufferPointer<Int32>
    private let edgeIDs: UnsafeMutableBufferPointer<Int32>
    private let edgeNodes: UnsafeMutableBufferPointer<Int32>
    private let terminal: UnsafeMutableBufferPointer<Bool>
    /// Per node: an entry of any case ends there (else only `=` entries, in `exactForms`).
    private let anyCase: UnsafeMutableBufferPointer<Bool>
    private let exactForms: [Int32: [[UInt8]]]
    /// Per lexicon, the first words of its entries as a bitmap of `rootWords` words (flat): a
    /// position whose token begins no entry, the usual case, is rejected with one probe.
    /// `rootRank[w]` counts the set bits before word w of the lexicon, so a first word's
    /// edge is found by its rank, not by a binary search over the root's many edges.
    private let rootBits: UnsafeMutableBufferPointer<UInt64>
    private let rootRank: UnsafeMutableBufferPointer<Int32>
    private let rootWords: Int
    /// Per token id (up to the largest first word): the lexicons among the first 64 with an
    /// entry beginning with it, a bit each (`beginsEntry`).
    private let firstMask: UnsafeMutableBufferPointer<UInt64>

    init(_ lexicons: [Lexicon]) {
        var roots: [Int32] = [], start: [Int32] = [0], ids: [Int32] = [], nodes: [Int32] = [], terminal: [Bool] = []
        var anyCase: [Bool] = [], exact: [Int32: [[UInt8]]] = [:]
        for l in lexicons {
            let base = Int32(terminal.count)
            roots.append(base)
            for n in l.terminal.indices {
                ids += l.childIDs[n]
                nodes += l.childNodes[n].map { $0 + base }
                start.append(Int32(ids.count))
                if !l.exactForms[n].isEmpty { exact[base + Int32(n)] = l.exactForms[n] }
            }
            terminal += l.terminal
            anyCase += l.anyCase
        }
        exactForms = exact
        var top: Int32 = -1
        for r in roots { for e in Int(start[Int(r)])..<Int(start[Int(r) + 1]) { top = max(top, ids[e]) } }
        let words = Int(top + 1 + 63) / 64
        var bits = Array(repeating: UInt64(0), count: words * roots.count)
        var rank = Array(repeating: Int32(0), count: words * roots.count)
        for (k, r) in roots.enumerated() {
            // Root edges with a negative id (none today) would break the rank: the bitmap
            // then says "no entry" for them, as the id of an unknown word never matches.
            for e in Int(start[Int(r)])..<Int(start[Int(r) + 1]) where ids[e] >= 0 {
                bits[k * words + Int(ids[e]) >> 6] |= 1 << UInt64(ids[e] & 63)
            }
            let negatives = Int32((Int(start[Int(r)])..<Int(start[Int(r) + 1])).filter { ids[$0] < 0 }.count)
            var below = negatives
            for w in 0..<words { rank[k * words + w] = below; below += Int32(bits[k * words + w].nonzeroBitCount) }
        }
        rootWords = words
        var mask = Array(repeating: UInt64(0), count: Int(top + 1))
        for k in 0..<min(roots.count, 64) {
            for e in Int(start[Int(roots[k])])..<Int(start[Int(roots[k]) + 1]) where ids[e] >= 0 { mask[Int(ids[e])] |= 1 << UInt64(k) }
        }
        func frozen<T>(_ a: [T]) -> UnsafeMutableBufferPointer<T> {
            let p = UnsafeMutableBufferPointer<T>.allocate(capacity: a.count)
            _ = p.initialize(from: a)
            return p
        }
        self.roots = frozen(roots); edgeStart = frozen(start); edgeIDs = frozen(ids); edgeNodes = frozen(nodes)
        self.terminal = frozen(terminal); self.anyCase = frozen(anyCase)
        rootBits = frozen(bits); rootRank = frozen(rank)
        firstMask = frozen(mask)
    }

    deinit {
        roots.deallocate(); edgeStart.deallocate(); edgeIDs.deallocate(); edgeNodes.deallocate()
        terminal.deallocate(); anyCase.deallocate(); rootBits.deallocate(); rootRank.deallocate()
        firstMask.deallocate()
    }

    /// Calls `found` with every token index just past an entry of lexicon `k` that starts at
    /// `start`, shortest first.
    @inline(__always)
    func ends(_ k: Int, in tokens: UnsafeBufferPointer<Token>, sentence: UnsafeBufferPointer<UInt8>,
              from start: Int, _ found: (Int) -> Void) {
        guard start < tokens.count, var node = rootChild(k, tokens[start].id) else { return }
        var pos = start + 1
        while true {
            if terminal[node], anyCase[node] || matchesExactly(node, tokens[start..<pos], sentence) { found(pos) }
            guard pos < tokens.count else { return }
            let id = tokens[pos].id
            guard id >= 0, let next = child(of: node, id) else { return }
            node = next
            pos += 1
        }
    }

    /// Whether a word with id `id` begins an entry of one of the lexicons in `mask` (bit k:
    /// lexicon k; only the first 64 have a bit): `rootChild(k, id) != nil` for them all at
    /// once, one load where a split guard naming several lexicons probed each.
    @inline(__always)
    func beginsEntry(_ mask: UInt64, _ id: Int32) -> Bool {
        id >= 0 && Int(id) < firstMask.count && firstMask[Int(id)] & mask != 0
    }

    /// The child of lexicon `k`'s root along token id `id`: one bitmap probe, then the edge
    /// at the id's rank among the root's ids.
    @inline(__always)
    func rootChild(_ k: Int, _ id: Int32) -> Int? {
        let word = Int(id) >> 6
        guard id >= 0, word < rootWords else { return nil }
        let bits = rootBits[k * rootWords + word], bit = UInt64(1) << UInt64(id & 63)
        guard bits & bit != 0 else { return nil }
        let edge = Int(edgeStart[Int(roots[k])]) + Int(rootRank[k * rootWords + word]) + (bits & (bit - 1)).nonzeroBitCount
        return Int(edgeNodes[edge])
    }

    /// The child of trie node `node` along token id `id` (edges are sorted by id), or nil.
    @inline(__always)
    func child(of node: Int, _ id: Int32) -> Int? {
        var lo = Int(edgeStart[node]), hi = Int(edgeStart[node + 1])
        let end = hi
        while lo < hi { let mid = (lo + hi) / 2; if edgeIDs[mid] < id { lo = mid + 1 } else { hi = mid } }
        return lo < end && edgeIDs[lo] == id ? Int(edgeNodes[lo]) : nil
    }

    /// The tokens' bytes, joined by single spaces, are one of the `=` entries ending at `node`.
    private func matchesExactly(_ node: Int, _ tokens: Slice<UnsafeBufferPointer<Token>>,
                                _ sentence: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let forms = exactForms[Int32(node)] else { return false }
        return forms.contains { form in
            var at = 0
            for (k, t) in tokens.enumerated() {
                if k > 0 { guard at < form.count, form[at] == 0x20 else { return false }; at += 1 }
                for b in Int(t.start)..<Int(t.end) {
                    guard at < form.count, form[at] == sentence[b] else { return false }
                    at += 1
                }
            }
            return at == form.count
        }
    }
}
