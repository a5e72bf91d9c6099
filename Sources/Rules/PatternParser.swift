import Foundation
import Tagger

/// Parses the pattern surface syntax (see rules/README.md) into a `PatternNode`, by recursive
/// descent over the pattern's bytes. Reports the first mistake with its byte offset.
struct PatternParser {
    static let maxRepeat = 50

    private let s: [UInt8]
    private var i = 0
    /// Offsets of the `(` that open an expanded `<name>` reference (`PatternDefinitions`).
    private var references: Set<Int> = []
    /// Nesting in groups and captures: 0 at the pattern's own level.
    private var depth = 0
    private var phrases: Phrases
    /// Shared parses of references, by the offset of their `(`, and the offset after their `)`.
    private var shared: Shared = [:]
    /// The tokenizer's working memory for the phrases not yet in `phrases`.
    private var scratch = Tokenizer.LineScratch()
    /// The nodes of the sequences and alternations being parsed, innermost last: each takes
    /// its own off the top when done, so a one-item sequence or alternative (each word of a
    /// word list) makes no array, and a longer one one array of its size, not a grown one.
    private var stack: [PatternNode] = []
    /// The `(` at offset 0 was closed by the last byte.
    private var wholeGroup = false
    typealias Shared = [Int: (pattern: SharedPattern, end: Int)]

    /// Words and quoted phrases as the tokenizer splits them (each token's byte range in the
    /// text and its normal form), kept across the patterns of a rule set: expanded named
    /// patterns repeat the same words many times, and tokenizing each was a third of parsing.
    ///
    /// Looked up by the phrase's bytes where they stand in the pattern, in a table of its own
    /// (open addressing on `Tokenizer.hash`, the bytes in one pool): a `Dictionary` needed the
    /// bytes copied into an array for its key, for each of the default rules' 30,000 words
    /// and phrases, and hashed them through a `Hasher`.
    struct Phrases {
        typealias Tokens = [(range: Range<Int>, norm: [UInt8])]
        private var pool: [UInt8] = []
        /// Per phrase: its bytes in `pool`, its hash and its tokens.
        private var starts: [Int] = [0]
        private var hashes: [UInt64] = []
        private var tokens: [Tokens] = []
        /// Phrase numbers, -1 for none; a power of two, at most half full (empty until the
        /// first phrase: an empty table is made for every pattern parsed, `parse`).
        private var slots: [Int32] = []

        init() {}

        var count: Int { tokens.count }

        /// The tokens of the phrase `text`, hashed `h` (`Tokenizer.hash`); nil when not in.
        func find(_ text: UnsafeBufferPointer<UInt8>, _ h: UInt64) -> Tokens? {
            guard !slots.isEmpty else { return nil }
            let mask = slots.count - 1
            var k = Int(truncatingIfNeeded: h) & mask
            while true {
                let n = Int(slots[k])
                if n < 0 { return nil }
                if hashes[n] == h, starts[n + 1] - starts[n] == text.count {
                    let same = pool.withUnsafeBufferPointer { p in
                        text.isEmpty || memcmp(p.baseAddress! + starts[n], text.baseAddress!, text.count) == 0
                    }
                    if same { return tokens[n] }
                }
                k = (k + 1) & mask
            }
        }

        /// Adds a phrase not in the table.
        mutating func add(_ text: UnsafeBufferPointer<UInt8>, _ h: UInt64, _ t: Tokens) {
            pool.append(contentsOf: text)
            starts.append(pool.count)
            hashes.append(h)
            tokens.append(t)
            if tokens.count * 2 > slots.count {
                slots = [Int32](repeating: -1, count: max(256, slots.count * 2))
                for n in tokens.indices { place(n) }
            } else {
                place(tokens.count - 1)
            }
        }

        private mutating func place(_ n: Int) {
            let mask = slots.count - 1
            var k = Int(truncatingIfNeeded: hashes[n]) & mask
            while slots[k] >= 0 { k = (k + 1) & mask }
            slots[k] = Int32(n)
        }
    }

    /// `references`: offsets of the `(` of each `<name>` reference written in the pattern
    /// itself. A reference that stands unquantified in the pattern's top-level sequence and
    /// holds a sequence is joined into it, so its elements are the pattern's own (as `explain`
    /// and the start anchor count them), exactly as if the definition were written out there;
    /// everywhere else it stays one group, which matches the same tokens.
    static func parse(_ pattern: String, references: Set<Int> = []) throws(PatternError) -> PatternNode {
        var phrases = Phrases()
        return try parse(pattern, references: references, phrases: &phrases)
    }

    /// As `parse(_:references:)`, reusing and adding to the tokenized `phrases`. A reference
    /// in `shared` is not parsed again: its shared parse stands there (`SharedPattern`), and
    /// is joined into the top level as the written-out reference would be.
    static func parse(_ pattern: String, references: Set<Int>, phrases: inout Phrases,
                      shared: Shared = [:]) throws(PatternError) -> PatternNode {
        var whole = false
        return try parse(pattern, references: references, phrases: &phrases, shared: shared, wholeGroup: &whole)
    }

    /// As `parse(_:references:phrases:shared:)`; `wholeGroup` set when the `(` at offset 0
    /// is closed by the pattern's last byte (`RuleLoader.share`: the definition's text, then,
    /// parses on its own as it does inside the group).
    static func parse(_ pattern: String, references: Set<Int>, phrases: inout Phrases,
                      shared: Shared = [:], wholeGroup: inout Bool) throws(PatternError) -> PatternNode {
        var p = PatternParser(s: Array(pattern.utf8), phrases: phrases)
        defer { wholeGroup = p.wholeGroup }
        p.shared = shared
        // Moved in and back, so the parser's additions copy no table.
        phrases = Phrases()
        defer { phrases = p.phrases }
        p.references = references
        p.skipSpace()
        guard p.i < p.s.count else { throw PatternError(offset: 0, message: "empty pattern") }
        let node = try p.parseAlternatives()
        p.skipSpace()
        if p.i < p.s.count {
            let c = p.s[p.i]
            let what = c == UInt8(ascii: ")") ? "unmatched ')'" : c == UInt8(ascii: "}") ? "unmatched '}'"
                : "unexpected '\(Character(Unicode.Scalar(c)))'"
            throw PatternError(offset: p.i, message: what)
        }
        try checkGaps(node)
        try checkMatchStart(node)
        return node
    }

    /// `>>` stands once, in the pattern's own sequence: inside a group, an alternative, a
    /// repetition or a capture, the match would start at different places on different paths.
    static func checkMatchStart(_ node: PatternNode) throws(PatternError) {
        let top: [PatternNode]
        if case .sequence(let items, _) = node { top = items } else { top = [node] }
        var seen = false
        for item in top {
            if case .matchStart(let r) = item {
                if seen { throw PatternError(offset: r.lowerBound, message: "a second '>>': the match starts at one place") }
                seen = true
            } else if let r = nestedMatchStart(item) {
                throw PatternError(offset: r.lowerBound, message: "'>>' (the match starts here) belongs in the pattern's own sequence, not inside a group, alternative, repetition or capture")
            }
        }
    }

    static func nestedMatchStart(_ node: PatternNode) -> Range<Int>? {
        switch node {
        case .matchStart(let r): return r
        case .sequence(let items, _), .alternatives(let items, _):
            for item in items { if let r = nestedMatchStart(item) { return r } }
            return nil
        case .repetition(let inner, _, _, _, _), .capture(_, let inner, _):
            return nestedMatchStart(inner)
        case .token, .lexicon, .sentenceStart, .sentenceEnd:
            return nil
        case .reference:
            // A shared parse holds no '>>': one with it is not shared (`RuleLoader.share`).
            return nil
        }
    }

    private init(s: [UInt8], phrases: Phrases) {
        self.s = s
        self.phrases = phrases
    }

    // MARK: - Grammar

    private mutating func parseAlternatives() throws(PatternError) -> PatternNode {
        let start = i, base = stack.count
        stack.append(try parseSequence())
        while peek(UInt8(ascii: "|")) {
            i += 1
            stack.append(try parseSequence())
        }
        if stack.count - base == 1 { return stack.removeLast() }
        let branches = Array(stack[base...])
        stack.removeSubrange(base...)
        return .alternatives(branches, start..<i)
    }

    private mutating func parseSequence() throws(PatternError) -> PatternNode {
        skipSpace()
        let start = i, base = stack.count
        while true {
            skipSpace()
            guard i < s.count else { break }
            let c = s[i]
            if c == UInt8(ascii: "|") || c == UInt8(ascii: ")") || c == UInt8(ascii: "}") { break }
            let itemStart = i
            let item = try parseItem()
            if depth == 0, references.contains(itemStart), case .sequence(let inner, _) = item {
                stack.append(contentsOf: inner)
            } else if depth == 0, references.contains(itemStart), case .reference(let share, let shift, _) = item,
                      let inner = share.items(at: shift) {
                stack.append(contentsOf: inner)
            } else {
                stack.append(item)
            }
        }
        let count = stack.count - base
        if count == 0 { throw PatternError(offset: start, message: "empty alternative: expected a pattern element") }
        if count == 1 { return stack.removeLast() }
        let items = Array(stack[base...])
        stack.removeSubrange(base...)
        return .sequence(items, start..<(items.last!.source.upperBound))
    }

    private mutating func parseItem() throws(PatternError) -> PatternNode {
        let start = i
        var node = try parseAtom()
        while i < s.count {
            let c = s[i]
            if c == UInt8(ascii: "?") { i += 1; node = .repetition(node, min: 0, max: 1, lazy: false, start..<i) }
            else if c == UInt8(ascii: "*") { i += 1; node = .repetition(node, min: 0, max: nil, lazy: false, start..<i) }
            else if c == UInt8(ascii: "+") { i += 1; node = .repetition(node, min: 1, max: nil, lazy: false, start..<i) }
            else if c == UInt8(ascii: "{"), i + 1 < s.count, isDigit(s[i + 1]) {
                let (lo, hi) = try parseBounds()
                node = .repetition(node, min: lo, max: hi, lazy: false, start..<i)
            } else { break }
        }
        return node
    }

    /// `{m}`, `{m,n}` or `{m,}` (the last is unbounded).
    private mutating func parseBounds() throws(PatternError) -> (Int, Int?) {
        let open = i
        i += 1
        let lo = try parseInt()
        var hi: Int? = lo
        if peek(UInt8(ascii: ",")) {
            i += 1
            hi = i < s.count && isDigit(s[i]) ? try parseInt() : nil
        }
        guard peek(UInt8(ascii: "}")) else { throw PatternError(offset: i, message: "expected '}' to close the repetition bounds") }
        i += 1
        if let h = hi, h < lo { throw PatternError(offset: open, message: "repetition bounds {\(lo),\(h)}: the maximum is below the minimum") }
        if let h = hi, h > Self.maxRepeat { throw PatternError(offset: open, message: "repetition bound \(h) is above the limit of \(Self.maxRepeat)") }
        if hi == 0 { throw PatternError(offset: open, message: "repetition {0} matches nothing") }
        return (lo, hi)
    }

    private mutating func parseAtom() throws(PatternError) -> PatternNode {
        let start = i
        let c = s[i]
        switch c {
        case UInt8(ascii: "("):
            if let known = shared[start] {
                i = known.end
                return known.pattern.reference(at: start)
            }
            i += 1
            depth += 1
            let inner = try parseAlternatives()
            depth -= 1
            skipSpace()
            guard peek(UInt8(ascii: ")")) else { throw PatternError(offset: start, message: "unclosed '(': expected ')'") }
            i += 1
            if start == 0 && i == s.count { wholeGroup = true }
            return wrap(inner, start)
        case UInt8(ascii: "{"):
            return try parseCapture()
        case UInt8(ascii: "^"):
            i += 1
            return .sentenceStart(start..<i)
        case UInt8(ascii: "$"):
            i += 1
            return .sentenceEnd(start..<i)
        case UInt8(ascii: ">") where i + 1 < s.count && s[i + 1] == UInt8(ascii: ">"):
            i += 2
            return .matchStart(start..<i)
        case UInt8(ascii: "."):
            return try parseGap()
        case UInt8(ascii: "@"):
            i += 1
            let name = scanName(hyphens: true)
            guard !name.isEmpty else { throw PatternError(offset: start, message: "expected a lexicon name after '@'") }
            return .lexicon(name, start..<i)
        case UInt8(ascii: "!"):
            i += 1
            guard i < s.count, !isSpace(s[i]) else { throw PatternError(offset: start, message: "expected a token test after '!'") }
            let inner = try parseAtom()
            guard case .token(let spec, _) = inner else {
                throw PatternError(offset: start, message: "'!' negates one token test (a word, ~family, %class or _), not a phrase, group or lexicon")
            }
            return .token(.not(spec), start..<i)
        default:
            return try parseTokenAtom()
        }
    }

    /// Words, phrases, families, classes and `_`: the atoms that test tokens.
    private mutating func parseTokenAtom() throws(PatternError) -> PatternNode {
        let start = i
        let c = s[i]
        switch c {
        case UInt8(ascii: "\""):
            i += 1
            let textStart = i
            while i < s.count, s[i] != UInt8(ascii: "\"") { i += 1 }
            guard i < s.count else { throw PatternError(offset: start, message: "unclosed '\"'") }
            let text = textStart..<i
            i += 1
            var exact = false
            if peek(UInt8(ascii: "!")) { exact = true; i += 1 }
            return try phrase(text, exact: exact, start..<i)
        case UInt8(ascii: "="):
            i += 1
            let word = scanWordRange()
            guard !word.isEmpty else { throw PatternError(offset: start, message: "expected a word after '='") }
            return try phrase(word, exact: true, start..<i)
        case UInt8(ascii: "~"):
            i += 1
            let word = scanWord()
            guard !word.isEmpty, word.allSatisfy({ isLetter($0) || $0 == UInt8(ascii: "-") }) else {
                throw PatternError(offset: start, message: "expected a word after '~' (letters only)")
            }
            return .token(.family(String(decoding: word, as: UTF8.self).lowercased()), start..<i)
        case UInt8(ascii: "%"):
            return try parseClass()
        case UInt8(ascii: "&"):
            let lemma = try parseLemma()
            return .token(.tagged(has: [], not: [], upos: TagTests.allUPOS, xpos: TagTests.allXPOS, lemma: lemma), start..<i)
        case UInt8(ascii: "_"):
            i += 1
            return .token(.any, start..<i)
        default:
            let word = scanWordRange()
            guard !word.isEmpty else {
                throw PatternError(offset: start, message: "unexpected '\(Character(Unicode.Scalar(c)))'; quote punctuation as \"\(Character(Unicode.Scalar(c)))\"")
            }
            return try phrase(word, exact: false, start..<i)
        }
    }

    /// `{name: pattern}`
    private mutating func parseCapture() throws(PatternError) -> PatternNode {
        let start = i
        i += 1
        skipSpace()
        let name = scanName()
        guard !name.isEmpty, peek(UInt8(ascii: ":")) else {
            throw PatternError(offset: start, message: "expected '{name: pattern}' for a capture, or '{m,n}' right after an element for a repetition")
        }
        i += 1
        depth += 1
        let inner = try parseAlternatives()
        depth -= 1
        skipSpace()
        guard peek(UInt8(ascii: "}")) else { throw PatternError(offset: start, message: "unclosed capture '{\(name): ...': expected '}'") }
        i += 1
        return .capture(name, inner, start..<i)
    }

    /// `..N`: a gap of zero to N arbitrary tokens, preferring fewer.
    private mutating func parseGap() throws(PatternError) -> PatternNode {
        let start = i
        guard i + 1 < s.count, s[i + 1] == UInt8(ascii: ".") else {
            throw PatternError(offset: start, message: "unexpected '.'; a gap is written ..N (up to N tokens), a period is quoted \".\"")
        }
        i += 2
        guard i < s.count, isDigit(s[i]) else {
            throw PatternError(offset: start, message: "unbounded gap: write ..N for up to N tokens (at most \(Self.maxRepeat))")
        }
        let n = try parseInt()
        guard n >= 1, n <= Self.maxRepeat else { throw PatternError(offset: start, message: "gap ..\(n) must be between ..1 and ..\(Self.maxRepeat)") }
        return .repetition(.token(.any, start..<i), min: 0, max: n, lazy: true, start..<i)
    }

    /// `%name`, optionally refined: `%num-year` (a number but not a year), `%cap+code`. A name
    /// is a token class (lowercase), a UPOS tag (`%NOUN`) or a Penn tag (`%VBD`, `%PRP$`);
    /// a lemma may follow (`%VERB&defend`).
    private mutating func parseClass() throws(PatternError) -> PatternNode {
        let start = i
        i += 1
        var has: TokenClasses = [], not: TokenClasses = []
        var upos = TagTests.allUPOS, xpos = TagTests.allXPOS, tagged = false
        var sign = UInt8(ascii: "+")
        while true {
            let nameStart = i
            var name = scanName()
            // Penn's possessive pronoun tags end in `$`.
            if name == "PRP" || name == "WP", peek(UInt8(ascii: "$")) { i += 1; name += "$" }
            let plus = sign == UInt8(ascii: "+")
            if let cls = TokenClasses.named.first(where: { $0.name == name })?.value {
                if plus { has.insert(cls) } else { not.insert(cls) }
            } else if let u = TagSet.uposIndex(name) {
                tagged = true
                upos = plus ? upos & (1 << UInt32(u)) : upos & ~(1 << UInt32(u))
            } else if let x = TagSet.xposIndex(name) {
                tagged = true
                xpos = plus ? xpos & (1 << UInt64(x)) : xpos & ~(1 << UInt64(x))
            } else {
                let known = TokenClasses.named.map { "%" + $0.name }.joined(separator: " ")
                let upper = name.first.map { $0.isUppercase } ?? false
                let what = name.isEmpty ? "expected a class or tag name after '%'" : upper ? "unknown tag '%\(name)'" : "unknown token class '%\(name)'"
                throw PatternError(offset: name.isEmpty ? start : nameStart - 1,
                                   message: "\(what) (classes: \(known); UPOS tags: \(TagSet.upos.joined(separator: " ")); Penn tags: \(TagTests.pennNames))")
            }
            guard i + 1 < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-"), isLetter(s[i + 1]) else { break }
            sign = s[i]
            i += 1
        }
        var lemma: [UInt8]?
        if peek(UInt8(ascii: "&")) { lemma = try parseLemma(); tagged = true }
        if tagged { return .token(.tagged(has: has, not: not, upos: upos, xpos: xpos, lemma: lemma), start..<i) }
        return .token(.classes(has: has, not: not), start..<i)
    }

    /// `&lemma`: a word (letters, inner hyphens and apostrophes), compared lowercase.
    private mutating func parseLemma() throws(PatternError) -> [UInt8] {
        let start = i
        i += 1
        let word = scanWord()
        guard !word.isEmpty, word.allSatisfy({ isLetter($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "'") || $0 >= 0x80 }) else {
            throw PatternError(offset: start, message: "expected a lemma after '&' (a word: letters, '-' and \"'\" only)")
        }
        return word.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
    }

    /// A word or quoted phrase becomes one token test per token, as the sentence tokenizer
    /// would split it, so "U.S." or "per cent" match exactly what the text produces.
    /// `textRange`: the phrase's bytes in the pattern.
    private mutating func phrase(_ textRange: Range<Int>, exact: Bool, _ range: Range<Int>) throws(PatternError) -> PatternNode {
        let tokens: Phrases.Tokens
        let known: Phrases.Tokens? = s.withUnsafeBufferPointer { all in
            let text = UnsafeBufferPointer(rebasing: all[textRange])
            return phrases.find(text, Tokenizer.hash(text.baseAddress ?? UnsafePointer(bitPattern: 1)!, text.count))
        }
        if let known {
            tokens = known
        } else if !s[textRange].contains(where: { $0 >= 0x80 }) {
            // ASCII, as nearly every word of the rules: tokenised into the scratch, without
            // the String per token `tokenize(_:)` makes (its normal forms, valid UTF-8 here,
            // come back from the String as they went in). 3,600 instructions a new phrase,
            // 13 M of a start, were mostly those Strings and the arrays sized and trimmed.
            let count = s.withUnsafeBufferPointer { Tokenizer.tokenize(UnsafeBufferPointer(rebasing: $0[textRange]), scratch: &scratch) }
            tokens = (0..<count).map { k in (scratch.tokens[k].range, Array(scratch.norm[scratch.ranges[k]])) }
            addPhrase(textRange, tokens)
        } else {
            tokens = Tokenizer.tokenize(Array(s[textRange])).map { ($0.token.range, Array($0.norm.utf8)) }
            addPhrase(textRange, tokens)
        }
        guard !tokens.isEmpty else { throw PatternError(offset: range.lowerBound, message: "empty phrase") }
        let base = textRange.lowerBound
        if tokens.count == 1 {  // a word: no array of one
            return .token(exact ? .exact(Array(s[tokens[0].range.shifted(base)])) : .word(tokens[0].norm), range)
        }
        let items: [PatternNode] = tokens.map { t in
            .token(exact ? .exact(Array(s[t.range.shifted(base)])) : .word(t.norm), range)
        }
        return items.count == 1 ? items[0] : .sequence(items, range)
    }

    private mutating func addPhrase(_ textRange: Range<Int>, _ tokens: Phrases.Tokens) {
        s.withUnsafeBufferPointer { all in
            let text = UnsafeBufferPointer(rebasing: all[textRange])
            phrases.add(text, Tokenizer.hash(text.baseAddress ?? UnsafePointer(bitPattern: 1)!, text.count), tokens)
        }
    }

    /// Keeps a group's full source range (with its parentheses) for `explain`.
    private func wrap(_ node: PatternNode, _ start: Int) -> PatternNode {
        switch node {
        case .sequence(let items, _): return .sequence(items, start..<i)
        case .alternatives(let b, _): return .alternatives(b, start..<i)
        case .reference(let share, let shift, _):
            guard let wrapped = share.wrapped((start - shift)..<(i - shift)) else { return node }
            return .reference(wrapped, shift: shift, start..<i)
        default: return node
        }
    }

    // MARK: - Checks

    /// An unbounded repetition of a test that accepts almost any token is an unbounded gap.
    static func checkGaps(_ node: PatternNode) throws(PatternError) {
        switch node {
        case .repetition(let inner, _, let max, _, let r):
            if max == nil, case .token(let spec, _) = inner, spec.isWildcard {
                throw PatternError(offset: r.lowerBound, message: "unbounded gap: write ..N for up to N tokens (at most \(maxRepeat))")
            }
            try checkGaps(inner)
        case .sequence(let items, _), .alternatives(let items, _):
            for item in items { try checkGaps(item) }
        case .capture(_, let inner, _):
            try checkGaps(inner)
        default:
            break
        }
    }

    // MARK: - Lexical helpers

    private func peek(_ c: UInt8) -> Bool { i < s.count && s[i] == c }

    private mutating func skipSpace() { while i < s.count, isSpace(s[i]) { i += 1 } }

    private mutating func parseInt() throws(PatternError) -> Int {
        let start = i
        var v = 0
        while i < s.count, isDigit(s[i]) {
            v = v * 10 + Int(s[i] - 0x30)
            i += 1
            if v > 100_000 { throw PatternError(offset: start, message: "number too large") }
        }
        return v
    }

    /// Identifier: letters, digits and `_`; lexicon names may also hold inner hyphens.
    private mutating func scanName(hyphens: Bool = false) -> String {
        let start = i
        while i < s.count {
            let c = s[i]
            if isLetter(c) || isDigit(c) || c == UInt8(ascii: "_") { i += 1; continue }
            if hyphens, c == UInt8(ascii: "-"), i > start, i + 1 < s.count, isLetter(s[i + 1]) || isDigit(s[i + 1]) { i += 1; continue }
            break
        }
        return String(decoding: s[start..<i], as: UTF8.self)
    }

    /// A bare word: starts with a letter, digit or non-ASCII byte, continues through inner
    /// apostrophes, hyphens, periods and ampersands (don't, long-term, U.S., AT&T).
    private mutating func scanWord() -> [UInt8] { Array(s[scanWordRange()]) }

    /// `scanWord()`'s bytes as their range in the pattern, copied nowhere.
    private mutating func scanWordRange() -> Range<Int> {
        let start = i
        guard i < s.count, isLetter(s[i]) || isDigit(s[i]) || s[i] >= 0x80 else { return i..<i }
        while i < s.count {
            let c = s[i]
            if isLetter(c) || isDigit(c) || c >= 0x80 { i += 1; continue }
            if c == UInt8(ascii: "'") || c == UInt8(ascii: "-") || c == UInt8(ascii: "&") || c == UInt8(ascii: ".") {
                if c == UInt8(ascii: "."), i + 1 < s.count, s[i + 1] == UInt8(ascii: ".") { break }
                if c == UInt8(ascii: "."), i + 1 == s.count || isSpace(s[i + 1]) || !(isLetter(s[i + 1])) {
                    // A final period belongs to an abbreviation (U.S.) only after a single letter.
                    if i >= 1, isLetter(s[i - 1]), i - 1 == start || s[i - 2] == UInt8(ascii: ".") { i += 1 }
                    break
                }
                i += 1
                continue
            }
            break
        }
        return start..<i
    }

    private func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
    private func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    private func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
}

extension TokenSpec {
    /// Tests that accept nearly every token: `_` and negations.
    var isWildcard: Bool {
        switch self {
        case .any, .not: return true
        default: return false
        }
    }
}
