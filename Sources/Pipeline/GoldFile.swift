import Foundation
import Rules

/// One hand-labelled unit of a gold file (`samples/gold/README.md`).
public struct GoldUnit: Sendable, Equatable, Codable {
    /// File name of the brief the unit comes from.
    public var doc: String
    /// Index of the unit in its document.
    public var n: Int
    public var text: String
    public var labels: [Tag]

    public init(doc: String, n: Int, text: String, labels: [Tag]) {
        self.doc = doc
        self.n = n
        self.text = text
        self.labels = labels
    }
}

/// A gold file that cannot be read, with the place to look.
public struct GoldError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// 1-based line, or nil when the file itself is the problem.
    public var line: Int?
    public var message: String

    public var description: String {
        line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)"
    }
}

/// Reads gold files: JSON Lines of `{"doc", "n", "text", "labels"}`, blank lines ignored.
public enum GoldFile {
    public static func read(path: String) throws(GoldError) -> [GoldUnit] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GoldError(path: path, line: nil, message: "cannot read gold file")
        }
        return try parse(Array(data), path: path)
    }

    public static func parse(_ bytes: [UInt8], path: String) throws(GoldError) -> [GoldUnit] {
        var units: [GoldUnit] = []
        var seen: [String: Int] = [:]     // "doc\u{0}n" -> line, to catch duplicates
        let decoder = JSONDecoder()
        var lineNo = 0
        for raw in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNo += 1
            let line = raw.last == UInt8(ascii: "\r") ? raw.dropLast() : raw
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let unit: RawUnit
            do {
                unit = try decoder.decode(RawUnit.self, from: Data(line))
            } catch {
                throw GoldError(path: path, line: lineNo, message: describe(error))
            }
            var labels: [Tag] = []
            for l in unit.labels {
                guard let tag = Tag(rawValue: l) else {
                    let known = Tag.allCases.map(\.rawValue).joined(separator: ", ")
                    throw GoldError(path: path, line: lineNo,
                                    message: "unknown label \"\(l)\" (known: \(known))")
                }
                if !labels.contains(tag) { labels.append(tag) }
            }
            let key = "\(unit.doc)\u{0}\(unit.n)"
            if let first = seen[key] {
                throw GoldError(path: path, line: lineNo,
                                message: "duplicate unit doc \"\(unit.doc)\" n \(unit.n) (first on line \(first))")
            }
            seen[key] = lineNo
            units.append(GoldUnit(doc: unit.doc, n: unit.n, text: unit.text, labels: labels.sorted()))
        }
        return units
    }

    /// The file's own shape, labels as strings so an unknown one gets a clear message.
    private struct RawUnit: Decodable {
        var doc: String
        var n: Int
        var text: String
        var labels: [String]
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _):
            return "missing field \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let ctx), DecodingError.valueNotFound(_, let ctx):
            let field = ctx.codingPath.map(\.stringValue).joined(separator: ".")
            return "wrong type for \"\(field)\": \(ctx.debugDescription)"
        case DecodingError.dataCorrupted:
            return "not a JSON object"
        default:
            return "not a gold unit: \(error.localizedDescription)"
        }
    }
}
