import Foundation
import Tagger

/// Reads WordNet 3.0's database files (Debian's wordnet-base, /usr/share/wordnet) into
/// `Lexical` entries: from index.noun/verb/adj/adv each one-word lemma's parts of speech, and
/// from noun/verb/adj/adv.exc each irregular form's (sung, bigger, geese) as an inflected
/// form. Keys are the normalised forms' hashes, as `WordInfo.form`.
enum WordNetReader {
    static func read(_ dir: String) -> [UInt64: UInt8]? {
        var out: [UInt64: UInt8] = [:]
        var norm = [UInt8](repeating: 0, count: 256)
        func add(_ word: ArraySlice<UInt8>, _ bits: UInt8) {
            guard !word.isEmpty, word.count < 256, !word.contains(UInt8(ascii: "_")) else { return }
            let a = Array(word)
            let form = a.withUnsafeBufferPointer { f in
                norm.withUnsafeMutableBufferPointer { WordInfo.make(f.baseAddress!, f.count, first: false, norm: $0.baseAddress!).0.form }
            }
            out[form, default: 0] |= bits
        }
        let parts: [(String, UInt8)] = [("noun", Lexical.noun), ("verb", Lexical.verb), ("adj", Lexical.adjective), ("adv", Lexical.adverb)]
        for (name, bit) in parts {
            guard let index = FileManager.default.contents(atPath: dir + "/index." + name),
                  let exc = FileManager.default.contents(atPath: dir + "/" + name + ".exc") else { return nil }
            // Index lines start with the lemma; lines starting with a space are the licence.
            for line in [UInt8](index).split(separator: 0x0A) where line.first != 0x20 {
                add(line.prefix { $0 != 0x20 }, bit)
            }
            // Exception lines: an irregular form, then its lemmas (adverbs: only as lemmas).
            for line in [UInt8](exc).split(separator: 0x0A) {
                add(line.prefix { $0 != 0x20 }, bit == Lexical.adverb ? bit : bit << 4)
            }
        }
        return out
    }
}
