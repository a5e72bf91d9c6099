import Foundation

/// A claimex JSON Lines line that cannot be used, with its place.
public struct ExchangeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// 1-based line (or task number, for formats without lines); nil for the whole file.
    public var line: Int?
    public var message: String
    /// Information (tasks an annotator rejected), not a fault.
    public var isNote: Bool

    public init(path: String, line: Int?, message: String, isNote: Bool = false) {
        self.path = path
        self.line = line
        self.message = message
        self.isNote = isNote
    }

    public var description: String { line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)" }
}

/// Reads claimex records (any schema version with `doc`, `index`, `text`, `offsets` and
/// `tags`) back into review documents. Unknown keys are ignored and figure fields are kept
/// as generic JSON, so records from a newer schema still load. A bad line is reported and
/// skipped; the rest of the file is read.
public enum RecordReader {
    public static func read(path: String, bytes: [UInt8], errors: inout [ExchangeError]) -> [ReviewDocument] {
        var docs: [ReviewDocument] = []
        var byKey: [String: Int] = [:]
        var lineNo = 0
        for raw in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNo += 1
            if raw.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let value: JSONValue
            do { value = try JSONValue.parse(Array(raw)) } catch {
                errors.append(ExchangeError(path: path, line: lineNo, message: "not JSON: \(error)"))
                continue
            }
            do {
                let (docPath, id, title, sha, sentence) = try record(value)
                let key = "\(docPath)\u{0}\(id ?? "")"
                if let k = byKey[key] {
                    docs[k].sentences.append(sentence)
                } else {
                    byKey[key] = docs.count
                    docs.append(ReviewDocument(path: docPath, name: ReviewDocument.name(path: docPath, id: id),
                                               title: title, rulesSHA256: sha, sentences: [sentence]))
                }
            } catch let e as FieldError {
                errors.append(ExchangeError(path: path, line: lineNo, message: e.message))
            } catch {
                errors.append(ExchangeError(path: path, line: lineNo, message: "\(error)"))
            }
        }
        for k in docs.indices { docs[k].sentences.sort { $0.index < $1.index } }
        return docs
    }

    struct FieldError: Error { var message: String }

    private static func record(_ v: JSONValue) throws -> (String, String?, String?, String, ReviewSentence) {
        let doc = try v.need("doc")
        let path = try doc.need("path").needString("doc.path")
        let sentence = ReviewSentence(
            index: try v.need("index").needInt("index"),
            text: try v.need("text").needString("text"),
            section: (v["section"]?.array ?? []).compactMap(\.string),
            block: v["block"]?["index"]?.int ?? 0,
            blockKind: v["block"]?["kind"]?.string ?? "paragraph",
            span: try span(v.need("offsets"), "offsets"),
            tags: try (v["tags"]?.array ?? []).enumerated().map { k, t in try tag(t, "tags[\(k)]") },
            page: v["source"]?["page"]?.int)
        return (path, v["id"]?.string, doc["title"]?.string, v["rules_sha256"]?.string ?? "", sentence)
    }

    private static func tag(_ t: JSONValue, _ at: String) throws -> ReviewTag {
        var captures: [ReviewCapture] = []
        for (name, c) in t["captures"]?.object ?? [] {
            captures.append(ReviewCapture(name: name, text: c["text"]?.string ?? "",
                                          span: try span(c.need("offsets"), "\(at).captures.\(name).offsets")))
        }
        captures.sort { ($0.span.scalar.lowerBound, $0.name) < ($1.span.scalar.lowerBound, $1.name) }
        let fields = (t["fields"]?.object ?? []).map { ReviewField(name: $0.key, json: $0.value.jsonText) }
        return ReviewTag(label: try t.need("label").needString("\(at).label"), rule: t["rule"]?.string ?? "",
                         file: t["file"]?.string ?? "", line: t["line"]?.int ?? 0, text: t["text"]?.string ?? "",
                         span: try span(t.need("offsets"), "\(at).offsets"), captures: captures, fields: fields)
    }

    private static func span(_ o: JSONValue, _ at: String) throws -> TextSpan {
        func pair(_ key: String) throws -> Range<Int> {
            guard let a = o[key]?.array, a.count == 2, let s = a[0].int, let e = a[1].int, s <= e else {
                throw FieldError(message: "\(at).\(key) must be [start, end]")
            }
            return s..<e
        }
        return TextSpan(scalar: try pair("scalar"), utf16: try pair("utf16"))
    }
}

extension JSONValue {
    func need(_ key: String) throws -> JSONValue {
        guard let v = self[key] else { throw RecordReader.FieldError(message: "missing \"\(key)\"") }
        return v
    }
    func needString(_ what: String) throws -> String {
        guard let s = string else { throw RecordReader.FieldError(message: "\"\(what)\" must be a string") }
        return s
    }
    func needInt(_ what: String) throws -> Int {
        guard let i = int else { throw RecordReader.FieldError(message: "\"\(what)\" must be an integer") }
        return i
    }
}
