/// What the rules did with one sentence, for `claimex explain`: the tokens and their classes,
/// the matches kept, the matches vetoed or suppressed (every match of a rule, not only its
/// first), and for each triggered rule that did not match, the pattern element where it got
/// furthest.
public struct Explanation: Sendable {
    public struct TokenInfo: Sendable, Equatable {
        public var text: String
        public var range: Range<Int>
        public var classes: [String]
        /// False when no rule mentions this word.
        public var known: Bool
    }

    public struct Miss: Sendable, Equatable {
        public var ruleID: String
        public var file: String
        public var line: Int
        /// 0-based index of the top-level pattern element where matching stopped.
        public var element: Int
        /// Source text of that element and of the innermost atom that failed.
        public var elementSource: String
        public var atomSource: String
        /// The token it failed on, nil at the end of the sentence.
        public var token: String?
        public var tokenIndex: Int
    }

    public var sentence: String
    public var tokens: [TokenInfo]
    public var matched: [Match]
    public var vetoed: [(match: Match, unless: String)]
    public var suppressed: [(match: Match, by: String)]
    public var misses: [Miss]
    /// Rules executed (triggered or always-run) and rules in the set.
    public var rulesRun: Int
    public var ruleCount: Int

    public func render() -> String {
        let bytes = Array(sentence.utf8)
        func text(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }
        func describe(_ m: Match) -> String {
            var s = "\(m.ruleID)  [\(m.tag.rawValue)]  \(m.file):\(m.line)  bytes \(m.range.lowerBound)..<\(m.range.upperBound)  \"\(text(m.range))\""
            for c in m.captures { s += "\n      \(c.name) = \"\(text(c.range))\"" }
            for f in m.fields { s += "\n      \(f.name) := \(f.value)" }
            return s
        }
        var out = "sentence: \(sentence)\n\ntokens:\n"
        for (k, t) in tokens.enumerated() {
            let idx = String(k).leftPad(3)
            out += "  \(idx)  \(t.text.rightPad(16)) \(t.classes.joined(separator: " "))\(t.known ? "" : "  (no rule mentions it)")\n"
        }
        out += "\nmatched (\(matched.count)):\n"
        if matched.isEmpty { out += "  none\n" }
        for m in matched { out += "  " + describe(m) + "\n" }
        if !vetoed.isEmpty {
            out += "\nvetoed by unless:\n"
            for v in vetoed { out += "  \(describe(v.match))\n      unless: \(v.unless)\n" }
        }
        if !suppressed.isEmpty {
            out += "\nsuppressed by an overlapping \(suppressed.count == 1 ? "match" : "matches") of the same tag:\n"
            for s in suppressed { out += "  \(describe(s.match))\n      lost to: \(s.by)\n" }
        }
        out += "\ntriggered but not matched (\(misses.count)):\n"
        if misses.isEmpty { out += "  none\n" }
        for m in misses {
            let at = m.token.map { "token \(m.tokenIndex) \"\($0)\"" } ?? "end of sentence"
            out += "  \(m.ruleID)  \(m.file):\(m.line)\n      stopped at element \(m.element + 1) `\(m.elementSource)`"
            if m.atomSource != m.elementSource { out += " (at `\(m.atomSource)`)" }
            out += " on \(at)\n"
        }
        out += "\n\(rulesRun) of \(ruleCount) rules ran (the others' trigger words are absent)\n"
        return out
    }
}

extension RuleSet {
    /// Runs every rule on `sentence` and reports what happened, including near misses.
    public func explain(sentence: [UInt8]) -> Explanation {
        sentence.withUnsafeBufferPointer { buf in
            var w = SentenceWork()
            prepare(buf, &w)
            let tokens = w.tokens
            var hits: [RuleHit] = [], vetoed: [(Match, String)] = [], misses: [Explanation.Miss] = []
            let run = candidates(&w)
            for r in run {
                let rule = rules[Int(r)]
                var vetoedHits: [RuleHit] = []
                let outcome = tokens.withUnsafeBufferPointer {
                    evaluate(Int(r), $0, buf, &w.vm, diagnose: true, into: &hits, vetoed: &vetoedHits)
                }
                switch outcome {
                case .matched: break
                case .vetoed(let k):
                    for hit in vetoedHits { vetoed.append((makeMatch(hit, tokens, buf), rule.unless[k].source)) }
                case .noMatch(let pos, let inst):
                    guard inst >= 0 else { continue }
                    let p = rule.program
                    let element = Int(p.instElement[inst])
                    misses.append(Explanation.Miss(
                        ruleID: rule.id, file: rule.file, line: rule.line, element: element,
                        elementSource: p.text(p.elements[element]), atomSource: p.text(p.instLeaf[inst]),
                        token: pos < tokens.count ? String(decoding: buf[tokens[pos].range], as: UTF8.self) : nil,
                        tokenIndex: pos))
                }
            }
            let resolved = resolve(hits, tokens, buf)
            let tokenInfos = tokens.map { t in
                Explanation.TokenInfo(text: String(decoding: buf[t.range], as: UTF8.self), range: t.range,
                                      classes: t.classes.names, known: t.id >= 0)
            }
            return Explanation(
                sentence: String(decoding: sentence, as: UTF8.self), tokens: tokenInfos, matched: resolved.kept,
                vetoed: vetoed, suppressed: resolved.suppressed.map { (makeMatch($0.hit, tokens, buf), rules[$0.by].id) },
                misses: misses, rulesRun: run.count, ruleCount: rules.count)
        }
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
    func rightPad(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
