/// The trained model, read in place from its bytes (no parsing, no copying: loading is
/// taking a pointer). Little-endian, every section 8-byte aligned:
///
///     header   16 × UInt32: magic "CXTG", version, classes, feature slots, entries,
///              lexicon slots, lemma slots, known-lemma slots, prefix slots, pool bytes,
///              dense rows, WordNet slots
///     classes  per class: its XPOS index, its UPOS index (UInt8 each)
///     features open addressing on the feature key, one UInt64 per slot: the key's high
///              32 bits (| 1; 0 is empty), then 24 bits of first entry and 8 of count;
///              count 255: the 24 bits are a dense row
///     entries  UInt32: class (low byte), weight (Int16, high half)
///     dense    rows of `classStride` Int16 weights (classes rounded up to 16), for the
///              features with weights for many classes: added 16 at a time
///     lexicon  (key, value) UInt64 pairs: normalised form hash -> ambiguity hash (low 32),
///              tag-dictionary class + 1 (bits 32..47, 0: none), `Lexical.bits` (48..63)
///     lemmas   (key, value): hash of (lowercase form, XPOS) -> pool offset (low 32), length
///     known    (key, value): lowercase lemma hash -> its count in the treebank
///     prefixes UInt64 keys: lowercase first parts kept joined to a hyphen (anti-, non-)
///     wordnet  UInt32 per slot, open addressing on a normalised form's hash: its high 24
///              bits, then the `Lexical` entry (8 bits, never 0; 0 is empty)
///     pool     lemma bytes
public struct TaggerModel: @unchecked Sendable {
    public static let magic: UInt32 = 0x4754_5843  // "CXTG"
    public static let version: UInt32 = 3
    /// Weights are scaled so that the largest is this: a sum of `Features.count` fits an Int16.
    public static let maxWeight = 32767 / Features.count
    /// A feature with weights for this many classes or more gets a dense row.
    public static let denseFrom = 8
    static let headerWords = 16

    let base: UnsafeRawPointer
    public let classCount: Int
    /// Per class: XPOS and UPOS index, in the model's bytes. Pointers only, no arrays: the
    /// model is a plain value that the lemmatiser's closures copy without reference counting.
    let classTags: UnsafePointer<UInt8>
    let features: UnsafePointer<UInt64>
    let featureMask: Int
    let entries: UnsafePointer<UInt32>
    let dense: UnsafePointer<Int16>
    /// Classes rounded up to a multiple of 16.
    public let classStride: Int
    let lexicon: UnsafePointer<UInt64>
    let lexiconMask: Int
    let lemmas: UnsafePointer<UInt64>
    let lemmaMask: Int
    let known: UnsafePointer<UInt64>
    let knownMask: Int
    let prefixes: UnsafePointer<UInt64>
    let prefixMask: Int
    let pool: UnsafePointer<UInt8>
    let wordnet: UnsafePointer<UInt32>
    let wordnetMask: Int
    /// The longest lemma in the exception table, so a caller can size its buffer once.
    let longestException: Int

    public enum LoadError: Error, CustomStringConvertible {
        case malformed(String)
        public var description: String { if case .malformed(let s) = self { return "tagger model: \(s)" }; return "" }
    }

    /// Reads a model in place: `bytes` must stay valid (and 8-byte aligned) for the model's life.
    public init(bytes: UnsafeRawBufferPointer) throws(LoadError) {
        guard let b = bytes.baseAddress, bytes.count >= Self.headerWords * 4 else { throw .malformed("shorter than its header") }
        guard Int(bitPattern: b) % 8 == 0 else { throw .malformed("not 8-byte aligned") }
        let h = b.assumingMemoryBound(to: UInt32.self)
        guard h[0] == Self.magic, h[1] == Self.version else { throw .malformed("not a version \(Self.version) model") }
        let counts = (0..<Self.headerWords).map { Int(h[$0]) }
        let (classes, featureSlots, entryCount, lexSlots, lemmaSlots, knownSlots, prefixSlots, poolBytes) =
            (counts[2], counts[3], counts[4], counts[5], counts[6], counts[7], counts[8], counts[9])
        let denseRows = counts[10], wordnetSlots = counts[11]
        let stride = (classes + 15) & ~15
        for s in [featureSlots, lexSlots, lemmaSlots, knownSlots, prefixSlots, wordnetSlots] where s == 0 || s & (s - 1) != 0 {
            throw .malformed("a table size is not a power of two")
        }
        func pad(_ n: Int) -> Int { (n + 7) & ~7 }
        var at = Self.headerWords * 4
        let classAt = at; at += pad(classes * 2)
        let featAt = at; at += featureSlots * 8
        let entAt = at; at += pad(entryCount * 4)
        let denseAt = at; at += denseRows * stride * 2
        let lexAt = at; at += lexSlots * 16
        let lemAt = at; at += lemmaSlots * 16
        let knownAt = at; at += knownSlots * 16
        let preAt = at; at += prefixSlots * 8
        let wnAt = at; at += pad(wordnetSlots * 4)
        let poolAt = at; at += poolBytes
        guard at <= bytes.count else { throw .malformed("truncated (\(bytes.count) bytes, needs \(at))") }
        base = b
        classCount = classes
        let c = (b + classAt).assumingMemoryBound(to: UInt8.self)
        classTags = UnsafePointer(c)
        guard (0..<classes).allSatisfy({ Int(c[2 * $0]) < TagSet.xpos.count && Int(c[2 * $0 + 1]) < TagSet.upos.count }) else {
            throw .malformed("a class names an unknown tag")
        }
        features = (b + featAt).assumingMemoryBound(to: UInt64.self); featureMask = featureSlots - 1
        entries = (b + entAt).assumingMemoryBound(to: UInt32.self)
        dense = (b + denseAt).assumingMemoryBound(to: Int16.self)
        classStride = stride
        lexicon = (b + lexAt).assumingMemoryBound(to: UInt64.self); lexiconMask = lexSlots - 1
        lemmas = (b + lemAt).assumingMemoryBound(to: UInt64.self); lemmaMask = lemmaSlots - 1
        known = (b + knownAt).assumingMemoryBound(to: UInt64.self); knownMask = knownSlots - 1
        prefixes = (b + preAt).assumingMemoryBound(to: UInt64.self); prefixMask = prefixSlots - 1
        pool = (b + poolAt).assumingMemoryBound(to: UInt8.self)
        wordnet = (b + wnAt).assumingMemoryBound(to: UInt32.self); wordnetMask = wordnetSlots - 1
        var longest = 0
        for k in 0..<lemmaSlots where lemmas[2 * k] != 0 { longest = max(longest, Int(lemmas[2 * k + 1] >> 32)) }
        longestException = longest
    }

    /// Class `c`'s Penn tag and UPOS tag indices.
    @inline(__always) func classXPOS(_ c: Int) -> UInt8 { classTags[2 * c] }
    @inline(__always) func classUPOS(_ c: Int) -> UInt8 { classTags[2 * c + 1] }

    /// The entries of feature `key`: (first, count), count 0 when absent.
    @inline(__always)
    func feature(_ key: UInt64) -> (Int, Int) {
        let fp = UInt32(truncatingIfNeeded: key >> 32) | 1
        var i = Int(truncatingIfNeeded: key) & featureMask
        while true {
            let s = features[i]
            let f = UInt32(truncatingIfNeeded: s)
            if f == fp { let v = Int(s >> 32); return (v & 0xFF_FFFF, v >> 24) }
            if f == 0 { return (0, 0) }
            i = (i &+ 1) & featureMask
        }
    }

    /// The value stored under `key` in a (key, value) table, or nil.
    @inline(__always)
    static func lookup(_ table: UnsafePointer<UInt64>, _ mask: Int, _ key: UInt64) -> UInt64? {
        let k = key == 0 ? 1 : key
        var i = Int(truncatingIfNeeded: k) & mask
        while true {
            let s = table[2 * i]
            if s == k { return table[2 * i + 1] }
            if s == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    @inline(__always)
    func lexiconEntry(_ form: UInt64) -> UInt64? { Self.lookup(lexicon, lexiconMask, form) }

    @inline(__always)
    func knownCount(_ lemma: UInt64) -> UInt64 { Self.lookup(known, knownMask, lemma) ?? 0 }

    /// How well a candidate lemma is known, for `Lemmatizer.rule`: twice its count in the
    /// treebank, plus one if WordNet has it (so WordNet decides only among stems the treebank
    /// knows equally well or not at all: defenestrated -> defenestrate).
    @inline(__always)
    func lemmaScore(_ lemma: UInt64) -> UInt64 { 2 * knownCount(lemma) + (wordnetEntry(lemma) != 0 ? 1 : 0) }

    @inline(__always)
    func lemmaException(_ key: UInt64) -> UnsafeBufferPointer<UInt8>? {
        guard let v = Self.lookup(lemmas, lemmaMask, key) else { return nil }
        return UnsafeBufferPointer(start: pool + Int(v & 0xFFFF_FFFF), count: Int(v >> 32))
    }

    @inline(__always)
    func isPrefix(_ key: UInt64) -> Bool {
        let k = key == 0 ? 1 : key
        var i = Int(truncatingIfNeeded: k) & prefixMask
        while true {
            let s = prefixes[i]
            if s == k { return true }
            if s == 0 { return false }
            i = (i + 1) & prefixMask
        }
    }

    /// The `Lexical` entry of a normalised form's hash, 0 when WordNet lacks it.
    @inline(__always)
    func wordnetEntry(_ key: UInt64) -> UInt8 {
        let fp = UInt32(truncatingIfNeeded: key >> 40)
        var i = Int(truncatingIfNeeded: key) & wordnetMask
        while true {
            let s = wordnet[i]
            if s == 0 { return 0 }
            if s >> 8 == fp { return UInt8(truncatingIfNeeded: s) }
            i = (i + 1) & wordnetMask
        }
    }

    /// Key of the lemma table: a lowercase form's hash and an XPOS.
    @inline(__always)
    public static func lemmaKey(_ form: UInt64, _ xpos: Int) -> UInt64 { FeatureHash.pair(form, UInt64(xpos + 1)) }
}

/// Writes a model in `TaggerModel`'s format. Every table is filled in ascending key order,
/// so the same contents give the same bytes.
public struct TaggerModelWriter {
    public var classes: [(xpos: UInt8, upos: UInt8)] = []
    /// Feature key -> (class, weight) entries, classes ascending.
    public var features: [UInt64: [(UInt8, Int16)]] = [:]
    public var lexicon: [UInt64: (ambiguity: UInt32, dictClass: Int, lexical: UInt16)] = [:]
    public var lemmas: [UInt64: [UInt8]] = [:]
    public var known: [UInt64: UInt64] = [:]
    public var prefixes: Set<UInt64> = []
    /// Normalised form hash -> `Lexical` entry (nonzero).
    public var wordnet: [UInt64: UInt8] = [:]

    public init() {}

    static func slots(_ n: Int) -> Int {
        var s = 8
        while s < n * 2 { s *= 2 }  // load factor at most 1/2
        return s
    }

    public func bytes() -> [UInt8] {
        var out: [UInt8] = []
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
        func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
        func pad() { while out.count % 8 != 0 { out.append(0) } }

        let featureKeys = features.keys.sorted()
        let fSlots = Self.slots(featureKeys.count)
        var fTable = [UInt64](repeating: 0, count: fSlots)
        var entries: [UInt32] = [], dense: [Int16] = []
        let stride = (classes.count + 15) & ~15
        for key in featureKeys {
            let list = features[key]!
            let fp = UInt64(UInt32(truncatingIfNeeded: key >> 32) | 1)
            precondition(entries.count < 1 << 24 && list.count < 255)
            let v: UInt64
            if list.count >= TaggerModel.denseFrom {
                v = UInt64(dense.count / stride) | 255 << 24
                var row = [Int16](repeating: 0, count: stride)
                for (c, w) in list { row[Int(c)] = w }
                dense += row
            } else {
                v = UInt64(entries.count) | UInt64(list.count) << 24
                for (c, w) in list { entries.append(UInt32(c) | UInt32(UInt16(bitPattern: w)) << 16) }
            }
            var i = Int(truncatingIfNeeded: key) & (fSlots - 1)
            while fTable[i] != 0 {
                precondition(UInt32(truncatingIfNeeded: fTable[i]) != UInt32(fp), "two features share a fingerprint")
                i = (i + 1) & (fSlots - 1)
            }
            fTable[i] = fp | v << 32
        }
        func pairs(_ items: [(UInt64, UInt64)]) -> [UInt64] {
            let s = Self.slots(items.count)
            var t = [UInt64](repeating: 0, count: 2 * s)
            for (key, value) in items.sorted(by: { $0.0 < $1.0 }) {
                let k = key == 0 ? 1 : key
                var i = Int(truncatingIfNeeded: k) & (s - 1)
                while t[2 * i] != 0 { precondition(t[2 * i] != k, "duplicate key"); i = (i + 1) & (s - 1) }
                t[2 * i] = k; t[2 * i + 1] = value
            }
            return t
        }
        let lex = pairs(lexicon.map { ($0.key, UInt64($0.value.ambiguity) | UInt64($0.value.dictClass + 1) << 32 | UInt64($0.value.lexical) << 48) })
        var pool: [UInt8] = []
        var lemmaItems: [(UInt64, UInt64)] = []
        for key in lemmas.keys.sorted() {
            let l = lemmas[key]!
            lemmaItems.append((key, UInt64(pool.count) | UInt64(l.count) << 32))
            pool += l
        }
        let lem = pairs(lemmaItems)
        let kn = pairs(known.map { ($0.key, $0.value) })
        let pSlots = Self.slots(prefixes.count)
        var pre = [UInt64](repeating: 0, count: pSlots)
        for key in prefixes.sorted() {
            let k = key == 0 ? 1 : key
            var i = Int(truncatingIfNeeded: k) & (pSlots - 1)
            while pre[i] != 0 { i = (i + 1) & (pSlots - 1) }
            pre[i] = k
        }

        // WordNet: a form whose fingerprint another form in its probe run already has is left
        // out (the first in key order stays), so a look-up never finds the wrong entry.
        let wSlots = Self.slots(wordnet.count)
        var wn = [UInt32](repeating: 0, count: wSlots)
        for key in wordnet.keys.sorted() {
            let fp = UInt32(truncatingIfNeeded: key >> 40)
            var i = Int(truncatingIfNeeded: key) & (wSlots - 1), clash = false
            while wn[i] != 0 { if wn[i] >> 8 == fp { clash = true; break }; i = (i + 1) & (wSlots - 1) }
            if !clash { wn[i] = fp << 8 | UInt32(wordnet[key]!) }
        }

        let header: [Int] = [Int(TaggerModel.magic), Int(TaggerModel.version), classes.count, fSlots, entries.count,
                             lex.count / 2, lem.count / 2, kn.count / 2, pSlots, pool.count, dense.count / max(stride, 1), wSlots]
        for v in header { u32(UInt32(v)) }
        for _ in header.count..<TaggerModel.headerWords { u32(0) }
        for c in classes { out.append(c.xpos); out.append(c.upos) }
        pad()
        for v in fTable { u64(v) }
        for e in entries { u32(e) }
        pad()
        for d in dense { withUnsafeBytes(of: d.littleEndian) { out += $0 } }
        for v in lex { u64(v) }
        for v in lem { u64(v) }
        for v in kn { u64(v) }
        for v in pre { u64(v) }
        for v in wn { u32(v) }
        pad()
        out += pool
        pad()
        return out
    }
}
