import Foundation
import Tagger

/// `--dev FILE`: tags a CoNLL-U file's sentences (its words as tokens, joined by spaces)
/// with a freshly trained model and prints UPOS and Penn accuracy on the words that align,
/// for choosing features without building claimex (`scripts/tagger-accuracy.py` gives the
/// official measure on claimex's own tokens). With CLAIMEX_TRAIN_ERRORS set, each wrong
/// UPOS is printed on standard output.
enum DevEval {
    static func run(model bytes: [UInt8], sentences: [[TreebankWord]]) -> String {
        bytes.withUnsafeBytes { raw -> String in
            // The model is read in place and needs 8-byte alignment.
            let buf = UnsafeMutableRawBufferPointer.allocate(byteCount: raw.count, alignment: 8)
            defer { buf.deallocate() }
            buf.copyMemory(from: raw)
            let model = try! TaggerModel(bytes: UnsafeRawBufferPointer(buf))
            let tagger = Tagger(model: model)
            var work = TagWork()
            work.lemmas = false
            let errors = ProcessInfo.processInfo.environment["CLAIMEX_TRAIN_ERRORS"] != nil
            var total = 0, aligned = 0, upos = 0, xpos = 0
            for s in sentences {
                var text: [UInt8] = [], spans: [Range<Int32>] = []
                for x in s {
                    if !text.isEmpty { text.append(0x20) }
                    spans.append(Int32(text.count)..<Int32(text.count + x.form.count))
                    text += x.form
                }
                work.tokens = spans
                text.withUnsafeBufferPointer { tagger.tag($0, &work) }
                var at: [Int64: TaggedWord] = [:]
                for w in work.words { at[Int64(w.start) << 32 | Int64(w.end)] = w }
                for (k, x) in s.enumerated() {
                    total += 1
                    guard let w = at[Int64(spans[k].lowerBound) << 32 | Int64(spans[k].upperBound)] else { continue }
                    aligned += 1
                    if Int(w.upos) == x.upos { upos += 1 } else if errors {
                        // word, gold UPOS, tagged UPOS, gold and tagged Penn, the sentence
                        print("ERR\t\(String(decoding: x.form, as: UTF8.self))\t\(TagSet.upos[x.upos])\t\(TagSet.upos[Int(w.upos)])\t\(TagSet.xpos[x.xpos])\t\(TagSet.xpos[Int(w.xpos)])\t\(String(decoding: text, as: UTF8.self))")
                    }
                    if Int(w.xpos) == x.xpos { xpos += 1 }
                }
            }
            func r(_ n: Int) -> String { String(format: "%.4f", Double(n) / Double(max(total, 1))) }
            return "dev: \(total) words, aligned \(r(aligned)), UPOS \(r(upos)), Penn \(r(xpos))\n"
        }
    }
}
