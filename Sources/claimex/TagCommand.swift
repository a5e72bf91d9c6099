import ArgumentParser
import Dispatch
import Foundation
import Ingest
import Pipeline
import Rules
import Tagger

struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Print each sentence's words with their part of speech and lemma (CoNLL-U).",
        discussion: """
            Tags claimex's own tokens; a contraction or a split compound (don't, long-term) is a \
            CoNLL-U multiword token whose words the tagger sees separately. MISC holds each \
            word's byte range in its sentence (Range=start:end). The model is trained on the \
            Universal Dependencies English Web Treebank (CC BY-SA 4.0).
            Examples:
              claimex tag samples/sceeus-2024-putin-in-beijing.txt
              echo "China demands that the West should stop." | claimex tag --lines -
              claimex tag --lines --speed big.txt     (tagging throughput only, no output)
            """)

    @Argument(help: "A .txt/.md or .html file, or - for standard input.")
    var file: String

    @Flag(help: "Each input line is one sentence (no ingest or sentence splitting).")
    var lines = false

    @Flag(help: "Print only the throughput (tokens a second, CPU time of tagging alone): tags, then tags and lemmas.")
    var speed = false

    func run() throws {
        var sentences: [[UInt8]] = []
        if lines {
            let data: Data
            do {
                data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                Console.error("\(file): \(error.localizedDescription)")
                throw Status.inputsFailed
            }
            sentences = data.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0.last == 0x0D ? $0.dropLast() : $0) }
            if sentences.last?.isEmpty == true { sentences.removeLast() }
        } else {
            let document: Document
            do { document = try Ingest.read(path: file) } catch {
                Console.error("\(error)")
                throw Status.inputsFailed
            }
            sentences = Extractor(rules: .empty, allSentences: true).segmenter.sentences(in: document).map { Array(document.text[$0.range]) }
        }
        let tokenized = sentences.map { s in Tokenizer.tokenize(s).map { $0.token.start..<$0.token.end } }
        var work = TagWork()
        if speed { return measure(sentences, tokenized, &work) }
        var out: [UInt8] = []
        for (k, s) in sentences.enumerated() {
            work.tokens = tokenized[k]
            s.withUnsafeBufferPointer { Tagger.shared.tag($0, &work) }
            out += Array("# sent_id = \(k + 1)\n# text = ".utf8) + s.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 } + [0x0A]
            var w = 0, id = 1
            for t in work.tokens.indices {
                var end = w
                while end < work.words.count && Int(work.words[end].token) == t { end += 1 }
                if end - w > 1 {
                    let r = work.tokens[t]
                    out += Array("\(id)-\(id + end - w - 1)\t".utf8) + s[Int(r.lowerBound)..<Int(r.upperBound)]
                        + Array("\t_\t_\t_\t_\t_\t_\t_\tRange=\(r.lowerBound):\(r.upperBound)\n".utf8)
                }
                for word in work.words[w..<end] {
                    let lemma = work.lemmaBytes[Int(word.lemma.lowerBound)..<Int(word.lemma.upperBound)]
                    out += Array("\(id)\t".utf8) + s[Int(word.start)..<Int(word.end)] + [0x09] + lemma
                        + Array("\t\(TagSet.upos[Int(word.upos)])\t\(TagSet.xpos[Int(word.xpos)])\t_\t_\t_\t_\tRange=\(word.start):\(word.end)\n".utf8)
                    id += 1
                }
                w = end
            }
            out.append(0x0A)
            if out.count > 1 << 16 { FileHandle.standardOutput.write(Data(out)); out.removeAll(keepingCapacity: true) }
        }
        FileHandle.standardOutput.write(Data(out))
    }

    /// Tags every sentence (three rounds, the fastest counted) and prints the throughput:
    /// tags alone (as rules without lemma tests use it), then tags and lemmas.
    private func measure(_ sentences: [[UInt8]], _ tokenized: [[Range<Int32>]], _ work: inout TagWork) {
        let tokens = tokenized.reduce(0) { $0 + $1.count }
        for lemmas in [false, true] {
            work.lemmas = lemmas
            var best = Double.infinity
            for _ in 0..<3 {
                let t0 = cpuSeconds()
                for (k, s) in sentences.enumerated() {
                    work.tokens = tokenized[k]
                    s.withUnsafeBufferPointer { Tagger.shared.tag($0, &work) }
                }
                best = min(best, cpuSeconds() - t0)
            }
            print("\(lemmas ? "tags and lemmas" : "tags"): \(tokens) tokens in \(String(format: "%.4f", best)) s of CPU: \(Int(Double(tokens) / best)) tokens/s")
        }
    }

    private func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
