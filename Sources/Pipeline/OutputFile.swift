import Dispatch
import Emit
import Foundation

/// JSON Lines output that is never seen half-written.
///
/// Records go to `<path>.partial`, one whole document per write, and the file is renamed
/// to `<path>` only when the run completes. An interrupted run leaves the `.partial` file,
/// which `--resume` reads back: whole lines of whole documents are kept, the rest redone.
///
/// A path that names a device, a pipe or a socket (`/dev/null`, `/dev/stdout`, a FIFO) is
/// written in place: renaming a file over it would replace the device itself. A symlink is
/// followed: the file it names is replaced, and the link stays a link.
public final class OutputFile {
    public let path: String
    /// Where records go until the run completes: `<path>.partial`, or `path` when it is
    /// not a regular file.
    public var partialPath: String { direct ? path : path + ".partial" }
    private let handle: FileHandle
    private let direct: Bool
    /// Makes what is written durable while the run goes on, so the `fsync` before the rename
    /// has almost nothing left: an `fdatasync` every 8 MB on this queue, off the writing
    /// thread. Measured on a 100 MB output: the last `fsync` took 0.14 s after writeback
    /// hints (`posix_fadvise`) every 32 MB, whatever their spacing, and 0.006 s this way,
    /// with no write waiting more than a millisecond.
    private let flusher = DispatchQueue(label: "claimex.output.flush")
    private var unflushed = 0
    private static let flushEvery = 8 << 20

    /// sha256 values of the documents the kept records came from (for `--resume`).
    public private(set) var completed: Set<String> = []

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Opens the output. With `resume`, keeps records made with `rulesSHA256` from an
    /// earlier complete or interrupted run; otherwise starts empty.
    public init(path given: String, resume: Bool, rulesSHA256: String) throws {
        let path = Self.following(given)
        self.path = path
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG, info.st_mode & S_IFMT != S_IFDIR {
            guard let h = FileHandle(forWritingAtPath: path) else {
                throw Failure(description: "\(path): cannot open for writing")
            }
            handle = h
            direct = true
            return
        }
        direct = false
        let fm = FileManager.default
        var kept: [UInt8] = []
        if resume {
            let partial = path + ".partial"
            if let data = fm.contents(atPath: partial) {
                (kept, completed) = Self.wholeDocuments(Array(data), rulesSHA256: rulesSHA256, lastMayBeCut: true)
            } else if let data = fm.contents(atPath: path) {
                (kept, completed) = Self.wholeDocuments(Array(data), rulesSHA256: rulesSHA256, lastMayBeCut: false)
            }
        }
        guard fm.createFile(atPath: path + ".partial", contents: Data(kept)),
              let h = FileHandle(forWritingAtPath: path + ".partial") else {
            throw Failure(description: "\(path).partial: cannot create output file")
        }
        handle = h
        handle.seekToEndOfFile()
    }

    /// The file a symlink names (the path itself otherwise, or when the link dangles).
    private static func following(_ path: String) -> String {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    /// Appends one document's lines in a single write.
    public func write(_ bytes: [UInt8]) throws {
        guard !bytes.isEmpty else { return }
        do { try handle.write(contentsOf: bytes) } catch {
            throw Failure(description: "\(partialPath): write failed: \(error.localizedDescription)")
        }
        unflushed += bytes.count
        if unflushed >= Self.flushEvery && !direct {
            unflushed = 0
            let fd = handle.fileDescriptor
            #if os(Linux)
            flusher.async { _ = fdatasync(fd) }
            #else
            flusher.async { _ = fsync(fd) }
            #endif
        }
    }

    /// Flushes to disk and moves the finished file into place.
    public func commit() throws {
        flusher.sync {}
        if direct { try? handle.close(); return }
        try? handle.synchronize()
        try? handle.close()
        if rename(partialPath, path) != 0 {
            throw Failure(description: "\(path): cannot move finished output into place (errno \(errno))")
        }
    }

    /// Leaves `.partial` for a later `--resume`.
    public func abandon() {
        flusher.sync {}
        if direct { try? handle.close(); return }
        try? handle.synchronize()
        try? handle.close()
    }

    /// The complete lines whose rules hash and schema version match, minus the last document
    /// when the file may have been cut mid-document; and the sha256 of each document kept.
    static func wholeDocuments(_ data: [UInt8], rulesSHA256: String, lastMayBeCut: Bool)
        -> (bytes: [UInt8], docs: Set<String>)
    {
        var lines: [(doc: String, bytes: ArraySlice<UInt8>)] = []
        var start = 0
        while let nl = data[start...].firstIndex(of: 0x0A) {
            let line = data[start...nl]
            start = nl + 1
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  obj["rules_sha256"] as? String == rulesSHA256,
                  obj["schema"] as? String == recordSchema,  // an older layout is redone, not mixed in
                  let doc = (obj["doc"] as? [String: Any])?["sha256"] as? String else { continue }
            lines.append((doc, line))
        }
        if lastMayBeCut, let last = lines.last?.doc {
            lines.removeAll { $0.doc == last }
        }
        var bytes: [UInt8] = []
        var docs: Set<String> = []
        for l in lines {
            bytes.append(contentsOf: l.bytes)
            docs.insert(l.doc)
        }
        return (bytes, docs)
    }
}
