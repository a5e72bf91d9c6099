import Exchange
import Foundation
import Ingest
import Pipeline

/// The inputs of `report` and `export`: claimex records (`.jsonl` files, from an earlier
/// `extract`, best with `--all-sentences`) are read back; any other path is a document,
/// ingested and tagged here with every sentence kept. A bad input is named on stderr and
/// the rest goes on.
enum DeskInputs {
    static func load(_ paths: [String], rules ruleDir: String?) throws -> (documents: [ReviewDocument], failed: Int) {
        // A .jsonl path given by name is records; directories are walked for briefs only.
        let isRecords = { (p: String) in (p as NSString).pathExtension.lowercased() == "jsonl" }
        let recordFiles = paths.filter(isRecords)
        let (files, missing) = Inputs.expand(paths.filter { !isRecords($0) })
        var failed = missing.count
        for m in missing { Console.error("\(m)") }
        var documents: [ReviewDocument] = []
        for f in recordFiles {
            guard let data = FileManager.default.contents(atPath: f) else {
                Console.error("\(f): cannot read"); failed += 1; continue
            }
            var errors: [ExchangeError] = []
            documents += RecordReader.read(path: f, bytes: Array(data), errors: &errors)
            // A file that is not records at all would give a line per line: the first few do.
            for e in errors.prefix(3) { Console.error("\(e)") }
            if errors.count > 3 { Console.error("\(f): \(errors.count - 3) more bad lines") }
            if !errors.isEmpty { failed += 1 }
        }
        if !files.isEmpty {
            let rules = try RuleLoading.load(ruleDir)
            let extractor = Extractor(rules: rules, allSentences: true)
            for f in files {
                do {
                    let d = try Ingest.read(path: f)
                    documents.append(ReviewDocument(records: extractor.records(d), path: d.path, id: d.id,
                                                    title: d.title, rulesSHA256: rules.sha256))
                } catch {
                    Console.error("\(error)")
                    failed += 1
                }
            }
        }
        return (documents, failed)
    }

    /// Writes `bytes` to `path` (or stdout for nil or "-").
    static func write(_ bytes: [UInt8], to path: String?) throws {
        if let path, path != "-" {
            do { try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
                Console.error("\(path): cannot write: \(error.localizedDescription)")
                throw Status.inputsFailed
            }
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }

    /// "1.23 MB", "456 kB".
    static func size(_ n: Int) -> String {
        n >= 1_000_000 ? String(format: "%.2f MB", Double(n) / 1e6) : String(format: "%.0f kB", Double(n) / 1e3)
    }
}
