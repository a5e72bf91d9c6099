/// Result of running every rule's embedded examples (`claimex test`).
public struct RuleTestReport: Sendable {
    public struct RuleResult: Sendable {
        public var ruleID: String
        public var file: String
        public var line: Int
        public var passed: Int
        public var failures: [Failure]
    }

    public struct Failure: Sendable, Equatable {
        /// `file:line` of the failing example.
        public var location: String
        public var ruleID: String
        public var message: String
    }

    public var rules: [RuleResult] = []
    public var warnings: [RuleDiagnostic] = []

    public var failures: [Failure] { rules.flatMap(\.failures) }
    public var failed: Bool { !failures.isEmpty }
    public var exampleCount: Int { rules.reduce(0) { $0 + $1.passed + $1.failures.count } }

    public func render() -> String {
        var out = ""
        for r in rules {
            let total = r.passed + r.failures.count
            let status = total == 0 ? "no examples" : r.failures.isEmpty ? "ok" : "FAIL"
            out += "\(status.rightPad(11)) \(r.ruleID.rightPad(32)) \(r.passed)/\(total)  \(r.file):\(r.line)\n"
        }
        if failed {
            out += "\nfailures:\n"
            for f in failures { out += "\(f.location): \(f.ruleID): \(f.message)\n" }
        }
        if !warnings.isEmpty {
            out += "\n" + warnings.map { "\($0.location): warning: \($0.message)" }.joined(separator: "\n") + "\n"
        }
        let failedCount = failures.count
        out += "\n\(rules.count) rules, \(exampleCount) examples: \(exampleCount - failedCount) passed, \(failedCount) failed"
        out += failed ? " -- FAIL\n" : " -- ok\n"
        return out
    }
}

extension RuleSet {
    /// Runs each rule on its own examples: a `match:` sentence must match (and one of the
    /// rule's matches in it must give every expected capture text), a `no-match:` sentence must
    /// not (after `unless`). Examples test the rule alone; a warning notes when the conflict
    /// policy drops the example's match in the full set.
    public func runExamples() -> RuleTestReport {
        precondition(hasLeaves, "runExamples on a rule set loaded without leaves")
        var report = RuleTestReport()
        report.warnings = warnings
        for (r, rule) in rules.enumerated() {
            var result = RuleTestReport.RuleResult(ruleID: rule.id, file: rule.file, line: rule.line, passed: 0, failures: [])
            if rule.examples.isEmpty {
                report.warnings.append(RuleDiagnostic(file: rule.file, line: rule.line, column: rule.column, severity: .warning,
                                                      message: "rule '\(rule.id)' has no examples"))
            }
            for ex in rule.examples {
                if let problem = check(ex, rule: r, warnings: &report.warnings) {
                    result.failures.append(.init(location: "\(ex.file):\(ex.line)", ruleID: rule.id, message: problem))
                } else {
                    result.passed += 1
                }
            }
            report.rules.append(result)
        }
        return report
    }

    /// nil when the example passes, else what went wrong.
    private func check(_ ex: RuleExample, rule r: Int, warnings: inout [RuleDiagnostic]) -> String? {
        let bytes = Array(ex.text.utf8)
        return bytes.withUnsafeBufferPointer { buf -> String? in
            var w = SentenceWork()
            prepare(buf, &w)
            if rules[r].needsTags { tagTokens(buf, &w.tokens, &w.tagger) }
            let tokens = w.tokens
            let rule = rules[r]
            func text(_ range: Range<Int>) -> String { String(decoding: buf[range], as: UTF8.self) }
            /// nil when `m` gives every expected capture text, else the first difference.
            func captureProblem(_ m: Match) -> String? {
                for (name, expected) in ex.captures {
                    guard let c = m.captures.first(where: { $0.name == name }) else {
                        return "capture '\(name)' expected \"\(expected)\", but it captured nothing in \"\(text(m.range))\""
                    }
                    if text(c.range) != expected { return "capture '\(name)' expected \"\(expected)\", got \"\(text(c.range))\"" }
                }
                return nil
            }
            var hits: [RuleHit] = [], vetoed: [VetoedHit] = []
            let outcome = tokens.withUnsafeBufferPointer {
                evaluate(r, $0, buf, &w.vm, diagnose: true, into: &hits, vetoed: &vetoed)
            }
            switch (outcome, ex.shouldMatch) {
            case (.matched, true):
                // The example is about the first match that gives the expected captures; when
                // none does, the first match is the one reported.
                let found = hits.map { makeMatch($0, tokens, buf) }
                guard let m = found.first(where: { captureProblem($0) == nil }) else {
                    let problem = captureProblem(found[0]) ?? ""
                    return found.count == 1 ? problem : problem + " (first of \(found.count) matches; none gives every expected capture)"
                }
                let full = matches(in: buf)
                if !full.contains(m) {
                    let winner = full.first { $0.tag == rule.tag && $0.range.overlaps(m.range) }?.ruleID ?? "?"
                    warnings.append(RuleDiagnostic(file: ex.file, line: ex.line, column: 1, severity: .warning,
                        message: "example matches '\(rule.id)' alone, but in the full rule set an overlapping '\(winner)' wins"))
                }
                return nil
            case (.matched, false):
                let more = hits.count > 1 ? " (and \(hits.count - 1) more)" : ""
                return "expected no match, but matched \"\(text(byteRange(reported(hits[0]), tokens)))\"\(more)"
            case (.vetoed(let k), true):
                return "matched, but vetoed by unless `\(rule.unless[k].source)`"
            case (.vetoed, false), (.noMatch, false):
                return nil
            case (.noMatch(let pos, let inst), true):
                guard inst >= 0 else { return "expected a match, got none" }
                let p = rule.program
                let element = Int(p.instElement[inst])
                let at = pos < tokens.count ? "on \"\(text(tokens[pos].range))\"" : "at the end of the sentence"
                return "expected a match, got none (stopped at element \(element + 1) `\(p.text(p.elements[element]))` \(at))"
            }
        }
    }
}
