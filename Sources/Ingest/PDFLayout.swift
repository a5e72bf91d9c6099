/// Where the text of a PDF document stands on its pages: for each word of `Document.text`,
/// its page and box. Records ask it for the page and the boxes of a sentence.
public struct PDFLayout: Sendable, Equatable {
    /// A rectangle on a page in PDF points, in PDF user space: origin at the lower-left
    /// corner of the page, x to the right, y up (x0 < x1, y0 < y1).
    public struct Box: Sendable, Equatable {
        public var page: Int
        public var x0: Double, y0: Double, x1: Double, y1: Double
        public init(page: Int, x0: Double, y0: Double, x1: Double, y1: Double) {
            self.page = page; self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1
        }
    }

    /// One word (or word part) as placed in the text: sorted by `start`, not overlapping.
    struct Word: Sendable, Equatable {
        var start: Int, end: Int
        var box: Box
        /// 1-based line on its page in reading order.
        var line: Int
        /// Words of one column of one page share a region: a sentence gets a box per region.
        var region: Int
    }

    var words: [Word] = []
    public private(set) var pageCount = 0

    mutating func add(_ w: Word) { words.append(w) }
    mutating func setPageCount(_ n: Int) { pageCount = n }

    /// Index of the first word ending after `offset`.
    private func first(after offset: Int) -> Int {
        var lo = 0, hi = words.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if words[mid].end <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Page and line (1-based) of the first word in `range`, nil when it has none.
    public func start(of range: Range<Int>) -> (page: Int, line: Int)? {
        let i = first(after: range.lowerBound)
        guard i < words.count, words[i].start < range.upperBound else { return nil }
        return (words[i].box.page, words[i].line)
    }

    /// The boxes of the words in `range`: one box per column of each page the range crosses,
    /// in reading order.
    public func boxes(for range: Range<Int>) -> [Box] {
        var out: [Box] = []
        var region = -1
        var i = first(after: range.lowerBound)
        while i < words.count, words[i].start < range.upperBound {
            let w = words[i]
            if w.region == region, var b = out.popLast() {
                b.x0 = min(b.x0, w.box.x0); b.y0 = min(b.y0, w.box.y0)
                b.x1 = max(b.x1, w.box.x1); b.y1 = max(b.y1, w.box.y1)
                out.append(b)
            } else {
                out.append(w.box)
                region = w.region
            }
            i += 1
        }
        return out
    }
}
