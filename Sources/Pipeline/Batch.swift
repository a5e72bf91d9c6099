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
    public let jobs: Int
    public let window: Int

    /// What workers need past ingest: the extractor, and the inputs to skip by sha256
    /// (resume; checked after reading, before any work once known).
    public struct Setup: Sendable {
        public var extractor: Extractor
        public var skip: Set<String>
        public init(extractor: Extractor, skip: Set<String> = []) { self.extractor = extractor; self.skip = skip }
    }

    private let lock = NSCondition()
    private var setup: Setup?
    private var setupFailed = false
    private var pending: [Int: BatchResult] = [:]
    private var issued = 0
    private var emitted = 0
    private var exhausted = false
    private var running = 0
    private var stopRequested = false
    /// Pieces of a document's records written before the document is done (`onPiece`),
    /// per sequence number, and their bytes: a worker waits while its document holds more
    /// than `piecesHeld` not yet delivered, so a big document's output is never held whole.
    private var pieces: [Int: [[UInt8]]] = [:]
    private var pieceBytes: [Int: Int] = [:]
    private var streaming = false
    private static let piecesHeld = 4 * Extractor.pieceBytes

    public convenience init(extractor: Extractor, jobs: Int, skip: Set<String> = []) {
        self.init(jobs: jobs)
        setup = Setup(extractor: extractor, skip: skip)
    }

    /// A batch whose setup `run(_:setup:onResult:)` makes.
    public init(jobs: Int) {
        self.jobs = max(1, jobs)
        self.window = max(4, self.jobs * 4)
    }

    /// Stops taking new inputs; what is in flight still finishes and is delivered.
    public func stop() {
        lock.lock(); stopRequested = true; lock.broadcast(); lock.unlock()
    }

    /// `onResult` runs on the calling thread, in input order. Returns when all are done.
    /// Needs a batch made with its extractor.
    public func run<S: Sequence>(_ inputs: S, onResult: (BatchResult) -> Void) where S.Element == InputItem {
        precondition(setup != nil, "Batch(jobs:) needs run(_:setup:onResult:)")
        start(inputs)
        deliver(onResult)
    }

    /// As `run(_:onResult:)`, with the setup made on the calling thread while the workers
    /// already read and ingest the first inputs: compiling the rules costs about as much as
    /// ingesting a few dozen files, and nothing else would use the other cores meanwhile.
    /// When `make` throws, the workers stop, nothing is delivered, and the error is rethrown.
    /// With `onPiece`, a document's records may also come in pieces (whole lines, in order)
    /// before its result, which then carries the rest.
    public func run<S: Sequence>(_ inputs: S, setup make: () throws -> Setup,
                                 onPiece: (([UInt8]) -> Void)? = nil,
                                 onResult: (BatchResult) -> Void) throws where S.Element == InputItem {
        streaming = onPiece != nil
        start(inputs)
        do {
            let made = try make()
            lock.lock(); setup = made; lock.broadcast(); lock.unlock()
        } catch {
            lock.lock()
            setupFailed = true
            stopRequested = true
            lock.broadcast()
            while running > 0 { lock.wait() }
            lock.unlock()
            throw error
        }
        deliver(onResult, onPiece)
    }

    private func start<S: Sequence>(_ inputs: S) where S.Element == InputItem {
        let source = InputQueue(inputs.makeIterator())
        lock.lock()
        running = jobs
        lock.unlock()
        for _ in 0..<jobs {
            DispatchQueue.global().async { self.work(source) }
        }
    }

    /// The setup without waiting (nil until made), or after waiting for it (nil: it failed).
    private func currentSetup(wait: Bool) -> Setup? {
        lock.lock()
        defer { lock.unlock() }
        while wait && setup == nil && !setupFailed { lock.wait() }
        return setup
    }

    private func work(_ source: InputQueue) {
        let context = MatchContext()  // this thread's matcher buffers, for all its documents
        // The setup once known, held in this thread's own box: copying it per document
        // retained every array of the compiled rules, counts the other workers write too.
        var known: SetupBox?
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
            let result = process(seq, item, context, &known)
            lock.lock()
            if let result { pending[seq] = result }  // nil: the setup failed, nothing is delivered
            lock.broadcast()
            lock.unlock()
        }
    }

    private func deliver(_ onResult: (BatchResult) -> Void, _ onPiece: (([UInt8]) -> Void)? = nil) {
        while true {
            lock.lock()
            while pending[emitted] == nil && pieces[emitted] == nil && !(running == 0 && emitted >= issued) { lock.wait() }
            if let ready = pieces.removeValue(forKey: emitted) {  // the next document's records so far
                pieceBytes[emitted] = nil
                lock.broadcast()
                lock.unlock()
                for p in ready { onPiece?(p) }
                continue
            }
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

    private func process(_ seq: Int, _ item: InputItem, _ context: MatchContext, _ known: inout SetupBox?) -> BatchResult? {
        do {
            let (bytes, type) = try item.load()
            let sha = sha256Hex(bytes)
            func skipped() -> BatchResult {  // resume: already in the output
                var done = DocumentOutput(jsonl: [], sentences: 0, records: 0,
                                          labelCounts: Array(repeating: 0, count: Tag.allCases.count))
                done.skipped = true
                return BatchResult(sequence: seq, input: item, result: .success(done),
                                   sourceBytes: bytes.count, sha256: sha)
            }
            // Once the setup is known, a resumed input is not even parsed; before, it is
            // ingested while the rules compile, then checked.
            if known == nil, let made = currentSetup(wait: false) { known = SetupBox(made) }
            if let known, known.setup.skip.contains(sha) { return skipped() }
            let document = try item.ingest(bytes, type, sha256: sha)
            if known == nil {
                guard let made = currentSetup(wait: true) else { return nil }
                known = SetupBox(made)
                if made.skip.contains(sha) { return skipped() }
            }
            let box = known!
            let output = streaming
                ? box.setup.extractor.output(document, context: context) { self.handOn(seq, $0) }
                : box.setup.extractor.output(document, context: context)
            return BatchResult(sequence: seq, input: item, result: .success(output),
                               sourceBytes: bytes.count, sha256: sha)
        } catch {
            return BatchResult(sequence: seq, input: item, result: .failure(error), sourceBytes: 0, sha256: nil)
        }
    }
}

extension Batch {
    /// A piece of document `seq`'s records, for `deliver`; waits while the document holds
    /// more than `piecesHeld` bytes not yet delivered (the documents before it are not done).
    /// The earliest document in flight is always delivered, so the waits end.
    fileprivate func handOn(_ seq: Int, _ piece: [UInt8]) {
        lock.lock()
        pieces[seq, default: []].append(piece)
        pieceBytes[seq, default: 0] += piece.count
        lock.broadcast()
        while (pieceBytes[seq] ?? 0) > Self.piecesHeld { lock.wait() }
        lock.unlock()
    }
}

/// A worker's reference to the setup: methods called through its `let` borrow the setup in
/// place, where a `Setup` value was copied for each call.
private final class SetupBox {
    let setup: Batch.Setup
    init(_ setup: Batch.Setup) { self.setup = setup }
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
