import Emit

/// doccano: sequence-labelling JSON Lines, `{"text", "label": [[start, end, label], ...]}`,
/// with `doc`, `n` and `section` as extra columns, which doccano keeps as the example's
/// metadata and writes back on export. Offsets in UTF-16 code units (see `OffsetUnit`).
/// Reading back accepts `label` or `entities` (relation projects write objects with
/// `start_offset`, `end_offset`, `label`), plain label strings (text classification), and
/// `doc`/`n` at the top or under `meta`/`metadata`.
public enum DoccanoFormat {
    public static func export(_ docs: [ReviewDocument], unit: OffsetUnit) -> [UInt8] {
        var w = JSONWriter(reservingCapacity: 1 << 16)
        for d in docs {
            for s in d.sentences {
                w.beginObject()
                w.key("text"); w.string(s.text)
                w.key("label"); w.beginArray()
                for t in s.tags {
                    let r = Exporter.span(t, in: s, unit)
                    w.beginArray(); w.int(r.lowerBound); w.int(r.upperBound); w.string(t.label); w.endArray()
                }
                w.endArray()
                w.key("doc"); w.string(d.name)
                w.key("n"); w.int(s.index)
                w.key("section"); w.string(s.section.joined(separator: " › "))
                w.endObject()
                w.newline()
            }
        }
        return w.bytes
    }

    public static func importLines(_ bytes: [UInt8], path: String, unit: OffsetUnit,
                                   warnings: inout [ExchangeError]) -> [ImportedUnit] {
        var units: [ImportedUnit] = []
        JSONLines.forEach(bytes, path: path, warnings: &warnings) { v, warn in
            guard let text = v["text"]?.string ?? v["data"]?.string else { warn("no \"text\""); return }
            let meta = v["meta"] ?? v["metadata"]
            guard let doc = v["doc"]?.string ?? meta?["doc"]?.string, let n = v["n"]?.int ?? meta?["n"]?.int else {
                warn("no \"doc\" and \"n\" (not a claimex export?)"); return
            }
            var labels: Set<String> = []
            for e in (v["label"]?.array ?? []) + (v["entities"]?.array ?? []) + (v["labels"]?.array ?? []) {
                if let l = e.string { labels.insert(l); continue }
                let start: Int?, end: Int?, label: String?
                if let a = e.array, a.count >= 3 {
                    (start, end, label) = (a[0].int, a[1].int, a[2].string)
                } else {
                    (start, end, label) = (e["start_offset"]?.int, e["end_offset"]?.int, e["label"]?.string)
                }
                guard let s = start, let en = end, let l = label else { warn("a label that is neither [start, end, label] nor a string"); continue }
                if UnitText.slice(text, s..<en, unit) == nil {
                    warn("span [\(s), \(en)) does not fit the text (\(UnitText.length(text, unit)) \(unit.rawValue) long)")
                }
                labels.insert(l)
            }
            units.append(ImportedUnit(doc: doc, n: n, text: text, labels: LabelOrder.sorted(labels)))
        }
        return units
    }
}
