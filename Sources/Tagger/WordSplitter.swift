/// Maps claimex tokens to the words of the treebank's tokenisation, which the model was
/// trained on. It splits contractions (do|n't, I|'m, ca|n't, can|not, gon|na, do|nt) and
/// hyphenated compounds (long|-|term; but anti-war and e-mail stay whole: the treebank keeps
/// the words it has seen whole and those after a prefix it keeps, such as anti-, non-, pro-).
/// It joins what claimex splits but the treebank keeps as one word: runs of punctuation
/// (..., !!!, ---), emoticons, web and e-mail addresses, file and host names, dates, times
/// and phone numbers written with / : -, and abbreviations the treebank writes with their
/// period (Dr., Inc.). Every word is a byte range of the sentence, so offsets stay the text's.
public enum WordSplitter {
    /// Key of a lowercase first part kept joined to its hyphen (`anti` in anti-war), and of a
    /// lowercase word the treebank keeps whole (e-mail, dr.).
    public static func prefixKey(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 { FeatureHash.bytes(p, n, seed: 11) }
    public static func wholeKey(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 { FeatureHash.bytes(p, n, seed: 12) }

    static func split(_ s: UnsafeBufferPointer<UInt8>, _ work: inout TagWork, _ model: TaggerModel) {
        work.words.removeAll(keepingCapacity: true)
        work.heads.removeAll(keepingCapacity: true)
        work.firstWord.removeAll(keepingCapacity: true)
        _ = split(s, &work, model, from: 0, through: work.tokens.count - 1)
    }

    /// Splits the tokens from `start` (the first not split yet) until token `last` is split,
    /// or all are: `split`'s loop, which can stop after any token and resume there, since it
    /// carries nothing from one token to the next but where it is (it reads tokens ahead
    /// of it as context, all of them given). The next token to split.
    static func split(_ s: UnsafeBufferPointer<UInt8>, _ work: inout TagWork, _ model: TaggerModel, from start: Int, through last: Int) -> Int {
        let tokens = work.tokens
        guard let p = s.baseAddress else { return tokens.count }
        // Lowercase bytes of a hyphenated token, in the work's buffer (no array per sentence).
        if work.lower.count < 64 { work.lower = Array(repeating: 0, count: 64) }
        var t = start
        while t < tokens.count && t <= last {
            let a = Int(tokens[t].lowerBound), b = Int(tokens[t].upperBound)
            // Tokens joined into one word: each takes its tags. A token with a space after it
            // joins nothing (`join`'s first test, made here without the call: most tokens).
            let u = t + 1 < tokens.count && tokens[t].upperBound == tokens[t + 1].lowerBound ? join(p, tokens, t, model) : t + 1
            if u > t + 1 {
                let w = Int32(work.words.count)
                work.words.append(TaggedWord(start: Int32(a), end: tokens[u - 1].upperBound, token: Int32(t), upos: 0, xpos: 0, lemma: 0..<0))
                for _ in t..<u { work.heads.append(w); work.firstWord.append(w) }
                t = u
                continue
            }
            let first = Int32(work.words.count)
            var head = first
            func word(_ x: Int, _ y: Int, isHead: Bool = false) {
                if isHead { head = Int32(work.words.count) }
                work.words.append(TaggedWord(start: Int32(x), end: Int32(y), token: Int32(t), upos: 0, xpos: 0, lemma: 0..<0))
            }
            let n = b - a
            // (`cliticInContext` cuts tokens of three or four bytes only.)
            if let cut = clitic(p + a, n) ?? (n == 3 || n == 4 ? cliticInContext(p, tokens, t) : nil) {
                word(a, a + cut, isHead: true); word(a + cut, b)
            } else if n >= 3, let firstHyphen = (a + 1..<b - 1).first(where: { p[$0] == 0x2D }) {
                if work.lower.count < n { work.lower = Array(repeating: 0, count: n) }
                let keep = work.lower.withUnsafeMutableBufferPointer { l -> Bool in
                    let f = l.baseAddress!
                    for k in 0..<n { let c = p[a + k]; f[k] = c &- 0x41 < 26 ? c | 0x20 : c }
                    return model.isPrefix(prefixKey(f, firstHyphen - a)) || model.isPrefix(wholeKey(f, n))
                }
                if keep {
                    word(a, b, isHead: true)
                } else {
                    var x = a
                    for k in a..<b where p[k] == 0x2D {
                        if k > x { word(x, k) }
                        word(k, k + 1)
                        x = k + 1
                    }
                    if x < b { word(x, b, isHead: true) } else { head = Int32(work.words.count - 1) }
                }
            } else {
                word(a, b, isHead: true)
            }
            work.heads.append(head)
            work.firstWord.append(first)
            t += 1
        }
        return t
    }

    // MARK: - Joining tokens

    /// The end (exclusive) of the tokens from `t` that make one treebank word; `t + 1` alone.
    static func join(_ p: UnsafePointer<UInt8>, _ tokens: [Range<Int32>], _ t: Int, _ model: TaggerModel) -> Int {
        func adjacent(_ k: Int) -> Bool { k + 1 < tokens.count && tokens[k].upperBound == tokens[k + 1].lowerBound }
        func len(_ k: Int) -> Int { Int(tokens[k].upperBound - tokens[k].lowerBound) }
        func byte(_ k: Int) -> UInt8 { p[Int(tokens[k].lowerBound)] }
        func isDigits(_ k: Int) -> Bool { (0..<len(k)).allSatisfy { p[Int(tokens[k].lowerBound) + $0] &- 0x30 < 10 } }
        func isAlnum(_ k: Int) -> Bool {
            (0..<len(k)).allSatisfy { let c = p[Int(tokens[k].lowerBound) + $0]; return c &- 0x30 < 10 || (c | 0x20) &- 0x61 < 26 || c >= 0x80 || c == 0x2D || c == 0x5F }
        }
        /// The end of the run of tokens without spaces from `k`, trailing punctuation left out.
        func runEnd(_ k: Int) -> Int {
            var end = k + 1
            while end < tokens.count && tokens[end - 1].upperBound == tokens[end].lowerBound { end += 1 }
            while end > k + 1 && len(end - 1) == 1 && !isAlnumByte(byte(end - 1)) && byte(end - 1) != 0x2F { end -= 1 }
            return end
        }
        func isPluralS(_ k: Int) -> Bool {
            let a = Int(tokens[k].lowerBound), n = len(k)
            if n == 1 { return p[a] | 0x20 == 0x73 }
            if n == 2 { return p[a] == 0x27 && p[a + 1] | 0x20 == 0x73 }
            return n == 4 && p[a] == 0xE2 && p[a + 1] == 0x80 && p[a + 2] == 0x99 && p[a + 3] | 0x20 == 0x73
        }
        guard adjacent(t) else { return t + 1 }
        let c = byte(t)
        // Punctuation runs: . ! ? mixed (..., ?!, .?), or one repeated mark (---, ***, ===).
        if len(t) == 1 && c < 0x80 && !isAlnumByte(c) {
            var u = t + 1
            // . ! ? (compared, not a set: a set literal here was built on every call).
            func isEndMark(_ b: UInt8) -> Bool { b == 0x2E || b == 0x21 || b == 0x3F }
            if isEndMark(c) {
                while u < tokens.count && tokens[u - 1].upperBound == tokens[u].lowerBound && len(u) == 1 && isEndMark(byte(u)) { u += 1 }
            } else if c == 0x2D || c == 0x3D {
                // Rules of - and = mixed (----==, =---).
                while u < tokens.count && tokens[u - 1].upperBound == tokens[u].lowerBound && len(u) == 1 && (byte(u) == 0x2D || byte(u) == 0x3D) { u += 1 }
            } else if Self.repeatedMarks.contains(c) {
                while u < tokens.count && tokens[u - 1].upperBound == tokens[u].lowerBound && len(u) == 1 && byte(u) == c { u += 1 }
            }
            if u > t + 1 { return u }
            // Hashtags and handles are one word (#audiobooks, @paulhastings.com; but #|1).
            if (c == 0x23 || c == 0x40) && isAlnum(t + 1) && (byte(t + 1) | 0x20) &- 0x61 < 26 {
                var e = runEnd(t + 1)
                if c == 0x23 { e = t + 2 }
                return e
            }
            // Emoticons: :) :( :D ;) :-) =)
            if c == 0x3A || c == 0x3B || c == 0x3D {
                var k = t + 1
                if len(k) == 1 && byte(k) == 0x2D && adjacent(k) { k += 1 }
                let m = byte(k)
                if len(k) == 1 && (m == 0x29 || m == 0x28 || m == 0x44 || m == 0x50 || m == 0x70),
                   !adjacent(k) || !isAlnumByte(p[Int(tokens[k + 1].lowerBound)]) {
                    return k + 1
                }
            }
            return t + 1
        }
        // Numbers in three dotted groups (phone numbers 713.837.1638), which claimex reads as a
        // decimal number, a period and a number.
        if t + 2 < tokens.count, adjacent(t + 1), len(t + 1) == 1, byte(t + 1) == 0x2E, isDigits(t + 2) {
            let a = Int(tokens[t].lowerBound)
            var dot = -1
            for k in 0..<len(t) where p[a + k] == 0x2E { dot = dot < 0 ? k : len(t) }
            if dot > 0 && dot < len(t) - 1 && (0..<len(t)).allSatisfy({ $0 == dot || p[a + $0] &- 0x30 < 10 }) { return t + 3 }
        }
        guard isAlnum(t) else { return t + 1 }
        // Abbreviations with their period, as the treebank writes them (Dr., Inc.); but at the
        // sentence's end the period is the sentence's (etc|.), as the treebank splits it, and
        // an ellipsis stays whole (etc|...).
        var dots = 0
        while t + 1 + dots < tokens.count && len(t + 1 + dots) == 1 && byte(t + 1 + dots) == 0x2E
                && tokens[t + dots].upperBound == tokens[t + 1 + dots].lowerBound { dots += 1 }
        let atEnd = (t + 2..<tokens.count).allSatisfy { len($0) == 1 && !isAlnumByte(byte($0)) && byte($0) != 0x2E }
        if dots == 1 || dots == 2, !atEnd {
            // Inside a sentence, a word of four letters or fewer before a period and a space is
            // an abbreviation (Capt., Sts.): the treebank keeps 374 such words whole in its
            // train split and splits 5.
            if dots == 1, !adjacent(t + 1), len(t) <= 4, (0..<len(t)).allSatisfy({ (p[Int(tokens[t].lowerBound) + $0] | 0x20) &- 0x61 < 26 }) { return t + 2 }
            var l = Array(UnsafeBufferPointer(start: p + Int(tokens[t].lowerBound), count: len(t) + 1))
            for k in l.indices where l[k] &- 0x41 < 26 { l[k] |= 0x20 }
            if l.withUnsafeBufferPointer({ model.isPrefix(wholeKey($0.baseAddress!, $0.count)) }) { return t + 2 }
        }
        let end = runEnd(t)
        guard end > t + 1 else { return t + 1 }
        let lo = Int(tokens[t].lowerBound), hi = Int(tokens[end - 1].upperBound)
        let run = UnsafeBufferPointer(start: p + lo, count: hi - lo)
        // Web and e-mail addresses. An address stops at a quote, bracket or comma: in
        // `Name"<me@host.com>` the name, the quote and the bracket are words of their own.
        if run.contains(0x40) || hasPrefix(run, "http") || hasPrefix(run, "www.") || contains(run, "://") {
            var k = t
            while k < end && !(len(k) == 1 && addressStops.contains(byte(k))) { k += 1 }
            if k == end { return end }
            let head = UnsafeBufferPointer(start: p + lo, count: Int(tokens[k].lowerBound) - lo)
            return k > t + 1 && (head.contains(0x40) || hasPrefix(head, "http") || hasPrefix(head, "www.")) ? k : t + 1
        }
        // Decades and plurals of numbers are one word (1990s, 80's).
        if isDigits(t), isPluralS(t + 1), !adjacent(t + 1) || !isAlnumByte(byte(t + 2)) { return t + 2 }
        // Numbers joined by / and : (dates, times), or phone numbers (three or more groups by -, or
        // up to three digits and four: 555-1234, extensions 3-5213; the treebank never splits these).
        if isDigits(t) {
            var k = t, groups = 1, slashes = 0, hyphens = 0
            while k + 2 < end + 0 && len(k + 1) == 1 && isDigits(k + 2) {
                let sep = byte(k + 1)
                if sep == 0x2F || sep == 0x3A { slashes += 1 } else if sep == 0x2D { hyphens += 1 } else { break }
                groups += 1; k += 2
            }
            if groups > 1 && (hyphens == 0 || (slashes == 0 && (groups >= 3 || (len(t) <= 3 && len(k) == 4)))) { return k + 1 }
            return t + 1
        }
        // Dotted names of two dots or more, lowercase first (alt.animals.cat, newsgroups).
        if end >= t + 5, byte(t) &- 0x61 < 26 {
            var k = t, dots = 0
            while k + 2 < end && len(k + 1) == 1 && byte(k + 1) == 0x2E && isAlnum(k + 2) { dots += 1; k += 2 }
            if dots >= 2 { return k + 1 }
        }
        // Host and file names: word(.word)+ ending in a known suffix (Space.com, memo.doc), also
        // where punctuation follows without a space (`file: Stocks.pdf)(See`), but not a path.
        var k = t, named = t
        while k + 2 < end, len(k + 1) == 1, byte(k + 1) == 0x2E, isAlnum(k + 2) {
            k += 2
            let last = UnsafeBufferPointer(start: p + Int(tokens[k].lowerBound), count: len(k))
            if hostSuffixes.contains(Array(last).map { $0 | 0x20 }), !adjacent(k) || (byte(k + 1) != 0x2F && !isAlnumByte(byte(k + 1))) {
                named = k
            }
        }
        if named > t { return named + 1 }
        if end >= t + 3, len(end - 2) == 1, byte(end - 2) == 0x2E, isAlnum(end - 1) {
            let last = UnsafeBufferPointer(start: p + Int(tokens[end - 1].lowerBound), count: len(end - 1))
            if hostSuffixes.contains(Array(last).map { $0 | 0x20 }) { return end }
        }
        // A letter, a slash and a letter are one word (b/c, w/o, l/c: 10 in the train split, 7
        // split as c|/|o), and so is w/ written against its word (w/it; but w|/ City).
        if len(t) == 1, byte(t) &- 0x41 < 26 || byte(t) &- 0x61 < 26, t + 1 < tokens.count, len(t + 1) == 1, byte(t + 1) == 0x2F {
            if adjacent(t + 1), len(t + 2) == 1, isAlnumByte(byte(t + 2)), byte(t + 2) &- 0x30 >= 10,
               !adjacent(t + 2) || !isAlnumByte(byte(t + 3)) { return t + 3 }
            if byte(t) | 0x20 == UInt8(ascii: "w"), adjacent(t + 1) { return t + 2 }
        }
        return t + 1
    }

    /// Marks whose runs are one word (***, ___, ~~~, ###, +++, $$$, <<<, >>>, ///, \\\\).
    static let repeatedMarks = MarkSet("*_~#+$<>/\\")

    /// Bytes an e-mail or web address does not run across.
    static let addressStops = MarkSet("\"<>()[],;")

    static let hostSuffixes: Set<[UInt8]> = Set(["com", "org", "net", "edu", "gov", "uk", "ca", "de", "fr", "ru", "cn", "io",
                                                 "info", "biz", "doc", "docx", "pdf", "xls", "xlsx", "ppt", "htm", "html", "txt",
                                                 "jpg", "gif", "png", "zip", "exe"].map { Array($0.utf8) })

    @inline(__always) static func isAlnumByte(_ c: UInt8) -> Bool { c &- 0x30 < 10 || (c | 0x20) &- 0x61 < 26 || c >= 0x80 }

    static func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard b.count >= n else { return false }
        for k in 0..<n where b[k] | 0x20 != s.utf8Start[k] | 0x20 { return false }
        return true
    }

    static func contains(_ b: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard b.count >= n else { return false }
        outer: for i in 0...(b.count - n) {
            for k in 0..<n where b[i + k] != s.utf8Start[k] { continue outer }
            return true
        }
        return false
    }

    // MARK: - Splitting a token

    /// Where a contraction splits (bytes into the token), or nil.
    static func clitic(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        func lower(_ k: Int) -> UInt8 { let c = p[k]; return c &- 0x41 < 26 ? c | 0x20 : c }
        func isWord(_ s: StaticString) -> Bool {
            guard n == s.utf8CodeUnitCount else { return false }
            for k in 0..<n where lower(k) != s.utf8Start[k] { return false }
            return true
        }
        // Words compared by length first: most tokens are none of these (this runs on every
        // token a sentence's split reaches).
        switch n {
        case 2: if isWord("im") { return 1 }
        case 3: if isWord("ive") { return 1 }
        case 4: if isWord("alot") { return 1 }
        case 5:
            if isWord("gonna") || isWord("wanna") || isWord("gotta") { return 3 }
            // Contractions written without the apostrophe, as the treebank splits them.
            if isWord("thats") || isWord("whats") || isWord("heres") { return 4 }
            if isWord("youre") { return 3 }
        case 6:
            if isWord("cannot") { return 3 }
            if isWord("theres") { return 5 }
            if isWord("theyre") { return 4 }
        default: break
        }
        // Without the apostrophe: dont, didnt, cant, wont, isnt ...
        if n >= 4 && n <= 8, lower(n - 2) == UInt8(ascii: "n"), lower(n - 1) == UInt8(ascii: "t") {
            var stem: UInt64 = 0
            for k in 0..<n - 2 { stem |= UInt64(lower(k)) << (8 * UInt64(k)) }
            if Self.ntStems.contains(stem) { return n - 2 }
        }
        // The apostrophe: ' or ’ (E2 80 99), then the clitic to the token's end.
        var q = -1, width = 1
        for k in stride(from: n - 1, through: 1, by: -1) {
            if p[k] == 0x27 { q = k; width = 1; break }
            if p[k] == 0xE2, k + 2 < n, p[k + 1] == 0x80, p[k + 2] == 0x99 { q = k; width = 3; break }
        }
        guard q >= 1 else { return nil }
        // A number's plural keeps its 's (80's), as in the treebank.
        if (0..<q).allSatisfy({ p[$0] &- 0x30 < 10 }) { return nil }
        let rest = n - q - width
        let c0 = rest >= 1 ? lower(q + width) : 0, c1 = rest >= 2 ? lower(q + width + 1) : 0
        if rest == 1 && c0 == UInt8(ascii: "t") && q >= 2 && lower(q - 1) == UInt8(ascii: "n") { return q - 1 }
        if rest == 1 && (c0 == UInt8(ascii: "s") || c0 == UInt8(ascii: "m") || c0 == UInt8(ascii: "d")) { return q }
        if rest == 2 && ((c0 == UInt8(ascii: "r") && c1 == UInt8(ascii: "e")) || (c0 == UInt8(ascii: "v") && c1 == UInt8(ascii: "e"))
                         || (c0 == UInt8(ascii: "l") && c1 == UInt8(ascii: "l"))) { return q }
        return nil
    }

    /// Every token (lowercase, ' for ’) whose first part `clitic` or `cliticInContext` can cut
    /// off as `head` (lowercase ASCII letters), appended to `out`: the inverse of those two,
    /// for `Tagger.lemmaForms`, which must name every token whose lemma is its head's. Keep it
    /// in step with them; `LemmaFormsTests` checks it against `clitic` on many tokens.
    public static func appendContractions(of head: [UInt8], to out: inout [[UInt8]]) {
        for ending in cliticEndings { out.append(head + ending) }
        if head.count <= 6 {
            var stem: UInt64 = 0
            for (k, c) in head.enumerated() { stem |= UInt64(c) << (8 * UInt64(k)) }
            if ntStems.contains(stem) { out.append(head + [0x6E, 0x74]) }
        }
        guard head.count <= 5 else { return }
        for (word, cut) in wholeContractions where cut == head.count && word.starts(with: head) { out.append(word) }
    }

    /// `appendContractions`' list.
    public static func contractions(of head: [UInt8]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        appendContractions(of: head, to: &out)
        return out
    }

    /// The endings `clitic` cuts after a token's first part, the apostrophe as '.
    static let cliticEndings: [[UInt8]] = ["'s", "'m", "'d", "'re", "'ve", "'ll", "n't"].map { Array($0.utf8) }

    /// The contractions `clitic` and `cliticInContext` split whole (not by an ending), with
    /// where: gon|na, it|s, Let|s.
    static let wholeContractions: [([UInt8], Int)] = [
        ("im", 1), ("ive", 1), ("alot", 1), ("gonna", 3), ("wanna", 3), ("gotta", 3), ("thats", 4), ("whats", 4),
        ("heres", 4), ("youre", 3), ("cannot", 3), ("theres", 5), ("theyre", 4), ("its", 2), ("your", 3), ("lets", 3),
    ].map { (Array($0.0.utf8), $0.1) }

    /// Where an apostrophe-less contraction that is also a word splits, judged by its place:
    /// "its" before a word that starts a predicate (its|not, its|a, its|really: the treebank's
    /// 57 split "its" in its train split are mostly followed by these; its 164 possessive ones
    /// by nouns and adjectives), and "Lets" opening a sentence (Let|s).
    static func cliticInContext(_ p: UnsafePointer<UInt8>, _ tokens: [Range<Int32>], _ t: Int) -> Int? {
        let a = Int(tokens[t].lowerBound), n = Int(tokens[t].upperBound) - a
        guard n == 4 || n == 3 else { return nil }
        func lower(_ k: Int) -> UInt8 { let c = p[k]; return c &- 0x41 < 26 ? c | 0x20 : c }
        if n == 4, t == 0, p[a] == UInt8(ascii: "L"), lower(a + 1) == UInt8(ascii: "e"), lower(a + 2) == UInt8(ascii: "t"),
           lower(a + 3) == UInt8(ascii: "s") { return 3 }
        let isIts = n == 3 && lower(a) == UInt8(ascii: "i") && lower(a + 1) == UInt8(ascii: "t") && lower(a + 2) == UInt8(ascii: "s")
        let isYour = n == 4 && lower(a) == UInt8(ascii: "y") && lower(a + 1) == UInt8(ascii: "o") && lower(a + 2) == UInt8(ascii: "u")
            && lower(a + 3) == UInt8(ascii: "r")
        guard isIts || isYour, t + 1 < tokens.count else { return nil }
        let x = Int(tokens[t + 1].lowerBound), m = Int(tokens[t + 1].upperBound) - x
        guard m >= 1, m <= 12 else { return nil }
        var next: [UInt8] = []
        for k in 0..<m { next.append(lower(x + k)) }
        if isYour { return next != Array("all".utf8) && (predicateStarts.contains(next) || yourPredicateStarts.contains(next)) ? 3 : nil }
        if m >= 4 && next[m - 2] == UInt8(ascii: "l") && next[m - 1] == UInt8(ascii: "y") && next != Array("only".utf8) { return 2 }
        // its kind of, its sort of (but "of its kind" is possessive).
        if next == Array("kind".utf8) || next == Array("sort".utf8), t + 2 < tokens.count {
            let y = Int(tokens[t + 2].lowerBound)
            if tokens[t + 2].upperBound - tokens[t + 2].lowerBound == 2, lower(y) == UInt8(ascii: "o"), lower(y + 1) == UInt8(ascii: "f") { return 2 }
        }
        return predicateStarts.contains(next) || itsPredicateStarts.contains(next) ? 2 : nil
    }

    /// Words after which "its" and "your" are it|s and you|r: a possessive is followed by a noun
    /// or its modifier, never by these (the train split has no possessive "your" before them).
    static let predicateStarts: Set<[UInt8]> = Set(["a", "an", "not", "so", "very", "really", "just", "like", "been", "too",
                                                    "ok", "okay", "pretty", "such", "gonna", "going", "getting", "nothing",
                                                    "the", "all", "still", "also", "now", "in", "on", "at", "for", "from",
                                                    "between", "always", "never", "almost", "probably", "actually"].map { Array($0.utf8) })
    /// Determiners and pronouns that cannot follow a possessive "its" (its|the, its|your).
    static let itsPredicateStarts: Set<[UInt8]> = Set(["your", "my", "his", "their", "our", "this", "these", "those"].map { Array($0.utf8) })
    /// After "your" also: you|r before a participle or adjective the train split holds (your|looking); "your all" is possessive.
    static let yourPredicateStarts: Set<[UInt8]> = Set(["welcome", "wrong", "looking", "calling", "told"].map { Array($0.utf8) })

    /// Stems before an apostrophe-less n't, as their bytes packed little-endian.
    static let ntStems: Set<UInt64> = Set(["do", "does", "did", "ca", "wo", "is", "are", "was", "were", "have", "has", "had",
                                           "could", "would", "should", "must", "ai"].map { w in
        w.utf8.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    })
}

/// A set of ASCII bytes as 128 bits: a test is a shift and a mask, with no hashing and
/// nothing built per call.
struct MarkSet: Sendable {
    let lo: UInt64, hi: UInt64

    init(_ marks: StaticString) {
        var lo: UInt64 = 0, hi: UInt64 = 0
        for k in 0..<marks.utf8CodeUnitCount {
            let c = marks.utf8Start[k]
            precondition(c < 128, "MarkSet holds ASCII bytes")
            if c < 64 { lo |= 1 << UInt64(c) } else { hi |= 1 << UInt64(c - 64) }
        }
        (self.lo, self.hi) = (lo, hi)
    }

    @inline(__always)
    func contains(_ c: UInt8) -> Bool { c < 64 ? lo >> UInt64(c) & 1 != 0 : c < 128 && hi >> UInt64(c &- 64) & 1 != 0 }
}
