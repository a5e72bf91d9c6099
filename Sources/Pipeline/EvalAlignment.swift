/// Matches gold units to the pipeline's sentences by text, ignoring markup, punctuation,
/// whitespace and case (gold README: "by text, not by index").
///
/// First every unit whose normalised text equals a sentence's takes it (in document
/// order, so repeated page furniture pairs up in order). Then a leftover unit whose text is
/// that of two or more consecutive free sentences takes them all (`split`: a unit the
/// segmenter cut in sentences, such as a numbered paragraph labelled as one unit, is scored
/// on the union of their tags). Then each leftover unit takes the sentence, not already
/// taken, with which it shares the longest run of words, if that run covers most of the
/// shorter of the two: a unit split some other way goes to its larger part, two units the
/// segmenter merged both go to the merged one.
enum EvalAlignment {
    enum Kind: Sendable, Equatable { case exact, split, fuzzy }

    struct Link: Sendable, Equatable {
        var sentence: Int
        var kind: Kind
        /// The last sentence of the link (a `split` link covers `sentence...through`).
        var through: Int

        init(sentence: Int, kind: Kind, through: Int? = nil) {
            self.sentence = sentence
            self.kind = kind
            self.through = through ?? sentence
        }
    }

    /// The shortest word run a fuzzy link needs, unless it is the whole shorter text.
    static let minimumRun = 3
    /// The share of the shorter text's words the common run must cover.
    static let minimumCover = 0.6

    /// One link (or nil) per unit, in unit order.
    static func align(units: [String], sentences: [String]) -> [Link?] {
        let unitKeys = units.map(EvalText.key)
        let sentenceKeys = sentences.map(EvalText.key)
        var links = [Link?](repeating: nil, count: units.count)
        var taken = [Bool](repeating: false, count: sentences.count)

        // Exact: a queue of sentence indices per key, consumed in order.
        var queues: [String: [Int]] = [:]
        for (i, k) in sentenceKeys.enumerated() where !k.isEmpty { queues[k, default: []].append(i) }
        var heads: [String: Int] = [:]
        for (u, k) in unitKeys.enumerated() where !k.isEmpty {
            guard let q = queues[k] else { continue }
            let h = heads[k, default: 0]
            guard h < q.count else { continue }
            heads[k] = h + 1
            links[u] = Link(sentence: q[h], kind: .exact)
            taken[q[h]] = true
        }

        // Split: the unit's key is the keys of consecutive free sentences run together; the
        // run nearest where the unit should be wins.
        for (u, k) in unitKeys.enumerated() where links[u] == nil && !k.isEmpty {
            let expected = expectedSentence(before: u, links: links)
            var best: (distance: Int, first: Int, last: Int)?
            for s in sentenceKeys.indices where !taken[s] && !sentenceKeys[s].isEmpty && k.hasPrefix(sentenceKeys[s]) {
                var joined = sentenceKeys[s], t = s
                while joined.count < k.count, t + 1 < sentenceKeys.count, !taken[t + 1] {
                    t += 1
                    joined += sentenceKeys[t]
                    if !k.hasPrefix(joined) { break }
                }
                guard t > s, joined == k else { continue }
                let distance = abs(s - expected)
                if best == nil || distance < best!.distance { best = (distance, s, t) }
            }
            if let b = best {
                links[u] = Link(sentence: b.first, kind: .split, through: b.last)
                for t in b.first...b.last { taken[t] = true }
            }
        }

        // Fuzzy: words interned as integers, longest common run by dynamic programming.
        var vocabulary: [String: Int] = [:]
        func ids(_ s: String) -> [Int] {
            EvalText.words(s).map { w in
                if let id = vocabulary[w] { return id }
                vocabulary[w] = vocabulary.count
                return vocabulary.count - 1
            }
        }
        let sentenceWords = sentences.map(ids)
        for u in units.indices where links[u] == nil {
            let uw = ids(units[u])
            guard !uw.isEmpty else { continue }
            let expected = expectedSentence(before: u, links: links)
            var best: (run: Int, cover: Double, distance: Int, sentence: Int)?
            for s in sentences.indices where !taken[s] && !sentenceWords[s].isEmpty {
                let sw = sentenceWords[s]
                let run = longestCommonRun(uw, sw)
                let shorter = min(uw.count, sw.count)
                let cover = Double(run) / Double(shorter)
                guard run > 0, cover >= minimumCover, run >= minimumRun || run == shorter else { continue }
                let candidate = (run, cover, abs(s - expected), s)
                if let b = best {
                    if (candidate.0, candidate.1, -candidate.2, -candidate.3) > (b.run, b.cover, -b.distance, -b.sentence) {
                        best = candidate
                    }
                } else {
                    best = candidate
                }
            }
            if let b = best { links[u] = Link(sentence: b.sentence, kind: .fuzzy) }
        }
        return links
    }

    /// Where unit `u` should be: just after the sentence of the nearest linked unit before it.
    static func expectedSentence(before u: Int, links: [Link?]) -> Int {
        var i = u - 1
        while i >= 0 {
            if let l = links[i] { return l.through + (u - i) }
            i -= 1
        }
        return u
    }

    /// Length of the longest contiguous run the two sequences share.
    static func longestCommonRun(_ a: [Int], _ b: [Int]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var prev = [Int](repeating: 0, count: b.count + 1)
        var cur = prev
        var best = 0
        for x in a {
            for j in 0..<b.count {
                cur[j + 1] = x == b[j] ? prev[j] + 1 : 0
                if cur[j + 1] > best { best = cur[j + 1] }
            }
            swap(&prev, &cur)
        }
        return best
    }
}

/// Text as alignment sees it: inline tags dropped, letters and digits only, lower case.
enum EvalText {
    /// Letters and digits, lowercased, with nothing between them.
    static func key(_ s: String) -> String {
        words(s).joined()
    }

    /// Runs of letters and decimal digits, lowercased; `<sup>`-style tags are removed first.
    static func words(_ s: String) -> [String] {
        var out: [String] = []
        var word = String.UnicodeScalarView()
        let scalars = Array(s.unicodeScalars)
        var i = 0
        func flush() {
            if !word.isEmpty { out.append(String(word).lowercased()); word = String.UnicodeScalarView() }
        }
        while i < scalars.count {
            let c = scalars[i]
            if c == "<", let end = tagEnd(scalars, i) { flush(); i = end; continue }
            if c.properties.isAlphabetic || c.properties.generalCategory == .decimalNumber {
                word.append(c)
            } else {
                flush()
            }
            i += 1
        }
        flush()
        return out
    }

    /// The index after an inline tag starting at `i` ("<sup>", "</em>", "<br/>"), if it is one.
    static func tagEnd(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        guard i + 1 < s.count else { return nil }
        let first = s[i + 1]
        guard first == "/" || (first.isASCII && first.properties.isAlphabetic) else { return nil }
        var j = i + 1
        while j < s.count, j - i <= 40 {
            if s[j] == ">" { return j + 1 }
            if s[j] == "<" { return nil }
            j += 1
        }
        return nil
    }
}
