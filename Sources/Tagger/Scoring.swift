/// The perceptron's inner loop: a word's feature weights summed into a score per class, and
/// the best class. Most of tagging's time is here (a scored word reads 19 to 33 feature
/// rows), so it works on vectors of 16 scores and keeps what it can in registers.
/// Sums cannot overflow (`maxWeight`); adds wrap anyway, so the order of the additions never
/// matters, and every path gives the same sums.
extension TaggerModel {
    typealias Lanes = SIMD16<Int16>

    /// Zeroes a score row (`classStride` Int16s).
    @inline(__always)
    func clear(_ scores: UnsafeMutablePointer<Int16>) {
        let vec = UnsafeMutableRawPointer(scores)
        for c in 0..<classStride / 16 { vec.storeBytes(of: Lanes(), toByteOffset: 32 * c, as: Lanes.self) }
    }

    /// Copies a score row (`classStride` Int16s), 16 at a time.
    @inline(__always)
    func copy(_ from: UnsafePointer<Int16>, to scores: UnsafeMutablePointer<Int16>) {
        let src = UnsafeRawPointer(from), vec = UnsafeMutableRawPointer(scores)
        for c in 0..<classStride / 16 {
            vec.storeBytes(of: src.loadUnaligned(fromByteOffset: 32 * c, as: Lanes.self), toByteOffset: 32 * c, as: Lanes.self)
        }
    }

    /// Adds the weights of the feature keys to `scores`.
    @inline(__always)
    func add(_ keys: UnsafePointer<UInt64>, _ count: Int, _ scores: UnsafeMutablePointer<Int16>) {
        if classStride == 80 { add80(keys, count, scores) } else { addRows(keys, count, scores) }
    }

    /// `add` for any row width: each dense row is added to the scores in memory.
    @inline(__always)
    func addRows(_ keys: UnsafePointer<UInt64>, _ count: Int, _ scores: UnsafeMutablePointer<Int16>) {
        let chunks = classStride / 16
        let vec = UnsafeMutableRawPointer(scores)
        for k in 0..<count {
            let (first, n) = feature(keys[k])
            if n == 255 {
                let row = UnsafeRawPointer(dense + first * classStride)
                for c in 0..<chunks {
                    let a = vec.loadUnaligned(fromByteOffset: 32 * c, as: Lanes.self)
                    let b = row.loadUnaligned(fromByteOffset: 32 * c, as: Lanes.self)
                    vec.storeBytes(of: a &+ b, toByteOffset: 32 * c, as: Lanes.self)
                }
            } else {
                addEntries(first, n, scores)
            }
        }
    }

    /// `add` for rows of 80 scores (65 to 80 classes: the committed model has 67): the dense
    /// rows are summed in five vector registers and added to the scores once, where adding
    /// each row to memory loaded and stored all 80 scores per row (a scored word has about
    /// ten dense rows). `ScoringTests` checks it against `addRows`.
    @inline(__always)
    func add80(_ keys: UnsafePointer<UInt64>, _ count: Int, _ scores: UnsafeMutablePointer<Int16>) {
        var a0 = Lanes(), a1 = Lanes(), a2 = Lanes(), a3 = Lanes(), a4 = Lanes()
        for k in 0..<count {
            let (first, n) = feature(keys[k])
            if n == 255 {
                let row = UnsafeRawPointer(dense + first &* 80)
                a0 &+= row.loadUnaligned(fromByteOffset: 0, as: Lanes.self)
                a1 &+= row.loadUnaligned(fromByteOffset: 32, as: Lanes.self)
                a2 &+= row.loadUnaligned(fromByteOffset: 64, as: Lanes.self)
                a3 &+= row.loadUnaligned(fromByteOffset: 96, as: Lanes.self)
                a4 &+= row.loadUnaligned(fromByteOffset: 128, as: Lanes.self)
            } else {
                addEntries(first, n, scores)
            }
        }
        let vec = UnsafeMutableRawPointer(scores)
        vec.storeBytes(of: vec.loadUnaligned(fromByteOffset: 0, as: Lanes.self) &+ a0, toByteOffset: 0, as: Lanes.self)
        vec.storeBytes(of: vec.loadUnaligned(fromByteOffset: 32, as: Lanes.self) &+ a1, toByteOffset: 32, as: Lanes.self)
        vec.storeBytes(of: vec.loadUnaligned(fromByteOffset: 64, as: Lanes.self) &+ a2, toByteOffset: 64, as: Lanes.self)
        vec.storeBytes(of: vec.loadUnaligned(fromByteOffset: 96, as: Lanes.self) &+ a3, toByteOffset: 96, as: Lanes.self)
        vec.storeBytes(of: vec.loadUnaligned(fromByteOffset: 128, as: Lanes.self) &+ a4, toByteOffset: 128, as: Lanes.self)
    }

    /// Adds a sparse feature's `n` (class, weight) entries from `first`.
    @inline(__always)
    func addEntries(_ first: Int, _ n: Int, _ scores: UnsafeMutablePointer<Int16>) {
        var e = first
        let end = first &+ n
        while e < end {
            let v = entries[e]
            scores[Int(v & 0xFF)] &+= Int16(truncatingIfNeeded: v >> 16)
            e &+= 1
        }
    }

    /// The best-scoring class (the lowest on a tie).
    @inline(__always)
    func argmax(_ scores: UnsafePointer<Int16>) -> Int {
        let vec = UnsafeRawPointer(scores)
        if classStride == 80 {
            return argmax80(vec.loadUnaligned(fromByteOffset: 0, as: Lanes.self), vec.loadUnaligned(fromByteOffset: 32, as: Lanes.self),
                            vec.loadUnaligned(fromByteOffset: 64, as: Lanes.self), vec.loadUnaligned(fromByteOffset: 96, as: Lanes.self),
                            vec.loadUnaligned(fromByteOffset: 128, as: Lanes.self))
        }
        return argmaxScalar(scores)
    }

    /// `argmax` of 80 scores in five vectors: the top score (the padding lanes past
    /// `classCount` left out), then the lowest lane holding it, with no branch on the scores.
    @inline(__always)
    func argmax80(_ v0: Lanes, _ v1: Lanes, _ v2: Lanes, _ v3: Lanes, _ v4: Lanes) -> Int {
        let lane = Lanes(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
        let tail = v4.replacing(with: .min, where: lane .>= Lanes(repeating: Int16(truncatingIfNeeded: classCount - 64)))
        let m = Self.vmax(Self.vmax(Self.vmax(v0, v1), Self.vmax(v2, v3)), tail)
        let top = Lanes(repeating: m.max())
        let none = Lanes(repeating: .max)
        let at = Self.vmin(Self.vmin(Self.vmin(lane.replacing(with: none, where: v0 .!= top),
                                                        (lane &+ Lanes(repeating: 16)).replacing(with: none, where: v1 .!= top)),
                                           Self.vmin((lane &+ Lanes(repeating: 32)).replacing(with: none, where: v2 .!= top),
                                                        (lane &+ Lanes(repeating: 48)).replacing(with: none, where: v3 .!= top))),
                              (lane &+ Lanes(repeating: 64)).replacing(with: none, where: tail .!= top))
        return Int(at.min())
    }

    /// Lane by lane maximum and minimum: the standard library's `pointwiseMax` and
    /// `pointwiseMin`, which the compiler left as calls, inlined.
    @inline(__always)
    static func vmax(_ a: Lanes, _ b: Lanes) -> Lanes {
        var r = Lanes()
        for i in 0..<16 { r[i] = max(a[i], b[i]) }
        return r
    }

    @inline(__always)
    static func vmin(_ a: Lanes, _ b: Lanes) -> Lanes {
        var r = Lanes()
        for i in 0..<16 { r[i] = min(a[i], b[i]) }
        return r
    }

    /// `argmax` one class at a time, as it was: `ScoringTests` checks the two agree.
    func argmaxScalar(_ scores: UnsafePointer<Int16>) -> Int {
        var best = 0, top = scores[0]
        for c in 1..<classCount where scores[c] > top { best = c; top = scores[c] }
        return best
    }
}
