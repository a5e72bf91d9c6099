import Dispatch
import Foundation
import Ingest
import Rules

/// The outcome of one input, delivered in input order.
public struct BatchResult: Sendable {
    public var sequence: Int
    public var input: InputItem
    public var result: Result<DocumentOutput, IngestError>
    /// Bytes of source read (0 when the file could not be read).
    public var sourceBytes: Int
    public var sha256: String?
}

/// Runs the extractor over a stream of inputs on `jobs` threads and hands results back
/// in input order on the calling thread. At most `window` documents are in flight or
/// waiting, so memory stays flat however long the stream is.
public final class Batch: @unchecked Sendable {
    public let extractor: Extractor
    public let jobs: Int
    public let window: Int
    /// Inputs to skip, by sha256 (resume). Checked after reading, before any work.
    public let skip: Set<String>

    private let lock = NSCondition()
    private var pending: [Int: BatchResult] = [:]
    private var issued = 0
    private var emitted = 0
    private var exhausted = false
    private var running = 0
    private var stopRequested = false

    public init(extractor: Extractor, jobs: Int, skip: Set<String> = []) {
        self.extractor = extractor
        self.jobs = max(1, jobs)
        self.window = max(4, self.jobs * 4)
        self.skip = skip
    }

    /// Stops taking new inputs; what is in flight still finishes and is delivered.
    public func stop() {
        lock.lock(); stopRequested = true; lock.broadcast(); lock.unlock()
    }

    /// `onResult` runs on the calling thread, in input order. Returns when all are done.
    public func run<S: Sequence>(_ inputs: S, onResult: (BatchResult) -> Void) where S.Element == InputItem {
        let source = InputQueue(inputs.makeIterator())
        lock.lock()
        running = jobs
        lock.unlock()
        for _ in 0..<jobs {
            DispatchQueue.global().async { self.work(source) }
        }
        deliver(onResult)
    }

    private func work(_ source: InputQueue) {
        let context = MatchContext()  // this thread's matcher buffers, for all its documents
        while true {
            lock.lock()
            while issued - emitted >= window && !stopRequested { lock.wait() }
            guard !exhausted, !stopRequested, let item = source.next() else {
                exhausted = true
                running -= 1
                lock.broadcast()
                lock.unlock()
                return
            }
            let seq = issued
            issued += 1
            lock.unlock()
            let result = process(seq, item, context)
            lock.lock()
            pending[seq] = result
            lock.broadcast()
            lock.unlock()
        }
    }

    private func deliver(_ onResult: (BatchResult) -> Void) {
        while true {
            lock.lock()
            while pending[emitted] == nil && !(running == 0 && emitted >= issued) { lock.wait() }
            guard let result = pending.removeValue(forKey: emitted) else {
                lock.unlock()
                return
            }
            emitted += 1
            lock.broadcast()
            lock.unlock()
            onResult(result)
        }
    }

    private func process(_ seq: Int, _ item: InputItem, _ context: MatchContext) -> BatchResult {
        do {
            let (bytes, type) = try item.load()
            let sha = sha256Hex(bytes)
            if skip.contains(sha) {  // resume: already in the output, not even parsed
                var done = DocumentOutput(jsonl: [], sentences: 0, records: 0,
                                          labelCounts: Array(repeating: 0, count: Tag.allCases.count))
                done.skipped = true
                return BatchResult(sequence: seq, input: item, result: .success(done),
                                   sourceBytes: bytes.count, sha256: sha)
            }
            let document = try item.ingest(bytes, type, sha256: sha)
            return BatchResult(sequence: seq, input: item, result: .success(extractor.output(document, context: context)),
                               sourceBytes: bytes.count, sha256: sha)
        } catch {
            return BatchResult(sequence: seq, input: item, result: .failure(error), sourceBytes: 0, sha256: nil)
        }
    }
}

/// The input iterator, shared by the workers; `Batch` only calls `next` under its lock.
private final class InputQueue: @unchecked Sendable {
    private let nextItem: () -> InputItem?
    init<I: IteratorProtocol>(_ iterator: I) where I.Element == InputItem {
        var it = iterator
        nextItem = { it.next() }
    }
    func next() -> InputItem? { nextItem() }
}
