import Foundation
import Emit

/// brat standoff: per document `NAME.txt` with one sentence a line (line k is sentence k,
/// empty when the records hold no sentence k) and `NAME.ann` with a text-bound annotation
/// `Tn<TAB>label start end<TAB>text` per tag, offsets in code points into the `.txt`;
/// `annotation.conf` declares the labels. NAME is the document's name, so
/// `brief.html.txt` comes back as doc `brief.html`. A line break inside a sentence is
/// written as a space (same length in every unit), keeping one sentence a line.
/// Reading back, each non-empty line is a unit and takes the labels of the annotations
/// that start on it.
public enum BratFormat {
    public static func export(_ docs: [ReviewDocument], unit: OffsetUnit) -> [ExportFile] {
        var files: [ExportFile] = []
        var labels: Set<String> = []
        for d in docs {
            var txt = "", ann = ""
            var offset = 0, next = 0, t = 0
            for s in d.sentences {
                while next < s.index { txt += "\n"; offset += 1; next += 1 }
                let line = String(String.UnicodeScalarView(s.text.unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : $0 }))
                for tag in s.tags {
                    let r = Exporter.span(tag, in: s, unit)
                    t += 1
                    labels.insert(tag.label)
                    let text = UnitText.slice(line, r, unit) ?? tag.text
                    ann += "T\(t)\t\(tag.label) \(offset + r.lowerBound) \(offset + r.upperBound)\t\(text.replacingNewlines)\n"
                    ann += "#\(t)\tAnnotatorNotes T\(t)\t\(tag.rule) (\(tag.file):\(tag.line))\n"
                }
                txt += line + "\n"
                offset += UnitText.length(line, unit) + 1
                next = s.index + 1
            }
            files.append(ExportFile(name: fileName(d.name) + ".txt", bytes: Array(txt.utf8)))
            files.append(ExportFile(name: fileName(d.name) + ".ann", bytes: Array(ann.utf8)))
        }
        let conf = "[entities]\n" + LabelOrder.sorted(labels.union(LabelOrder.known)).map { $0 + "\n" }.joined()
            + "\n[relations]\n\n[events]\n\n[attributes]\n"
        files.append(ExportFile(name: "annotation.conf", bytes: Array(conf.utf8)))
        return files
    }

    /// A document name as a file name in one directory: `%` and `/` (an `id` may hold one)
    /// written `%25` and `%2F`.
    public static func fileName(_ name: String) -> String {
        name.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "/", with: "%2F")
    }

    /// The document name a file name stands for (`fileName` undone).
    public static func documentName(_ file: String) -> String {
        file.replacingOccurrences(of: "%2F", with: "/").replacingOccurrences(of: "%25", with: "%")
    }

    /// One document: `txt` and `ann` are the two files' contents, `name` the document name
    /// (`documentName` of the file name without `.txt`), `path` the `.ann` file for messages.
    public static func importDocument(name: String, txt: String, ann: String, path: String, unit: OffsetUnit,
                                      warnings: inout [ExchangeError]) -> [ImportedUnit] {
        let lines = txt.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var starts: [Int] = []          // each line's start offset in `unit`
        var o = 0
        for l in lines { starts.append(o); o += UnitText.length(l, unit) + 1 }
        var labels = [Set<String>](repeating: [], count: lines.count)
        var lineNo = 0
        for raw in ann.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            guard raw.hasPrefix("T") else { continue }   // relations, notes, attributes: not labels
            let parts = raw.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            func warn(_ m: String) { warnings.append(ExchangeError(path: path, line: lineNo, message: m)) }
            guard parts.count >= 2 else { warn("a text-bound annotation without type and offsets"); continue }
            // "label start end" or, for a discontinuous span, "label s1 e1;s2 e2".
            let head = parts[1].split(separator: " ", maxSplits: 1)
            let ranges = head.count == 2 ? head[1].split(separator: ";").map { $0.split(separator: " ").compactMap { Int($0) } } : []
            guard let label = head.first, let first = ranges.first, first.count == 2, let last = ranges.last, last.count == 2 else {
                warn("cannot read \"\(parts[1])\" as: label start end"); continue
            }
            let start = first[0], end = last[1]
            guard let k = starts.lastIndex(where: { $0 <= start }), start < o else { warn("offset \(start) is past the end of the text"); continue }
            if parts.count == 3, ranges.count == 1,
               let got = UnitText.slice(lines[k], (start - starts[k])..<(end - starts[k]), unit) ?? UnitText.slice(txt, start..<end, unit),
               got != String(parts[2]) {
                warn("span [\(start), \(end)) is \"\(got)\" in the .txt, the annotation says \"\(parts[2])\" (offsets read as \(unit.rawValue))")
            }
            labels[k].insert(String(label))
        }
        return lines.enumerated().compactMap { k, line in
            line.trimmingWhitespace.isEmpty ? nil : ImportedUnit(doc: name, n: k, text: line, labels: LabelOrder.sorted(labels[k]))
        }
    }
}

extension String {
    var replacingNewlines: String { String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : $0 })) }
    var trimmingWhitespace: Substring {
        let s = drop { $0.isWhitespace }
        return s.dropLast(s.reversed().prefix { $0.isWhitespace }.count)
    }
}
