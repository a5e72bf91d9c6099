import Tagger

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
        /// The tagger's UPOS and Penn tags and the lemma (as `%NOUN`, `%NN`, `&lemma` test them).
        public var upos: String
        public var xpos: String
        public var lemma: String
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
        /// The token it failed on (the furthest reached), nil at the end of the sentence.
        public var token: String?
        public var tokenIndex: Int
        /// When it failed inside a lexicon entry: the token the entry began on (its words up
        /// to `tokenIndex` matched), and that token's text.
        public var entryStart: Int? = nil
        public var entryToken: String? = nil
    }

    public var sentence: String
    public var tokens: [TokenInfo]
    public var matched: [Match]
    /// Vetoed matches with the veto's pattern; `inMatch`: an `unless-in-match` veto.
    public var vetoed: [(match: Match, unless: String, inMatch: Bool)]
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
            let tag = "\(t.upos) \(t.xpos) &\(t.lemma)"
            out += "  \(idx)  \(t.text.rightPad(16)) \(tag.rightPad(24)) \(t.classes.joined(separator: " "))\(t.known ? "" : "  (no rule mentions it)")\n"
        }
        out += "\nmatched (\(matched.count)):\n"
        if matched.isEmpty { out += "  none\n" }
        for m in matched { out += "  " + describe(m) + "\n" }
        if !vetoed.isEmpty {
            out += "\nvetoed by unless:\n"
            for v in vetoed { out += "  \(describe(v.match))\n      \(v.inMatch ? "unless-in-match" : "unless"): \(v.unless)\n" }
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
            out += " on \(at)"
            if let k = m.entryStart, let t = m.entryToken { out += " (entry begun on token \(k) \"\(t)\")" }
            out += "\n"
        }
        out += "\n\(rulesRun) of \(ruleCount) rules ran (the others' trigger words are absent)\n"
        return out
    }
}

extension RuleSet {
    /// Runs every rule on `sentence` and reports what happened, including near misses.
    public func explain(sentence: [UInt8]) -> Explanation {
        precondition(hasLeaves, "explain on a rule set loaded without leaves")
        return sentence.withUnsafeBufferPointer { buf in
            var w = SentenceWork()
            prepare(buf, &w)
            tagTokens(buf, &w.tokens, &w.tagger)
            let tags = w.tagger.work.tokenTags
            let tokens = w.tokens
            var hits: [RuleHit] = [], vetoed: [(Match, String, Bool)] = [], misses: [Explanation.Miss] = []
            let run = candidates(&w)
            for r in run {
                let rule = rules[Int(r)]
                var vetoedHits: [VetoedHit] = []
                let outcome = tokens.withUnsafeBufferPointer {
                    evaluate(Int(r), $0, buf, &w.vm, diagnose: true, into: &hits, vetoed: &vetoedHits)
                }
                for v in vetoedHits {
                    vetoed.append((makeMatch(v.hit, tokens, buf), rule.unless[v.unless].source, v.unless >= rule.inMatchFrom))
                }
                switch outcome {
                case .matched, .vetoed: break
                case .noMatch(var pos, var inst):
                    guard inst >= 0 else { continue }
                    var entryStart: Int?
                    if let furthest = tokens.withUnsafeBufferPointer({ furthestMiss(Int(r), $0, buf, &w.vm) }) {
                        (pos, inst, entryStart) = furthest
                    }
                    let p = rule.program
                    let element = Int(p.instElement[inst])
                    func word(_ k: Int) -> String? { k < tokens.count ? String(decoding: buf[tokens[k].range], as: UTF8.self) : nil }
                    misses.append(Explanation.Miss(
                        ruleID: rule.id, file: rule.file, line: rule.line, element: element,
                        elementSource: p.text(p.elements[element]), atomSource: p.text(p.instLeaf[inst]),
                        token: word(pos), tokenIndex: pos, entryStart: entryStart, entryToken: entryStart.flatMap(word)))
                }
            }
            let resolved = resolve(hits, tokens, buf)
            let tokenInfos = zip(tokens, tags).map { t, tag in
                Explanation.TokenInfo(text: String(decoding: buf[t.range], as: UTF8.self), range: t.range,
                                      classes: t.classes.names, known: t.id >= 0,
                                      upos: TagSet.upos[Int(tag.upos)], xpos: TagSet.xpos[Int(tag.xpos)],
                                      lemma: w.tagger.work.lemma(tag.lemma))
            }
            return Explanation(
                sentence: String(decoding: sentence, as: UTF8.self), tokens: tokenInfos, matched: resolved.kept,
                vetoed: vetoed, suppressed: resolved.suppressed.map { (makeMatch($0.hit, tokens, buf), rules[$0.by].id) },
                misses: misses, rulesRun: run.count, ruleCount: rules.count)
        }
    }
}

extension RuleSet {
    /// For a rule with a lexicon that did not match: where it got furthest when the tokens a
    /// lexicon entry matched before breaking off count as reached. The matcher counts whole
    /// elements only, so for `@actors` alone every start ties at 0 tokens and it names the
    /// first token; here "European" "Commission" against the entry "European Union" reaches
    /// "Commission". Each start is rerun alone for its own failure point; the start reaching
    /// furthest past itself wins, the earliest on ties, as in the matcher. Returns the token
    /// reached, the failed instruction and, inside an entry, the token it began on; nil for a
    /// rule without lexicons (the matcher's answer stands).
    func furthestMiss(_ r: Int, _ tokens: UnsafeBufferPointer<Token>, _ sentence: UnsafeBufferPointer<UInt8>,
                      _ vm: inout MatchVM) -> (pos: Int, inst: Int, entryStart: Int?)? {
        let code = rules[r].program.code, insts = rules[r].program.insts
        guard insts.contains(where: { if case .lexicon = $0 { return true } else { return false } }) else { return nil }
        var best: (pos: Int, inst: Int, entryStart: Int?)?
        var bestReach = -1
        for start in 0..<max(tokens.count, 1) {
            let one = [Int32(start)]
            let found = one.withUnsafeBufferPointer {
                vm.run(code, lexicons: tries, tokens: tokens, sentence: sentence, diagnose: true, starts: $0)
            }
            guard found == nil, vm.failInst >= 0 else { continue }
            var pos = vm.failPos, entryStart: Int?
            if case .lexicon(let k) = insts[vm.failInst] {
                let depth = tries.prefixLength(Int(k), in: tokens, from: pos)
                if depth > 0 { entryStart = pos; pos += depth }
            }
            if pos - start > bestReach {
                bestReach = pos - start
                best = (pos, vm.failInst, entryStart)
            }
        }
        return best
    }
}

extension LexiconTries {
    /// How many tokens from `start` on follow a path of lexicon `k`'s trie: the words of
    /// the longest entry prefix found there (0 when no entry begins with that token).
    func prefixLength(_ k: Int, in tokens: UnsafeBufferPointer<Token>, from start: Int) -> Int {
        var node = Int(roots[k]), pos = start
        while pos < tokens.count {
            let id = tokens[pos].id
            guard id >= 0, let next = child(of: node, id) else { break }
            node = next
            pos += 1
        }
        return pos - start
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
    func rightPad(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
