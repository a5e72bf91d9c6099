import Foundation
import XCTest
@testable import Tagger

/// Tags of single tokens (`Tagger.tokenTag`, `tokenLemma`) must be exactly those of tagging
/// the whole sentence, in whatever order tokens are asked: the rules tag token by token, and
/// the output must not depend on which tokens a rule happened to test. Fails if the decoder
/// comes to read more than two previous classes or anything after a word's own context
/// (then `Tagger.classContext` and `wordClass` must change with it).
final class TokenTaggerTests: XCTestCase {
    /// The text editions of the sample briefs, cut into lines at sentence-like ends.
    private func sentences() throws -> [[UInt8]] {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples")
        var out: [[UInt8]] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where name.hasSuffix(".txt") {
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(whereSeparator: { $0 == "\n" || $0 == "." || $0 == "?" }) where !line.isEmpty {
                out.append(Array(line.utf8))
            }
        }
        // Contractions, hyphenated compounds and words joined by the splitter, at the edges too.
        out += ["Don't", "can't won't", "long-term anti-war e-mail co-operation", "U.S.-led talks at 10:30 on 2024-05-16",
                "Dr. Smith's re-elected team-mates aren't there", "\u{201C}We'll see,\u{201D} she said \u{2014} twice",
                // Splits that read the sentence around a token: "Lets" opening it, "its" before
                // a predicate, a period that ends it.
                "Lets see whether its not too late, etc.", "We met Capt. Smith and Mr. Jones at 713.837.1638 etc...",
                // Joined tokens (dates, addresses, runs of marks, emoticons) at every distance
                // from the start.
                "a b c d e f g h i j k l m n o p q r s t u v w x y z on 12/05/2024 at 10:30 see www.example.com or mail@example.org now!!! :-) ok...",
                "One two three four five six seven eight nine ten eleven twelve thirteen fourteen 555-123-4567 long-term-care don't Dr. Smith's U.S.-led"].map { Array($0.utf8) }
        return out
    }

    /// Tokens as claimex cuts them, near enough: runs of letters, digits, apostrophes and
    /// inner hyphens, and every other byte that is not a space alone (multi-byte characters whole).
    private func tokens(_ s: [UInt8]) -> [Range<Int32>] {
        var out: [Range<Int32>] = [], i = 0
        func wordByte(_ c: UInt8) -> Bool { WordSplitter.isAlnumByte(c) || c == 0x27 || c == 0x2D }
        while i < s.count {
            if s[i] == 0x20 { i += 1; continue }
            var j = i + 1
            if wordByte(s[i]) { while j < s.count && wordByte(s[j]) { j += 1 } } else { while j < s.count && s[j] & 0xC0 == 0x80 { j += 1 } }
            out.append(Int32(i)..<Int32(j))
            i = j
        }
        return out
    }

    func testEveryTokenAsWholeSentenceTagging() throws {
        var whole = TagWork(), lazy = LazyTagWork(), lemma: [UInt8] = []
        var rng = SplitMix(seed: 13)
        var checked = 0
        for s in try sentences() {
            let toks = tokens(s)
            guard !toks.isEmpty else { continue }
            whole.tokens = toks
            s.withUnsafeBufferPointer { Tagger.shared.tag($0, &whole) }
            // In order, in reverse, and in a shuffled order, each from a fresh start.
            var orders = [Array(toks.indices), Array(toks.indices.reversed())]
            var shuffled = Array(toks.indices)
            for k in shuffled.indices.reversed() where k > 0 { shuffled.swapAt(k, Int(rng.next() % UInt64(k + 1))) }
            orders.append(shuffled)
            for order in orders {
                lazy.work.tokens = toks
                s.withUnsafeBufferPointer { p in
                    Tagger.shared.begin(p, &lazy)
                    for t in order {
                        let tag = Tagger.shared.tokenTag(t, &lazy)
                        let want = whole.tokenTags[t]
                        XCTAssertEqual(tag.upos, want.upos, "UPOS of token \(t) in \(String(decoding: s, as: UTF8.self))")
                        XCTAssertEqual(tag.xpos, want.xpos, "Penn tag of token \(t) in \(String(decoding: s, as: UTF8.self))")
                        Tagger.shared.tokenLemma(t, &lazy, into: &lemma)
                        XCTAssertEqual(String(decoding: lemma, as: UTF8.self), whole.lemma(want.lemma), "lemma of token \(t)")
                        checked += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 10_000)
    }

    /// A token `isWholeWord` calls a word of its own is one for the splitter, in any sentence;
    /// its lemma under every Penn tag (`wordLemma(of:)`) is `tokenLemma`'s under that tag, and a
    /// dictionary word's tags (`dictionaryTag`, `knownTag`) are `tokenTag`'s: the rules answer
    /// tag tests from these before a sentence is split or tagged (`TestTable.guess`).
    func testWholeWordsNeedNoSplit() throws {
        var lazy = LazyTagWork(), lemma: [UInt8] = [], alone: [UInt8] = []
        var whole = 0, notWhole = 0, dictionary = 0
        for s in try sentences() {
            let toks = tokens(s)
            guard !toks.isEmpty else { continue }
            lazy.work.tokens = toks
            s.withUnsafeBufferPointer { p in
                Tagger.shared.begin(p, &lazy)
                for t in toks.indices {
                    let a = Int(toks[t].lowerBound), n = Int(toks[t].upperBound) - a
                    let spaced = (t == 0 || toks[t - 1].upperBound != toks[t].lowerBound)
                        && (t + 1 == toks.count || toks[t + 1].lowerBound != toks[t].upperBound)
                    guard Tagger.isWholeWord(p.baseAddress! + a, n, spaced: spaced) else { notWhole += 1; continue }
                    whole += 1
                    let tag = Tagger.shared.tokenTag(t, &lazy)
                    let h = Int(lazy.work.heads[t])
                    XCTAssertEqual(Int(lazy.work.firstWord[t]), h)
                    XCTAssertEqual(lazy.work.words[h].start..<lazy.work.words[h].end, toks[t], "word of token \(t) in \(String(decoding: s, as: UTF8.self))")
                    for x in TagSet.xpos.indices {
                        Tagger.shared.tokenLemma(t, xpos: x, &lazy, into: &lemma)
                        Tagger.shared.wordLemma(of: p.baseAddress! + a, n, xpos: x, &lazy, into: &alone)
                        XCTAssertEqual(alone, lemma, "lemma of token \(t) as \(TagSet.xpos[x])")
                    }
                    if let d = Tagger.shared.dictionaryTag(of: p.baseAddress! + a, n, first: t == 0, &lazy) {
                        dictionary += 1
                        XCTAssertEqual(d.upos, tag.upos)
                        XCTAssertEqual(d.xpos, tag.xpos)
                    }
                    if let k = Tagger.shared.knownTag(t, &lazy) {
                        XCTAssertEqual(k.upos, tag.upos)
                        XCTAssertEqual(k.xpos, tag.xpos)
                    }
                }
            }
        }
        XCTAssertGreaterThan(whole, 4_000)
        XCTAssertGreaterThan(notWhole, 1_000)
        XCTAssertGreaterThan(dictionary, 500)
        // Contractions and words the splitter reads in context are never called whole.
        for w in ["cannot", "dont", "its", "your", "Lets", "gonna", "U.S", "e-mail", "don't"] {
            let b = Array(w.utf8)
            XCTAssertFalse(b.withUnsafeBufferPointer { Tagger.isWholeWord($0.baseAddress!, b.count, spaced: true) }, w)
        }
        let said = Array("said".utf8)
        XCTAssertFalse(said.withUnsafeBufferPointer { Tagger.isWholeWord($0.baseAddress!, 4, spaced: false) })
    }

    func testOneTokenScoresFewWords() throws {
        // Asking for each sentence's last token scores the words back to the nearest two
        // dictionary words (", the", "in the"), not the whole sentence.
        var lazy = LazyTagWork(), words = 0
        for s in try sentences() {
            let toks = tokens(s)
            guard toks.count >= 10 else { continue }
            lazy.work.tokens = toks
            s.withUnsafeBufferPointer { p in
                Tagger.shared.begin(p, &lazy)
                _ = Tagger.shared.tokenTag(toks.count - 1, &lazy)
            }
            words += lazy.work.words.count
        }
        XCTAssertGreaterThan(words, 3_000)
        XCTAssertLessThan(lazy.wordsScored * 2, words)
    }
}

/// A small deterministic generator (splitmix64) for the shuffled order.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
