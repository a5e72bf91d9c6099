import Emit

/// Prodigy: JSON Lines tasks for `spans.manual` (tags may overlap, which `ner.manual`
/// refuses): `text`, `tokens` (`text`, `start`, `end`, `id`, `ws`), `spans` (`start`,
/// `end`, `token_start`, `token_end` inclusive, `label`) and `meta` (`doc`, `n`, shown in
/// the corner of the card). Offsets in code points, as Python counts them. Tokens split at
/// spaces and punctuation and at every span boundary, so each span covers whole tokens.
/// Reading back (`prodigy db-out`), rejected and ignored tasks are left out and an
/// `accept` list (choice interfaces) counts as labels.
public enum ProdigyFormat {
    public static func export(_ docs: [ReviewDocument], unit: OffsetUnit) -> [UInt8] {
        var w = JSONWriter(reservingCapacity: 1 << 16)
        for d in docs {
            for s in d.sentences {
                let spans = s.tags.map { (Exporter.span($0, in: s, unit), $0.label, $0.text) }
                let tokens = tokenize(s.text, unit: unit, cuts: Set(spans.flatMap { [$0.0.lowerBound, $0.0.upperBound] }))
                w.beginObject()
                w.key("text"); w.string(s.text)
                w.key("meta"); w.beginObject()
                w.key("doc"); w.string(d.name)
                w.key("n"); w.int(s.index)
                w.key("section"); w.string(s.section.joined(separator: " › "))
                w.endObject()
                w.key("tokens"); w.beginArray()
                for (k, t) in tokens.enumerated() {
                    w.beginObject()
                    w.key("text"); w.string(t.text)
                    w.key("start"); w.int(t.range.lowerBound)
                    w.key("end"); w.int(t.range.upperBound)
                    w.key("id"); w.int(k)
                    w.key("ws"); w.bool(t.ws)
                    w.endObject()
                }
                w.endArray()
                w.key("spans"); w.beginArray()
                for (r, label, text) in spans where !r.isEmpty {
                    w.beginObject()
                    w.key("start"); w.int(r.lowerBound)
                    w.key("end"); w.int(r.upperBound)
                    w.key("text"); w.string(text)
                    w.key("token_start"); w.int(tokens.firstIndex { $0.range.lowerBound >= r.lowerBound } ?? 0)
                    w.key("token_end"); w.int(tokens.lastIndex { $0.range.upperBound <= r.upperBound } ?? 0)
                    w.key("label"); w.string(label)
                    w.endObject()
                }
                w.endArray()
                w.endObject()
                w.newline()
            }
        }
        return w.bytes
    }

    struct Token { var text: String; var range: Range<Int>; var ws: Bool }

    /// Words (letters, digits, and `'` `-` `.` `,` between them), single punctuation marks,
    /// cut again at each offset in `cuts`. Offsets in `unit`.
    static func tokenize(_ text: String, unit: OffsetUnit, cuts: Set<Int>) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var pos: [Int] = [0]          // offset in `unit` before each scalar, and the end
        for c in scalars { pos.append(pos.last! + (unit == .scalar ? 1 : UTF16.width(c))) }
        func isWord(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic || c.properties.numericType != nil }
        func joiner(_ c: Unicode.Scalar) -> Bool { c == "'" || c == "’" || c == "-" || c == "." || c == "," }
        var tokens: [Token] = []
        var i = 0
        while i < scalars.count {
            if scalars[i].properties.isWhitespace { i += 1; continue }
            var j = i + 1
            if isWord(scalars[i]) {
                while j < scalars.count,
                      isWord(scalars[j]) || (joiner(scalars[j]) && j + 1 < scalars.count && isWord(scalars[j + 1]) && isWord(scalars[j - 1])) {
                    j += 1
                }
            }
            // Cut at span boundaries inside the token.
            var k = i
            for m in (i + 1)..<(j + 1) where m == j || cuts.contains(pos[m]) {
                var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[k..<m])
                tokens.append(Token(text: String(v), range: pos[k]..<pos[m], ws: m == j && j < scalars.count && scalars[j].properties.isWhitespace))
                k = m
            }
            i = j
        }
        return tokens
    }

    public static func importLines(_ bytes: [UInt8], path: String, unit: OffsetUnit,
                                   warnings: inout [ExchangeError]) -> [ImportedUnit] {
        var units: [ImportedUnit] = []
        var skipped = 0
        JSONLines.forEach(bytes, path: path, warnings: &warnings) { v, warn in
            if let answer = v["answer"]?.string, answer != "accept" { skipped += 1; return }
            guard let text = v["text"]?.string else { warn("no \"text\""); return }
            guard let doc = v["meta"]?["doc"]?.string, let n = v["meta"]?["n"]?.int else {
                warn("no meta.doc and meta.n (not a claimex export?)"); return
            }
            var labels: Set<String> = []
            for s in v["spans"]?.array ?? [] {
                guard let l = s["label"]?.string, let st = s["start"]?.int, let en = s["end"]?.int else { warn("a span without start, end and label"); continue }
                if let said = s["text"]?.string, UnitText.slice(text, st..<en, unit) != said {
                    warn("span [\(st), \(en)) is not \"\(said)\" in the text (offsets read as \(unit.rawValue))")
                }
                labels.insert(l)
            }
            for a in v["accept"]?.array ?? [] { if let l = a.string { labels.insert(l) } }
            units.append(ImportedUnit(doc: doc, n: n, text: text, labels: LabelOrder.sorted(labels)))
        }
        if skipped > 0 {
            warnings.append(ExchangeError(path: path, line: nil, message: "\(skipped) rejected or ignored tasks left out", isNote: true))
        }
        return units
    }
}
