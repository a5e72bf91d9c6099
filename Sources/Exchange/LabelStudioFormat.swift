import Emit

/// Label Studio: a JSON array of tasks. Each task's `data` holds the sentence text and
/// where it comes from (`doc`, `n`, `section`); the rules' tags are `predictions`, one
/// `labels` result per tag, for the labelling config in docs/annotators.md
/// (`<Labels name="label" toName="text">` over `<Text name="text" value="$text">`).
/// Reading back, a task's latest annotation that was not cancelled is its gold; a task
/// nobody annotated keeps its predictions. `choices` results (sentence classification)
/// count as labels too. The JSON-MIN export (spans under `label`) is read as well.
public enum LabelStudioFormat {
    public static func export(_ docs: [ReviewDocument], unit: OffsetUnit) -> [UInt8] {
        var w = JSONWriter(reservingCapacity: 1 << 16)
        w.beginArray()
        var first = true
        for d in docs {
            for s in d.sentences {
                if !first { w.put(",") }
                first = false
                w.newline()
                w.beginObject()
                w.key("data"); w.beginObject()
                w.key("text"); w.string(s.text)
                w.key("doc"); w.string(d.name)
                w.key("n"); w.int(s.index)
                w.key("section"); w.string(s.section.joined(separator: " › "))
                w.endObject()
                w.key("predictions"); w.beginArray(); w.beginObject()
                w.key("model_version"); w.string("claimex rules " + String(d.rulesSHA256.prefix(12)))
                w.key("result"); w.beginArray()
                for (k, t) in s.tags.enumerated() {
                    let r = Exporter.span(t, in: s, unit)
                    w.beginObject()
                    w.key("id"); w.string("s\(s.index)t\(k)")
                    w.key("from_name"); w.string("label")
                    w.key("to_name"); w.string("text")
                    w.key("type"); w.string("labels")
                    w.key("value"); w.beginObject()
                    w.key("start"); w.int(r.lowerBound)
                    w.key("end"); w.int(r.upperBound)
                    w.key("text"); w.string(t.text)
                    w.key("labels"); w.labels([t.label])
                    w.endObject()
                    w.key("meta"); w.beginObject(); w.key("text"); w.labels(["\(t.rule) (\(t.file):\(t.line))"]); w.endObject()
                    w.endObject()
                }
                w.endArray()
                w.endObject(); w.endArray()
                w.endObject()
            }
        }
        w.newline()
        w.endArray()
        w.newline()
        return w.bytes
    }

    public static func importTasks(_ bytes: [UInt8], path: String, unit: OffsetUnit,
                                   warnings: inout [ExchangeError]) -> [ImportedUnit] {
        let root: JSONValue
        do { root = try JSONValue.parse(bytes) } catch {
            warnings.append(ExchangeError(path: path, line: nil, message: "not JSON: \(error)"))
            return []
        }
        // An export is an array of tasks; a single task object is accepted too.
        let tasks = root.array ?? [root]
        var units: [ImportedUnit] = []
        for (k, task) in tasks.enumerated() {
            let place = k + 1
            func warn(_ m: String) { warnings.append(ExchangeError(path: path, line: place, message: "task \(place): " + m)) }
            let data = task["data"] ?? task
            guard let text = data["text"]?.string else { warn("no data.text"); continue }
            guard let doc = data["doc"]?.string, let n = data["n"]?.int else { warn("no data.doc and data.n (not a claimex export?)"); continue }
            let annotations = (task["annotations"]?.array ?? []).filter { $0["was_cancelled"]?.bool != true }
            let chosen = annotations.last ?? task["predictions"]?.array?.last
            // The JSON-MIN export flattens a task to its data plus one key per control
            // (`label`: the spans, with `start`, `end`, `text`, `labels` each).
            let results = chosen?["result"]?.array ?? (task["label"]?.array ?? []).map { JSONValue.object([("value", $0)]) }
            var labels: Set<String> = []
            for r in results {
                guard let v = r["value"] else { continue }
                for l in (v["labels"]?.array ?? []) + (v["choices"]?.array ?? []) {
                    if let l = l.string { labels.insert(l) }
                }
                if let s = v["start"]?.int, let e = v["end"]?.int, let said = v["text"]?.string {
                    let got = UnitText.slice(text, s..<e, unit)
                    if got != said {
                        warn("span [\(s), \(e)) is \(got.map { "\"\($0)\"" } ?? "out of range") in the text, the tool says \"\(said)\" (offsets read as \(unit.rawValue))")
                    }
                }
            }
            units.append(ImportedUnit(doc: doc, n: n, text: text, labels: LabelOrder.sorted(labels)))
        }
        return units
    }
}
