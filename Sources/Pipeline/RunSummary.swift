import Rules

/// Totals of a batch run, printed as the last line on stderr.
public struct RunSummary: Sendable {
    public var files = 0
    public var failed = 0
    public var skipped = 0
    public var bytes = 0
    public var sentences = 0
    public var records = 0
    public var labelCounts = Array(repeating: 0, count: Tag.allCases.count)
    public var seconds = 0.0

    public init() {}

    public mutating func add(_ r: BatchResult) {
        files += 1
        bytes += r.sourceBytes
        switch r.result {
        case .failure: failed += 1
        case .success(let out):
            if out.skipped { skipped += 1 }
            sentences += out.sentences
            records += out.records
            for i in labelCounts.indices { labelCounts[i] += out.labelCounts[i] }
        }
    }

    public var line: String {
        let labels = zip(Tag.allCases, labelCounts).map { "\($0.rawValue) \($1)" }.joined(separator: ", ")
        let mb = Double(bytes) / 1_048_576
        let rate = seconds > 0 ? mb / seconds : 0
        var parts = ["claimex: \(files - failed) files read, \(failed) failed"]
        if skipped > 0 { parts.append("\(skipped) already done") }
        parts.append("\(sentences) sentences, \(records) records (\(labels))")
        parts.append(String(format: "%.2f MB in %.2f s (%.1f MB/s)", mb, seconds, rate))
        return parts.joined(separator: "; ")
    }
}

import Foundation
