/// Maps byte offsets of the normalised text back to byte offsets of the source.
///
/// Stored as sorted anchors: from an anchor on, text and source advance together until the
/// next anchor. Ingest adds an anchor wherever it drops, inserts or reorders bytes, so the
/// map stays small (a few anchors a line) and lookups are a binary search.
public struct SourceMap: Sendable, Equatable {
    public struct Anchor: Sendable, Equatable {
        public var text: Int
        public var source: Int
        public init(text: Int, source: Int) { self.text = text; self.source = source }
    }

    public private(set) var anchors: [Anchor] = []
    /// The text/source offsets the current run expects next, kept apart from `anchors`
    /// so the per-byte check touches no array.
    private var nextText = -1
    private var nextSource = -1

    public init() {}

    /// Declares that text byte `text` was copied from source byte `source`.
    /// Cheap when the pair continues the current run: no anchor is stored.
    @inline(__always)
    public mutating func record(text: Int, source: Int) {
        if text == nextText && source == nextSource {
            nextText += 1
            nextSource += 1
            return
        }
        appendAnchor(text: text, source: source)
    }

    /// The `n` bytes after the last recorded one were copied from the `n` source bytes after
    /// its source byte.
    mutating func extendRun(by n: Int) {
        nextText += n
        nextSource += n
    }

    mutating func appendAnchor(text: Int, source: Int) {
        if let last = anchors.last, last.source + (text - last.text) == source, text >= last.text {
            // the run continues across a gap of bytes with no source (none were recorded)
        } else if let last = anchors.last, last.text == text {
            anchors[anchors.count - 1].source = source
        } else {
            anchors.append(Anchor(text: text, source: source))
        }
        nextText = text + 1
        nextSource = source + 1
    }

    public static func == (a: SourceMap, b: SourceMap) -> Bool { a.anchors == b.anchors }

    /// Source offset of the byte at text offset `text`.
    public func source(forText text: Int) -> Int {
        var lo = 0, hi = anchors.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if anchors[mid].text <= text { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return text }
        let a = anchors[lo - 1]
        return a.source + (text - a.text)
    }

    /// Source byte range covering the text range: from its first byte to just past its last.
    public func sourceRange(forText range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let s = source(forText: range.lowerBound)
            return s..<s
        }
        let start = source(forText: range.lowerBound)
        let end = source(forText: range.upperBound - 1) + 1
        return start..<max(start, end)
    }
}
