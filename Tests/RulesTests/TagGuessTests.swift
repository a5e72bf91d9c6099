import Foundation
import XCTest
@testable import Rules
import Tagger

/// Before a sentence is tagged, tag tests are answered from what costs no decoding
/// (`TestTable.guess`, `LazyTags.knownToken`, `LazyTags.lemmaCandidates`): a lemma test fails a
/// token whose lemma under every Penn tag it allows is another, and a dictionary word's tags
/// are known. A guess that fails a token the tagged token passes, or an answer called exact
/// that differs from the tagged one, would turn away a rule that could have matched: these
/// tests compare both, test by test and match by match, on the sample briefs and on
/// sentences written to reach the edges (contractions, joined tokens, irregular forms).
final class TagGuessTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    private func sentences() throws -> [[UInt8]] {
        var out: [[UInt8]] = []
        let dir = root.appendingPathComponent("samples")
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where name.hasSuffix(".txt") {
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(whereSeparator: { $0 == "\n" || $0 == "." || $0 == "?" }) where !line.isEmpty {
                out.append(Array(line.utf8))
            }
        }
        out += [
            // Irregular and regular forms of stance verbs, as verbs and as nouns.
            "Russia said it would respond, and China thought otherwise; the EU sought talks and swore to act.",
            "The minister's says, the claims and the demands of the Taliban were noted; Officials demanded more.",
            "Officials at the ministry of defence privately warned that Moscow denies, denied and is denying it.",
            "The government cannot accept it, doesn't want it, won't support it and its allies aren't keen.",
            "Lets see whether its not too late: the U.S.-led coalition re-affirmed, e-mailed and co-operated.",
            "Dr. Smith, Capt. Jones and Mr. Lee said so at 10:30 on 12/05/2024 at www.example.org (see mail@example.org).",
            "SAID, Said and said; BELIEVES, Believes; the Hopes of 1,200 sorties and 40 grain silos; 3 years later.",
            "Washington hopes, hoped, is hoping and will hope; Beijing's leaders reportedly insisted on the ban.",
            "The delegations, however, increasingly prefer a settlement, and the Council has decided to act.",
            "The lying, the lies and the lie; they lay, laid and lain; leaves left and leaving.",
            // Words written against marks: words of their own, or joined by the splitter.
            "Leaders (Iraq) warned, [Syria] said: \"Peace!\" but Capt. Smith (see mail@example.org), w/o doubt said:) #tag.",
            "States said,and nations' leaders (\"claims\") insisted; (see www.example.org/(a)) and hopes -- deny it!? Sure:-) ok",
            "(Russia warned) \"China said\" [they said]; Mr.(Lee) said; he said/did; e.g., US$ said...",
            // Periods at the sentence's end, after abbreviations, marks and numbers.
            "They met Dr.", "Tanks, guns, etc.", "It was the U.S.", "Really?.", "Stop!.", "No..", "It rose by 3.5.",
            "See www.example.org.", "Call 713.837.1638.", "Write to mail@example.org.", "He said w/.", "It said so:).",
            "The 1990s.", "In 1990,1991 and 1992,", "Prices: 1,200, 1,300,and 1,400 ,", "@user,and #tag, said.",
            // Numbered paragraphs and list items, as the speeches have them.
            "54. In the year 1999, peace.", "1. Introduction: 2. The 3.5 per cent of No. 5 said", "I. The A. B. Smith 12.30 p.m. said",
            "3-5213 and 555-1234 or 12/05/2024, 10:30; b/c w/o (1) [2] 3) 4.",
        ].map { Array($0.utf8) }
        return out
    }

    private func defaultRules() throws -> RuleSet {
        try RuleSet.load(directory: root.appendingPathComponent("rules").path)
    }

    /// Every tag test of every default rule and veto, on every token: a token the tags accept
    /// is never failed by the guess, and an exact answer is the tagged answer.
    func testGuessesAgreeWithTheTags() throws {
        let set = try defaultRules()
        var checked = 0, failedExactly = 0, knownExactly = 0
        for s in try sentences() {
            s.withUnsafeBufferPointer { buf in
                var w = SentenceWork()
                set.prepare(buf, &w)
                let plain = w.tokens
                var tagged = plain
                set.tagTokens(buf, &tagged, &w.tagger)
                let lazy = LazyTags()
                lazy.useRules(set.namesSource, vocab: set.vocab)
                lazy.prepare(buf, plain, lemmas: true)
                for rule in set.rules {
                    for program in [rule.program] + rule.unless where program.usesTags {
                        let table = program.code.table
                        for k in program.tests.indices where table.readsTags(k) {
                            for pos in plain.indices {
                                let g = table.guess(k, plain[pos], pos, buf, lazy)
                                let truth = table.accepts(k, tagged[pos], buf)
                                checked += 1
                                if truth { XCTAssertTrue(g.pass, "\(rule.id) test \(k) at \(pos) of \(String(decoding: s, as: UTF8.self))") }
                                if g.exact {
                                    XCTAssertEqual(g.pass, truth, "\(rule.id) test \(k) at \(pos) of \(String(decoding: s, as: UTF8.self))")
                                    if g.pass { knownExactly += 1 } else { failedExactly += 1 }
                                }
                            }
                        }
                    }
                }
                lazy.finish()
            }
        }
        // The guesses decide something: both kinds of exact answers occur.
        XCTAssertGreaterThan(checked, 10_000)
        XCTAssertGreaterThan(failedExactly, checked / 10)
        XCTAssertGreaterThan(knownExactly, 100)
    }

    /// A token `LazyTags.standsAlone` takes for a word of its own (with a whole-word form) is
    /// one word of the split sentence, with the token's bytes: its lemmas and dictionary tag
    /// are then its form's, and are cached by form.
    func testStandingAloneIsOneWord() throws {
        let set = try defaultRules()
        var alone = 0, againstMarks = 0, marks = 0
        for s in try sentences() {
            s.withUnsafeBufferPointer { buf in
                var w = SentenceWork()
                set.prepare(buf, &w)
                let tokens = w.tokens
                var work = TagWork()
                work.tokens = tokens.map { $0.start..<$0.end }
                Tagger.shared.tag(buf, &work)
                let lazy = LazyTags()
                lazy.prepare(buf, tokens, lemmas: true)
                for pos in tokens.indices {
                    let t = tokens[pos]
                    guard FormLemmas.isWholeForm(buf.baseAddress! + Int(t.start), Int(t.end - t.start)), lazy.standsAlone(pos) else { continue }
                    let words = work.words.filter { $0.token == Int32(pos) }
                    XCTAssertEqual(words.count, 1, "token \(pos) of \(String(decoding: s, as: UTF8.self))")
                    XCTAssertEqual(words.first.map { $0.start..<$0.end }, t.start..<t.end, "token \(pos) of \(String(decoding: s, as: UTF8.self))")
                    alone += 1
                    if t.end - t.start == 1 && !Tagger.isWholeWordForm(buf.baseAddress! + Int(t.start), 1) { marks += 1 }
                    if (pos > 0 && tokens[pos - 1].end == t.start) || (pos + 1 < tokens.count && tokens[pos + 1].start == t.end) { againstMarks += 1 }
                }
                lazy.finish()
            }
        }
        XCTAssertGreaterThan(alone, 1_000)
        XCTAssertGreaterThan(againstMarks, 100)
        XCTAssertGreaterThan(marks, 100)
    }

    /// The lemma ids `LazyTags` gives a token under every Penn tag (from its form's cache,
    /// kept across sentences, when the token stands alone; else from the split sentence)
    /// equal those made afresh for the token by the split sentence, on every token of the
    /// samples; and a dictionary tag it knows without tagging is the token's tag.
    func testCachedLemmasEqualFreshOnes() throws {
        let set = try defaultRules()
        let lazy = LazyTags()
        lazy.useRules(set.namesSource, vocab: set.vocab)
        var checked = 0, fromForms = 0, known = 0
        var scratch: [UInt8] = [], lemma: [UInt8] = []
        // Twice over: the second pass reads the forms the first one cached.
        for s in try sentences() + sentences() {
            s.withUnsafeBufferPointer { buf in
                var w = SentenceWork()
                set.prepare(buf, &w)
                let tokens = w.tokens
                var tagged = tokens
                set.tagTokens(buf, &tagged, &w.tagger)
                var fresh = LazyTagWork()
                fresh.work.tokens = tokens.map { $0.start..<$0.end }
                Tagger.shared.begin(buf, &fresh)
                lazy.prepare(buf, tokens, lemmas: true)
                for pos in tokens.indices {
                    let ids = lazy.lemmaCandidates(pos, upos: TagTests.allUPOS, xpos: TagTests.allXPOS)
                    var x = Tagger.shared.pennTags(upos: TagTests.allUPOS, xpos: TagTests.allXPOS), k = 0
                    while x != 0 {
                        Tagger.shared.tokenLemma(pos, xpos: x.trailingZeroBitCount, &fresh, into: &lemma)
                        XCTAssertEqual(ids[k], TagTests.lemmaID(lemma[...], set.vocab, &scratch),
                                       "token \(pos), tag \(x.trailingZeroBitCount) of \(String(decoding: s, as: UTF8.self))")
                        checked += 1
                        x &= x - 1; k += 1
                    }
                    let t = tokens[pos]
                    if lazy.standsAlone(pos) && FormLemmas.isWholeForm(buf.baseAddress! + Int(t.start), Int(t.end - t.start)) { fromForms += 1 }
                    if let k = lazy.knownToken(pos) {
                        XCTAssertEqual([k.upos, k.xpos], [tagged[pos].upos, tagged[pos].xpos], "token \(pos) of \(String(decoding: s, as: UTF8.self))")
                        XCTAssertEqual(k.lemma, tagged[pos].lemma, "token \(pos) of \(String(decoding: s, as: UTF8.self))")
                        known += 1
                    }
                }
                lazy.finish()
            }
        }
        XCTAssertGreaterThan(checked, 100_000)
        XCTAssertGreaterThan(fromForms, 10_000)
        XCTAssertGreaterThan(known, 1_000)
    }

    /// Whole sentences: matching with guesses gives what matching on tagged tokens gives.
    func testGuessedMatchingEqualsTaggedMatching() throws {
        let set = try defaultRules()
        var matches = 0
        for s in try sentences() {
            s.withUnsafeBufferPointer { buf in
                let guessed = set.matches(in: buf), reference = set.matchesTaggingFirst(in: buf)
                XCTAssertEqual(guessed, reference, String(decoding: s, as: UTF8.self))
                matches += reference.count
            }
        }
        XCTAssertGreaterThan(matches, 100)
    }

    /// A lemma test fails, without tagging, a sentence where no word can have its lemma, and
    /// a dictionary word answers a tag test exactly: neither sentence is tagged.
    func testLemmaAndDictionaryAnswersTagNothing() throws {
        func tagged(_ pattern: String, _ sentences: [String]) throws -> (found: [Int], tagged: [Int]) {
            let set = try singleRule(pattern)
            var out: (found: [Int], tagged: [Int]) = ([], [])
            for s in sentences {
                var stats = MatchStats()
                let ms = Array(s.utf8).withUnsafeBufferPointer { set.matches(in: $0, stats: &stats) }
                out.found.append(ms.count)
                out.tagged.append(stats.sentencesTagged)
            }
            return out
        }
        // No word of the first can be a form of "warn": the rule fails with nothing tagged.
        let lemma = try tagged("Russia (%word){0,3} %VERB&warn", ["Russia and its allies met in Paris.", "Russia warned them."])
        XCTAssertEqual(lemma.found, [0, 1])
        XCTAssertEqual(lemma.tagged, [0, 1])
        // "and" after 40 is a dictionary word (CCONJ): no plural noun, known without tagging.
        let noun = try tagged("%num %NNS", ["Russia has 40 and more.", "Russia has 40 sorties."])
        XCTAssertEqual(noun.found, [0, 1])
        XCTAssertEqual(noun.tagged, [0, 1])
    }

    /// Every token of the sentences, tagged with its whole sentence, whose lemma's forms can be
    /// named under its Penn tag (`Tagger.lemmaForms`) has one of them, as claimex's tokenizer
    /// cuts and normalises it: a lemma test's requirement and its untagged rejection
    /// (`TestTable.guess`) then never turn away a token that passes it.
    func testEveryTokenHasANamedFormOfItsLemma() throws {
        var checked = 0
        var memo: [[UInt8]: Set<[UInt8]>?] = [:]
        let extra = ["He'll say they'd said it, she's saying, we've SAID, I'm telling, they're thinking; whats wanna, gonna.",
                     "Lets say its not; said's, SAYS'D, Thought\u{2019}ll, didn't, dont, cannot say, they\u{2019}re urging."]
        for s in try sentences() + extra.map({ Array($0.utf8) }) {
            var tokens: [Token] = [], norm: [UInt8] = [], ranges: [Range<Int>] = []
            s.withUnsafeBufferPointer { Tokenizer.tokenize($0, into: &tokens, norm: &norm, normRanges: &ranges) }
            var work = TagWork()
            for t in tokens { work.tokens.append(t.start..<t.end) }
            s.withUnsafeBufferPointer { Tagger.shared.tag($0, &work) }
            for (k, tag) in work.tokenTags.enumerated() {
                let lemma = Tagger.lowercase(work.lemmaBytes[Int(tag.lemma.lowerBound)..<Int(tag.lemma.upperBound)])
                let key = lemma + [0, tag.xpos]
                if memo[key] == nil { memo[key] = .some(Tagger.shared.lemmaForms(lemma, tags: 1 << UInt64(tag.xpos)).map { Set($0) }) }
                guard let forms = memo[key]! else { continue }
                checked += 1
                let form = Array(norm[ranges[k]])
                XCTAssertTrue(forms.contains(form), "\(String(decoding: form, as: UTF8.self)): lemma \(String(decoding: lemma, as: UTF8.self)), \(TagSet.xpos[Int(tag.xpos)])")
            }
        }
        XCTAssertGreaterThan(checked, 1000)
    }

    /// The default rules' stance verbs (`<stance-lemma>`) name their forms, so
    /// `position.holder-lemma` needs one ("said": an exception's form) in a sentence.
    func testStanceLemmasBecomeARequirement() throws {
        let set = try defaultRules()
        let rule = try XCTUnwrap(set.rules.first { $0.id == "position.holder-lemma" })
        var vocab = set.vocab
        let said = vocab.intern(Array("said".utf8)), thought = vocab.intern(Array("thought".utf8))
        XCTAssertTrue(rule.program.requirements.contains { $0.ids.contains(said) && $0.ids.contains(thought) })
        // The noun "statement" is no form of a verb lemma test.
        let statement = vocab.intern(Array("statement".utf8))
        XCTAssertFalse(rule.program.requirements.contains { $0.ids.contains(said) && $0.ids.contains(statement) })
    }
}
