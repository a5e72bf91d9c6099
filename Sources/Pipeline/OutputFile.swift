import Dispatch
import Emit
import Foundation

/// JSON Lines output that is never seen half-written, and written by one run at a time.
///
/// Records go to `<path>.partial`, one whole document per write, and the file is renamed
/// to `<path>` only when the run completes. An interrupted run leaves the `.partial` file,
/// which `--resume` reads back: whole lines of whole documents are kept, the rest redone.
/// The run holds an exclusive `flock` on `<path>.partial` from opening to the rename, so a
/// second run on the same `-o` is refused instead of writing into the first one's file.
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
    /// `--resume` of a finished output: its records are all kept, and copied into `.partial`
    /// only when the first new record comes (a finished output with nothing to add is left
    /// as it is: resuming it costs one read).
    private var base: (fd: Int32, length: Int)?
    private var wrote = false
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
        public init(description: String) { self.description = description }
    }

    /// Opens the output. With `resume`, keeps records made with `rulesSHA256` from an
    /// earlier complete or interrupted run; otherwise starts empty. Throws when the path is
    /// a directory, cannot be created, or another run holds it.
    public init(path given: String, resume: Bool, rulesSHA256: String, layout: RecordLayout = .full) throws {
        let signature = ResumeScan.Signature(rulesSHA256: rulesSHA256, layout: layout)
        let path = Self.following(given)
        self.path = path
        var info = stat()
        if stat(path, &info) == 0 {
            let kind = info.st_mode & S_IFMT
            if kind == S_IFDIR { throw Failure(description: "\(path): is a directory (-o needs a file name)") }
            if kind != S_IFREG {
                guard let h = FileHandle(forWritingAtPath: path) else {
                    throw Failure(description: "\(path): cannot open for writing (\(errorText(errno)))")
                }
                handle = h
                direct = true
                return
            }
        }
        direct = false
        let partial = path + ".partial"
        let fd = try Self.openLocked(partial, output: path)
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var kept = 0
        if resume {
            var st = stat()
            if fstat(fd, &st) == 0, st.st_size > 0 {
                let scan = ResumeScan.run(fd: fd, signature: signature, lastMayBeCut: true, compact: true)
                (kept, completed) = (scan.keptLength, scan.docs)
            } else if let finished = Self.openFinished(path) {
                let scan = ResumeScan.run(fd: finished, signature: signature, lastMayBeCut: false, compact: false)
                completed = scan.docs
                if scan.allKept {
                    base = (finished, scan.keptLength)
                } else {
                    // Some records are of other rules or an older layout: copy the rest.
                    ResumeScan.copyKept(from: finished, to: fd, signature: signature)
                    close(finished)
                    kept = Int(lseek(fd, 0, SEEK_END))
                }
            }
        }
        guard ftruncate(fd, off_t(kept)) == 0, lseek(fd, off_t(kept), SEEK_SET) >= 0 else {
            throw Failure(description: "\(partial): cannot prepare output file (\(errorText(errno)))")
        }
    }

    deinit { if let base { close(base.fd) } }

    /// `<path>.partial`, opened and exclusively locked. The lock is taken on the inode the
    /// path names once locked: a run that opened the file just before another renamed it
    /// into place would otherwise lock (and truncate) the published output.
    private static func openLocked(_ partial: String, output: String) throws -> Int32 {
        while true {
            let fd = open(partial, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw Failure(description: "\(partial): cannot create output file (\(errorText(errno)))")
            }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let e = errno
                close(fd)
                if e == EWOULDBLOCK {
                    throw Failure(description: "\(output): another claimex run is writing this output (\(partial) is locked); wait for it to end or choose another -o")
                }
                throw Failure(description: "\(partial): cannot lock (\(errorText(e)))")
            }
            var held = stat(), named = stat()
            if fstat(fd, &held) == 0, stat(partial, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev {
                return fd
            }
            close(fd)  // renamed away meanwhile: lock the file now at that path
        }
    }

    private static func openFinished(_ path: String) -> Int32? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        return fd >= 0 ? fd : nil
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
        if !wrote { try copyBase() }
        wrote = true
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

    /// The finished output's records into `.partial`, before the first new one.
    private func copyBase() throws {
        guard let (from, length) = base else { return }
        base = nil
        defer { close(from) }
        if !ResumeScan.copy(from: from, length: length, to: handle.fileDescriptor) {
            throw Failure(description: "\(partialPath): cannot copy the records of \(path) (\(errorText(errno)))")
        }
    }

    /// Flushes to disk and moves the finished file into place.
    public func commit() throws {
        flusher.sync {}
        if direct { try? handle.close(); return }
        if base != nil {  // resumed a finished output and added nothing: it stays as it is
            unlink(partialPath)
            try? handle.close()
            return
        }
        try? handle.synchronize()
        if rename(partialPath, path) != 0 {
            let e = errno
            try? handle.close()
            throw Failure(description: "\(path): cannot move finished output into place (\(errorText(e)))")
        }
        try? handle.close()  // the lock goes with the descriptor, after the rename
    }

    /// Leaves `.partial` for a later `--resume` (none when nothing was written to it).
    public func abandon() {
        flusher.sync {}
        if direct { try? handle.close(); return }
        if base != nil { unlink(partialPath) }
        try? handle.synchronize()
        try? handle.close()
    }
}

/// The C library's text for an errno value ("No such file or directory").
func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }
