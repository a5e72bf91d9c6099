import ArgumentParser
import Dispatch
import Emit
import Foundation
import Ingest
import Pipeline
import Rules

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Tag the sentences of briefs and write JSON Lines records.",
        discussion: """
            Examples:
              claimex extract samples/ -o output/samples.jsonl
              claimex extract report.txt --all-sentences | jq .labels
              find reports -name '*.html' | claimex extract --files-from - -o out.jsonl --errors errors.jsonl
              claimex extract --input-format jsonl < docs.jsonl > records.jsonl
              claimex extract corpus/ -o out.jsonl --resume      # after an interrupted run
            """)

    enum InputFormat: String, ExpressibleByArgument, CaseIterable { case files, jsonl }

    @Argument(help: "Files, directories (searched recursively for .txt .md .html .htm .xhtml), or - for stdin.")
    var paths: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Write records to FILE, atomically (default, or -: stdout).", valueName: "FILE"))
    var output: String?

    /// The file to write, nil for stdout: `-o -` is stdout, as in the inputs' `-`.
    private var outputFile: String? { output == "-" ? nil : output }

    @Flag(help: "Emit every sentence, not only tagged ones.")
    var allSentences = false

    enum Profile: String, ExpressibleByArgument, CaseIterable { case full, lean }

    @Option(help: ArgumentHelp(
        "What a record carries: full (offsets in scalar, utf16 and utf8, and the quote selector) or lean (utf8 offsets, no quote: about half the bytes).",
        valueName: "PROFILE"))
    var profile: Profile = .full

    @Option(help: ArgumentHelp("Offset units, comma-separated: scalar, utf16, utf8 or all (default: the profile's).",
                               valueName: "UNITS"))
    var offsets: String?

    /// The record layout the options name.
    var layout: RecordLayout {
        var l: RecordLayout = profile == .lean ? .lean : .full
        if let o = offsets, let units = RecordLayout.Units(names: o) { l.offsets = units }
        return l
    }

    @OptionGroup var ruleOptions: RuleOptions

    @Option(name: .shortAndLong, help: "Parallel jobs (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Only files matching GLOB inside directories (repeatable).", valueName: "GLOB"))
    var include: [String] = []

    @Option(help: ArgumentHelp("Skip files matching GLOB inside directories (repeatable).", valueName: "GLOB"))
    var exclude: [String] = []

    @Option(help: ArgumentHelp("Read input paths from LIST, one a line (- for stdin).", valueName: "LIST"))
    var filesFrom: String?

    @Option(help: "files: paths as arguments; jsonl: a stream of {\"id\", \"text\"|\"html\"} lines on stdin (or - or one FILE).")
    var inputFormat: InputFormat = .files

    @Option(help: ArgumentHelp("Log failed inputs as JSON Lines to FILE.", valueName: "FILE"))
    var errors: String?

    @Flag(help: "Keep the records of an earlier (or interrupted) run with -o and skip the inputs they cover.")
    var resume = false

    @Flag(name: .shortAndLong, help: "No progress bar and no summary line.")
    var quiet = false

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let o = offsets, RecordLayout.Units(names: o) == nil {
            throw ValidationError("--offsets takes scalar, utf16, utf8 or all, comma-separated (got '\(o)')")
        }
        if resume && outputFile == nil { throw ValidationError("--resume needs -o FILE (not stdout)") }
        if inputFormat == .files && paths.isEmpty && filesFrom == nil {
            throw ValidationError("no inputs: give paths, --files-from LIST, or --input-format jsonl")
        }
        if inputFormat == .jsonl && (paths.count > 1 || filesFrom != nil) {
            throw ValidationError("--input-format jsonl reads one stream: - (stdin, the default) or one FILE")
        }
    }

    func run() throws {
        let log: ErrorLog
        do { log = try ErrorLog(path: errors) } catch {  // as -o: a usage error, before any work
            Console.error("\(error)")
            throw Status.usage
        }
        var failedEarly = 0
        let failEarly = { (path: String, kind: IngestError.Kind, message: String) in
            Console.error("\(path): \(message)")
            log.log(path: path, stage: "input", kind: kind.rawValue, message: message, offset: nil)
            failedEarly += 1
        }

        var out: OutputFile?
        let batch = Batch(jobs: jobs)
        let interrupted = Interruption(batch)

        var summary = RunSummary()
        let started = Date()
        let inputs: AnySequence<InputItem>
        var totalFiles: Int?, totalBytes: Int?
        switch inputFormat {
        case .jsonl:
            // One stream: stdin (no path, or -) or the file named.
            let streamPath = paths.first ?? "-"
            let handle: FileHandle
            if streamPath == "-" {
                handle = .standardInput
            } else if let h = FileHandle(forReadingAtPath: streamPath) {
                handle = h
            } else {
                throw ValidationError("\(streamPath): cannot open the JSON Lines stream")
            }
            let streamName = streamPath == "-" ? "stdin" : streamPath
            var stream = JSONLinesInput(handle: handle)
            stream.onError = { e in failEarly(streamName, e.kind, "line \(e.line): \(e.message)") }
            inputs = AnySequence(stream)
        case .files:
            var listed = paths
            if let list = filesFrom { listed += try Self.readList(list) }
            let (files, missing) = Inputs.expand(listed, include: include.map(Glob.init), exclude: exclude.map(Glob.init))
            for m in missing { failEarly(m.path, IngestError.Kind(errno: m.code), m.message) }
            totalFiles = files.count
            if Progress.shown(!quiet) {  // only the bar's time left needs the sizes
                totalBytes = files.reduce(0) { total, path in
                    var st = stat()
                    return total + (stat(path, &st) == 0 ? Int(st.st_size) : 0)
                }
            }
            inputs = AnySequence(files.map { InputItem.file(path: $0) })
        }
        let progress = Progress(totalFiles: totalFiles, totalBytes: totalBytes, enabled: !quiet)
        let stdout = FileHandle.standardOutput
        var writeError: Error?

        // The rules compile while the workers read and ingest the first inputs; the output
        // opens once the rules hash (which --resume checks) is known.
        // Records to the output; after a write error, none (the batch stops).
        func emit(_ bytes: [UInt8]) {
            guard writeError == nil, !bytes.isEmpty else { return }
            do {
                if let out { try out.write(bytes) } else { try stdout.write(contentsOf: bytes) }
            } catch {
                Console.error("\(error)")
                writeError = error
                batch.stop()
            }
        }
        try batch.run(inputs, setup: {
            let rules = try RuleLoading.load(ruleOptions.rules)
            do {
                out = try outputFile.map { try OutputFile(path: $0, resume: resume, rulesSHA256: rules.sha256, layout: layout) }
            } catch {
                Console.error("\(error)")
                throw Status.usage
            }
            return Batch.Setup(extractor: Extractor(rules: rules, allSentences: allSentences, layout: layout), skip: out?.completed ?? [])
        }, onPiece: emit) { r in
            summary.add(r)
            switch r.result {
            case .failure(let e):
                Console.error("\(e)")
                log.log(e)
            case .success(let o):
                for w in o.warnings { Console.error("warning: \(w)") }
                emit(o.jsonl)
            }
            progress.update(summary)
        }
        progress.finish()
        log.close()
        summary.failed += failedEarly
        summary.files += failedEarly
        summary.seconds = Date().timeIntervalSince(started)

        if interrupted.fired || writeError != nil {
            out?.abandon()
            if !quiet { Console.error(summary.line) }
            if let out { Console.error("claimex: stopped; \(out.partialPath) holds whole documents; rerun with --resume") }
            throw ExitCode(interrupted.fired ? 130 : 1)
        }
        do { try out?.commit() } catch {
            Console.error("\(error)")
            throw Status.inputsFailed
        }
        if !quiet { Console.error(summary.line) }
        if summary.failed > 0 { throw Status.inputsFailed }
    }

    static func readList(_ list: String) throws -> [String] {
        let data = list == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: list)
        guard let data else {
            Console.error("\(list): cannot read file list")
            throw Status.usage
        }
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// SIGINT/SIGTERM stop the batch cleanly: what is in flight is written, the rest is left
/// for `--resume`. The handlers run on a queue of their own: on the global queue they
/// waited behind the batch's workers, which hold every one of its threads when `--jobs`
/// is at least the number of cores (Ctrl-C then took effect only once the batch was over).
final class Interruption: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "claimex.signals")
    private(set) var fired = false

    init(_ batch: Batch) {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            source.setEventHandler { [weak self] in
                self?.fired = true
                batch.stop()
            }
            source.resume()
            sources.append(source)
        }
    }
}
