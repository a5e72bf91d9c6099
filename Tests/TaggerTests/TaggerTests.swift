import XCTest
@testable import Tagger

/// The built-in model on sentences written for these tests (not from the treebank): tags,
/// lemmas, contractions and compounds, offsets.
final class TaggerTests: XCTestCase {
    /// Tags `sentence` split at spaces (as claimex tokens would be, for these sentences).
    func tag(_ sentence: String) -> (work: TagWork, tokens: [String]) {
        let bytes = Array(sentence.utf8)
        var work = TagWork()
        var start = 0
        for k in 0...bytes.count where k == bytes.count || bytes[k] == 0x20 {
            if k > start { work.tokens.append(Int32(start)..<Int32(k)) }
            start = k + 1
        }
        bytes.withUnsafeBufferPointer { Tagger.shared.tag($0, &work) }
        return (work, work.tokens.map { String(decoding: bytes[Int($0.lowerBound)..<Int($0.upperBound)], as: UTF8.self) })
    }

    func upos(_ sentence: String) -> [String] { tag(sentence).work.tokenTags.map { TagSet.upos[Int($0.upos)] } }
    func xpos(_ sentence: String) -> [String] { tag(sentence).work.tokenTags.map { TagSet.xpos[Int($0.xpos)] } }
    func lemmas(_ sentence: String) -> [String] { let t = tag(sentence); return t.work.tokenTags.map { t.work.lemma($0.lemma) } }

    func testTagsOfPlainSentences() {
        XCTAssertEqual(upos("The ministers will defend the new treaty ."),
                       ["DET", "NOUN", "AUX", "VERB", "DET", "ADJ", "NOUN", "PUNCT"])
        XCTAssertEqual(xpos("The ministers will defend the new treaty ."),
                       ["DT", "NNS", "MD", "VB", "DT", "JJ", "NN", "."])
        XCTAssertEqual(upos("Russia has signed 12 agreements with China ."),
                       ["PROPN", "AUX", "VERB", "NUM", "NOUN", "ADP", "PROPN", "PUNCT"])
        XCTAssertEqual(xpos("She quickly rejected their proposals ."), ["PRP", "RB", "VBD", "PRP$", "NNS", "."])
    }

    /// The same word, noun or verb by context.
    func testContextDecides() {
        XCTAssertEqual(upos("They demand a ceasefire .")[1], "VERB")
        XCTAssertEqual(upos("The demand for oil fell .")[1], "NOUN")
        XCTAssertEqual(upos("We should act now .")[1], "AUX")
        XCTAssertEqual(upos("We act now .")[1], "VERB")
    }

    func testLemmas() {
        XCTAssertEqual(lemmas("The ministers were defending their countries ."),
                       ["the", "minister", "be", "defend", "their", "country", "."])
        XCTAssertEqual(lemmas("He took the better offers and stopped ."),
                       ["he", "take", "the", "good", "offer", "and", "stop", "."])
        // Proper nouns keep their case; numbers stay as written.
        XCTAssertEqual(lemmas("Germany spent 2.5 billion ."), ["Germany", "spend", "2.5", "billion", "."])
    }

    /// Regular inflection of words the treebank never saw, by the rules alone.
    func testLemmaRulesForUnseenWords() {
        func rule(_ word: String, _ tag: String) -> String {
            let o = Array(word.utf8), f = o.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
            var out = [UInt8](repeating: 0, count: o.count + 2)
            let n = out.withUnsafeMutableBufferPointer { p in
                Lemmatizer.rule(o, f, o.count, xpos: TagSet.xposIndex(tag)!, known: { _, _ in 0 }, out: p.baseAddress!)
            }
            return String(decoding: out[..<n], as: UTF8.self)
        }
        XCTAssertEqual(rule("blorfs", "NNS"), "blorf")
        XCTAssertEqual(rule("blorfies", "NNS"), "blorfy")
        XCTAssertEqual(rule("blorfing", "VBG"), "blorf")
        XCTAssertEqual(rule("zapped", "VBD"), "zap")
        XCTAssertEqual(rule("glorified", "VBN"), "glorify")
        XCTAssertEqual(rule("Blorfs", "NNPS"), "Blorf")
        XCTAssertEqual(rule("Blorf", "NNP"), "Blorf")
    }

    /// WordNet's parts of speech in the model: lemmas, regular inflections by morphy's endings,
    /// irregular forms from its exception lists, -ly adverbs of adjectives.
    func testWordNetPartsOfSpeech() {
        func bits(_ word: String) -> UInt64 {
            let b = Array(word.utf8)
            return b.withUnsafeBufferPointer { Lexical.bits($0.baseAddress!, $0.count) { Tagger.shared.model.wordnetEntry($0) } }
        }
        XCTAssertNotEqual(bits("ramshackle") & UInt64(Lexical.adjective), 0)
        XCTAssertNotEqual(bits("defenestrated") & UInt64(Lexical.verb) << 4, 0)
        XCTAssertNotEqual(bits("geese") & UInt64(Lexical.noun) << 4, 0)
        XCTAssertNotEqual(bits("gaudily") & UInt64(Lexical.adverb) << 4, 0)
        XCTAssertEqual(bits("blorfs"), 0x100)
        // An unknown word's tag follows, and its lemma is the stem WordNet knows.
        XCTAssertEqual(upos("They defenestrated the minister ."), ["PRON", "VERB", "DET", "NOUN", "PUNCT"])
        XCTAssertEqual(lemmas("They defenestrated the minister .")[1], "defenestrate")
    }

    /// A contraction is two treebank words; the token takes its first word's tags and lemma.
    func testContractionsAndCompounds() {
        let t = tag("They don't want long-term deals .")
        XCTAssertEqual(t.work.words.count, 9)  // They do n't want long - term deals .
        XCTAssertEqual(t.work.tokenTags.map { TagSet.upos[Int($0.upos)] }, ["PRON", "AUX", "VERB", "NOUN", "NOUN", "PUNCT"])
        XCTAssertEqual(t.work.lemma(t.work.tokenTags[1].lemma), "do")
        XCTAssertEqual(t.work.lemma(t.work.tokenTags[3].lemma), "long-term")
        // Word offsets lie inside their token's.
        for w in t.work.words {
            let r = t.work.tokens[Int(w.token)]
            XCTAssertTrue(r.lowerBound <= w.start && w.end <= r.upperBound)
        }
        XCTAssertEqual(lemmas("I can't and won't go ."), ["I", "can", "and", "will", "go", "."])
        // A prefix the treebank keeps joined: one word.
        XCTAssertEqual(tag("an anti-war protest").work.words.count, 3)
    }

    /// Pieces claimex splits but the treebank keeps as one word are tagged as one word; each
    /// of their tokens takes its tags.
    func testJoinsWhatTheTreebankKeepsWhole() {
        func words(_ text: String, _ cuts: [Range<Int32>]) -> [String] {
            let bytes = Array(text.utf8)
            var work = TagWork()
            work.tokens = cuts
            bytes.withUnsafeBufferPointer { Tagger.shared.tag($0, &work) }
            XCTAssertEqual(work.tokenTags.count, cuts.count)
            return work.words.map { String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self) }
        }
        XCTAssertEqual(words("Dr. Smith", [0..<2, 2..<3, 4..<9]), ["Dr.", "Smith"])
        XCTAssertEqual(words("Wait...", [0..<4, 4..<5, 5..<6, 6..<7]), ["Wait", "..."])
        XCTAssertEqual(words("see www.x.com.", [0..<3, 4..<7, 7..<8, 8..<9, 9..<10, 10..<13, 13..<14]), ["see", "www.x.com", "."])
        XCTAssertEqual(words("on 01/24/2001", [0..<2, 3..<5, 5..<6, 6..<8, 8..<9, 9..<13]), ["on", "01/24/2001"])
        XCTAssertEqual(words("call 853-7906", [0..<4, 5..<8, 8..<9, 9..<13]), ["call", "853-7906"])
        XCTAssertEqual(words("in 1990 - 2000", [0..<2, 3..<7, 8..<9, 10..<14]), ["in", "1990", "-", "2000"])
        XCTAssertEqual(words("great :)", [0..<5, 6..<7, 7..<8]), ["great", ":)"])
        XCTAssertEqual(words("dont", [0..<4]), ["do", "nt"])
        XCTAssertEqual(words("$$$ <<", [0..<1, 1..<2, 2..<3, 4..<5, 5..<6]), ["$$$", "<<"])
        XCTAssertEqual(words("----==", [0..<1, 1..<2, 2..<3, 3..<4, 4..<5, 5..<6]), ["----=="])
        XCTAssertEqual(words("on alt.animals.cat.", [0..<2, 3..<6, 6..<7, 7..<14, 14..<15, 15..<18, 18..<19]), ["on", "alt.animals.cat", "."])
        XCTAssertEqual(words("one.two is", [0..<3, 3..<4, 4..<7, 8..<10]), ["one", ".", "two", "is"])  // one dot: a missing space
    }

    /// The same from tokens given as pieces (" " is a space between tokens).
    func testJoinsAddressesNumbersAndAbbreviations() {
        func words(_ pieces: [String]) -> [String] {
            var text: [UInt8] = [], cuts: [Range<Int32>] = []
            for p in pieces {
                if p != " " { cuts.append(Int32(text.count)..<Int32(text.count + p.utf8.count)) }
                text += Array(p.utf8)
            }
            var work = TagWork()
            work.tokens = cuts
            text.withUnsafeBufferPointer { Tagger.shared.tag($0, &work) }
            XCTAssertEqual(work.tokenTags.count, cuts.count)
            return work.words.map { String(decoding: text[Int($0.start)..<Int($0.end)], as: UTF8.self) }
        }
        // An address stops at a quote or bracket.
        XCTAssertEqual(words(["Joe", "\"", "<", "joe", "@", "x.com", ">", " ", "wrote"]), ["Joe", "\"", "<", "joe@x.com", ">", "wrote"])
        XCTAssertEqual(words(["mail", " ", "joe", "@", "x.com"]), ["mail", "joe@x.com"])
        // Hashtags and handles, but not # before a number.
        XCTAssertEqual(words(["#", "audiobooks", " ", "rock"]), ["#audiobooks", "rock"])
        XCTAssertEqual(words(["@", "paulhastings", ".", "com"]), ["@paulhastings.com"])
        XCTAssertEqual(words(["#", "1", " ", "fan"]), ["#", "1", "fan"])
        // Decades and numbers' plurals.
        XCTAssertEqual(words(["the", " ", "1990", "s"]), ["the", "1990s"])
        XCTAssertEqual(words(["the", " ", "80's"]), ["the", "80's"])
        XCTAssertEqual(words(["the", " ", "80", "'s"]), ["the", "80's"])
        // Phone numbers in dotted groups, read by claimex as a decimal number, a period and a number.
        XCTAssertEqual(words(["call", " ", "713.837", ".", "1638", " ", "now"]), ["call", "713.837.1638", "now"])
        // Abbreviations: whole inside a sentence, the period split off at its end, an ellipsis whole.
        XCTAssertEqual(words(["Capt", ".", " ", "Kirk", " ", "came"]), ["Capt.", "Kirk", "came"])
        XCTAssertEqual(words(["tea", ",", " ", "etc", ".", " ", "were", " ", "sold"]), ["tea", ",", "etc.", "were", "sold"])
        XCTAssertEqual(words(["tea", ",", " ", "coffee", " ", "etc", "."]), ["tea", ",", "coffee", "etc", "."])
        XCTAssertEqual(words(["tea", " ", "etc", ".", ".", ".", " ", "and"]), ["tea", "etc", "...", "and"])
        XCTAssertEqual(words(["I", " ", "was", " ", "nice", ".", "Then"]), ["I", "was", "nice", ".", "Then"])
        XCTAssertEqual(words(["im", " ", "here"]), ["i", "m", "here"])
        // "its" as it's before what starts a predicate, "Lets" opening a sentence.
        XCTAssertEqual(words(["its", " ", "not", " ", "bad"]), ["it", "s", "not", "bad"])
        XCTAssertEqual(words(["its", " ", "totally", " ", "bad"]), ["it", "s", "totally", "bad"])
        XCTAssertEqual(words(["its", " ", "own", " ", "name"]), ["its", "own", "name"])
        XCTAssertEqual(words(["its", " ", "only", " ", "son"]), ["its", "only", "son"])
        XCTAssertEqual(words(["Lets", " ", "go"]), ["Let", "s", "go"])
        XCTAssertEqual(words(["she", " ", "lets", " ", "go"]), ["she", "lets", "go"])
        // "its" before a determiner, "its kind of"; "your" as you're before what starts a predicate.
        XCTAssertEqual(words(["its", " ", "the", " ", "best"]), ["it", "s", "the", "best"])
        XCTAssertEqual(words(["its", " ", "kind", " ", "of", " ", "odd"]), ["it", "s", "kind", "of", "odd"])
        XCTAssertEqual(words(["of", " ", "its", " ", "kind"]), ["of", "its", "kind"])
        XCTAssertEqual(words(["your", " ", "the", " ", "best"]), ["you", "r", "the", "best"])
        XCTAssertEqual(words(["your", " ", "all"]), ["your", "all"])
        XCTAssertEqual(words(["your", " ", "cat"]), ["your", "cat"])
        // File names before brackets; letter/letter abbreviations and w/ against its word.
        XCTAssertEqual(words(["file", ":", " ", "Oil", ".", "pdf", ")", "(", "See"]), ["file", ":", "Oil.pdf", ")", "(", "See"])
        XCTAssertEqual(words(["it", " ", "b", "/", "c", " ", "of"]), ["it", "b/c", "of"])
        XCTAssertEqual(words(["luck", " ", "w", "/", "it"]), ["luck", "w/", "it"])
        XCTAssertEqual(words(["spot", " ", "w", "/", " ", "City"]), ["spot", "w", "/", "City"])
        XCTAssertEqual(words(["(", "3", "-", "5213", ")"]), ["(", "3-5213", ")"])
    }

    func testEmptyAndOddInput() {
        XCTAssertEqual(upos(""), [])
        XCTAssertEqual(upos("?").count, 1)
        XCTAssertEqual(upos("Ünïcödé wörds ’s").count, 3)
    }

    func testLemmasOff() {
        let bytes = Array("They defended it".utf8)
        var work = TagWork()
        work.lemmas = false
        work.tokens = [0..<4, 5..<13, 14..<16]
        bytes.withUnsafeBufferPointer { Tagger.shared.tag($0, &work) }
        XCTAssertEqual(work.tokenTags.map { TagSet.xpos[Int($0.xpos)] }, ["PRP", "VBD", "PRP"])
        XCTAssertTrue(work.lemmaBytes.isEmpty)
    }
}
