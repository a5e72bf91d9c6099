import Tagger

/// One word of a CoNLL-U sentence (multiword-token ranges and empty nodes are skipped: the
/// tagger is trained on the syntactic words).
struct TreebankWord {
    var form: [UInt8]
    var lemma: [UInt8]
    var upos: Int
    var xpos: Int
    /// `SpaceAfter=No` in MISC.
    var joined: Bool
}

enum Treebank {
    static func parse(_ data: [UInt8]) -> [[TreebankWord]] {
        var sentences: [[TreebankWord]] = [], current: [TreebankWord] = []
        var lineStart = 0
        func line(_ l: ArraySlice<UInt8>) {
            if l.isEmpty {
                if !current.isEmpty { sentences.append(current); current = [] }
                return
            }
            if l.first == UInt8(ascii: "#") { return }
            let cols = l.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard cols.count >= 10 else { return }
            if cols[0].contains(UInt8(ascii: "-")) || cols[0].contains(UInt8(ascii: ".")) { return }
            let upos = TagSet.uposIndex(String(decoding: cols[3], as: UTF8.self))
            let xpos = TagSet.xposIndex(String(decoding: cols[4], as: UTF8.self))
            guard let upos, let xpos else { return }
            let misc = String(decoding: cols[9], as: UTF8.self)
            current.append(TreebankWord(form: Array(cols[1]), lemma: Array(cols[2]), upos: upos, xpos: xpos,
                                        joined: misc.split(separator: "|").contains("SpaceAfter=No")))
        }
        for (k, c) in data.enumerated() where c == 0x0A {
            var end = k
            if end > lineStart && data[end - 1] == 0x0D { end -= 1 }
            line(data[lineStart..<end])
            lineStart = k + 1
        }
        if lineStart < data.count { line(data[lineStart...]) }
        if !current.isEmpty { sentences.append(current) }
        return sentences
    }
}
