import Rules

/// Imported units as claimex gold JSON Lines (`{"doc", "n", "text", "labels"}`, the layout
/// of `samples/gold/seeds.jsonl`), ready for `claimex eval --gold`.
public enum GoldLines {
    /// Labels claimex does not tag are reported and left out (the gold reader refuses them);
    /// a unit given twice keeps its last labelling. Units stay in the order first seen.
    public static func render(_ units: [ImportedUnit], warnings: inout [ExchangeError]) -> String {
        var order: [String] = []
        var byKey: [String: ImportedUnit] = [:]
        var unknown: [String: Int] = [:]
        for u in units {
            let key = "\(u.doc)\u{0}\(u.n)"
            if byKey[key] == nil { order.append(key) }
            var u = u
            u.labels = u.labels.filter { l in
                if Tag(rawValue: l) != nil { return true }
                unknown[l, default: 0] += 1
                return false
            }
            byKey[key] = u
        }
        for (l, count) in unknown.sorted(by: { $0.key < $1.key }) {
            let known = Tag.allCases.map(\.rawValue).joined(separator: ", ")
            warnings.append(ExchangeError(path: "labels", line: nil,
                                          message: "\"\(l)\" is not a claimex tag (known: \(known)); left out of \(count) units"))
        }
        return order.map { k in
            let u = byKey[k]!
            return "{\"doc\": \(JSONValue.quote(u.doc)), \"n\": \(u.n), \"text\": \(JSONValue.quote(u.text)), \"labels\": ["
                + u.labels.map(JSONValue.quote).joined(separator: ", ") + "]}\n"
        }.joined()
    }
}
