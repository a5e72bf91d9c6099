import Foundation
import XCTest
@testable import Tagger

/// `Tagger.lemmaForms` must name every form that can have a lemma: a rule whose lemma test
/// needs one of them is skipped on a sentence without one, and the test fails a token of
/// another form untagged. A form it misses would lose a match.
final class LemmaFormsTests: XCTestCase {
    /// Stance verbs of the default rules (regular, irregular, with typos in the treebank) and
    /// other irregular lemmas.
    static let lemmas = ["say", "tell", "think", "want", "choose", "seek", "swear", "undertake", "state", "call", "note",
                         "hope", "welcome", "agree", "deny", "worry", "plan", "prefer", "criticise", "refuse", "urge",
                         "believe", "recommend", "accept", "label", "suspect", "go", "write", "leave", "fly", "lie",
                         "lay", "stop", "free", "see", "dye", "shelf", "knife", "good", "early", "big", "focus"]

    /// Every Penn tag's bit.
    static let allTags: UInt64 = (1 << UInt64(TagSet.xpos.count)) - 1

    /// Words to run the lemmatiser on: the exception forms, every rule candidate of the
    /// lemmas above, with letters doubled, dropped and added.
    private func words() -> Set<[UInt8]> {
        // Inflections written out, so a branch of the rules `ruleCandidates` missed is caught.
        var words = Set(["denies", "denied", "worries", "worried", "leaves", "knives", "shelves", "stopped", "stopping", "freed",
                         "dyed", "dyeing", "lying", "lies", "bigger", "biggest", "earlier", "earliest", "focuses", "focused",
                         "hoped", "hoping", "planned", "planning", "states", "stated", "welcomes", "urges", "urged", "preferred",
                         "criticised", "refuses", "goes", "wrote", "written", "flies", "flew", "laid", "lain", "saw", "seen",
                         "better", "best", "calls", "noted", "agreed", "accepting"].map { Array($0.utf8) })
        for (_, form) in LemmaFormTables.shared.allListed { words.insert(form) }
        for name in Self.lemmas {
            for w in Tagger.ruleCandidates(Array(name.utf8), tags: Self.allTags) {
                words.insert(w)
                words.insert(w + [w.last!])
                words.insert(Array(w.dropLast()))
                for c in Array("sedy".utf8) { words.insert(w + [c]) }
            }
        }
        return words
    }

    func testEveryFormWithTheLemmaIsNamed() {
        let tagger = Tagger.shared
        var out = [UInt8]()
        // Each word's lemma under each tag, once.
        var byLemma: [[UInt8]: [(word: [UInt8], xpos: Int)]] = [:]
        for w in words() {
            for x in 0..<TagSet.xpos.count { byLemma[tagger.lemmaOf(w, xpos: x, &out), default: []].append((w, x)) }
        }
        var checked = 0
        for name in Self.lemmas {
            let lemma = Array(name.utf8)
            guard let all = tagger.lemmaForms(lemma, tags: Self.allTags) else { XCTFail("no forms for \(name)"); continue }
            let allSet = Set(all)
            var perTag: [Int: Set<[UInt8]>] = [:]
            for (w, x) in byLemma[lemma] ?? [] {
                checked += 1
                XCTAssertTrue(allSet.contains(w), "\(String(decoding: w, as: UTF8.self)) (\(TagSet.xpos[x])) has lemma \(name)")
                if perTag[x] == nil { perTag[x] = Set(tagger.lemmaForms(lemma, tags: 1 << UInt64(x)) ?? []) }
                XCTAssertTrue(perTag[x]!.contains(w), "\(String(decoding: w, as: UTF8.self)) under \(TagSet.xpos[x]) only")
                // A contraction of the form is named too.
                for c in WordSplitter.contractions(of: w) { XCTAssertTrue(allSet.contains(c)) }
            }
        }
        XCTAssertGreaterThan(checked, 300)
        // Irregular and misspelt forms, from the exceptions.
        let say = Set(tagger.lemmaForms(Array("say".utf8), tags: Self.allTags) ?? [])
        for w in ["said", "says", "say", "sez", "said'll", "saying", "don't"] where w != "don't" {
            XCTAssertTrue(say.contains(Array(w.utf8)), w)
        }
        XCTAssertFalse(say.contains(Array("don't".utf8)))
        let want = Set(tagger.lemmaForms(Array("want".utf8), tags: Self.allTags) ?? [])
        for w in ["wan", "wanna", "what", "whats", "wants", "wanted"] { XCTAssertTrue(want.contains(Array(w.utf8)), w) }
    }

    /// A lemma that is not all letters, or whose exceptions include a form with other bytes,
    /// has no forms to name: nothing is claimed.
    func testFormsAreNotClaimedWhenTheyCannotBeShown() {
        XCTAssertNil(Tagger.shared.lemmaForms(Array("e-mail".utf8), tags: Self.allTags))
        XCTAssertNil(Tagger.shared.lemmaForms(Array("Say".utf8), tags: Self.allTags))
        XCTAssertNil(Tagger.shared.lemmaForms([], tags: Self.allTags))
        // "be": 's and 'm are its forms in the treebank.
        XCTAssertNil(Tagger.shared.lemmaForms(Array("be".utf8), tags: Self.allTags))
    }

    /// `WordSplitter.contractions` is the inverse of `clitic`: every token `clitic` cuts is a
    /// contraction of its first part.
    func testContractionsInvertTheSplitter() {
        var heads = Self.lemmas.map { Array($0.utf8) } + ["do", "does", "ca", "wo", "is", "i", "you", "they", "that", "what",
                                                           "gon", "wan", "got", "there", "here", "can", "a", "it", "let"].map { Array($0.utf8) }
        heads += heads.map { Array($0.dropLast()) }.filter { !$0.isEmpty }
        let endings = ["", "s", "m", "d", "t", "nt", "na", "ta", "not", "re", "ve", "ll", "'s", "'m", "'d", "'re", "'ve", "'ll", "n't",
                       "'t", "'x", "'", "\u{2019}s", "n\u{2019}t", "\u{2019}ll", "lot", "ts"]
        var cut = 0
        for h in heads {
            for e in endings {
                let t = h + Array(e.utf8)
                for form in [t, t.map { $0 &- 0x61 < 26 ? $0 - 0x20 : $0 }] {
                    guard let k = form.withUnsafeBufferPointer({ WordSplitter.clitic($0.baseAddress!, $0.count) }) else { continue }
                    cut += 1
                    let head = Tagger.lowercase(form[..<k])
                    let norm = Tagger.lowercase(form[...])
                    XCTAssertTrue(WordSplitter.contractions(of: head).contains(norm), String(decoding: form, as: UTF8.self))
                }
            }
        }
        XCTAssertGreaterThan(cut, 100)
        for (word, k) in WordSplitter.wholeContractions {
            XCTAssertTrue(WordSplitter.contractions(of: Array(word[..<k])).contains(word))
        }
    }
}
