import Foundation

/// Runs poppler's command-line tools (`pdftohtml` from poppler-utils) as
/// subprocesses. Poppler is GPL; running its programs keeps claimex's binary free of it (see
/// docs/pdf.md). A subprocess can also be killed: every run has a wall-clock limit, so a PDF
/// that sends poppler into a loop costs `timeLimit` seconds, never a hung batch.
enum PDFTools {
    /// Seconds one tool may run on one document before it is killed (documented limit).
    nonisolated(unsafe) static var timeLimit: Double = 30
    /// Bytes of tool output read at most (a 500-page brief's text runs are ~20 MB).
    static let maxOutput = 128 << 20

    struct Failure: Error {
        var message: String
        /// Killed by claimex (time or output limit), not a complaint of poppler's.
        var stopped = false
    }

    /// Runs `tool args`, returns its standard output. Throws with the tool's first line of
    /// complaint when it fails, is killed, or says too much.
    static func run(_ tool: String, _ args: [String], stderrFile: String) throws(Failure) -> [UInt8] {
        guard let exe = locate(tool) else {
            throw Failure(message: "\(tool) not found: install poppler-utils (scripts/bootstrap.sh does)")
        }
        // posix_spawn, not Foundation's Process: its waitUntilExit polls a run loop and added
        // up to 0.1 s a tool, more than poppler takes on a brief.
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw Failure(message: "cannot make a pipe for \(tool)") }
        let errFD = open(stderrFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard errFD >= 0 else {
            close(fds[0]); close(fds[1])
            throw Failure(message: "cannot create a temporary file for \(tool)")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errFD, 2)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        let argv: [UnsafeMutablePointer<CChar>?] = ([exe] + args).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, exe, &actions, nil, argv, environ)
        close(fds[1]); close(errFD)
        guard spawned == 0 else {
            close(fds[0])
            throw Failure(message: "cannot start \(tool): \(String(cString: strerror(spawned)))")
        }
        let killed = Killer()
        let timer = DispatchWorkItem { killed.fire { kill(pid, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: timer)
        var bytes: [UInt8] = []
        var tooMuch = false
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            if bytes.count + n > maxOutput {
                tooMuch = true
                killed.fire { kill(pid, SIGKILL) }
                break
            }
            bytes.append(contentsOf: chunk[0..<n])
        }
        close(fds[0])
        // Disarm before reaping: the timer must never signal a pid the system has reused.
        let timedOut = !tooMuch && !killed.disarm()
        timer.cancel()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        if tooMuch {
            throw Failure(message: "\(tool) wrote more than \(maxOutput >> 20) MB, stopped", stopped: true)
        }
        if timedOut {
            throw Failure(message: "\(tool) took longer than the \(Int(timeLimit)) s limit per document, stopped", stopped: true)
        }
        let exited = status & 0x7F == 0, code = (status >> 8) & 0xFF
        guard exited, code == 0 else {
            let why = firstComplaint(stderrFile) ?? (exited ? "exit status \(code)" : "killed by signal \(status & 0x7F)")
            throw Failure(message: why)
        }
        return bytes
    }

    /// The tool's most telling line on stderr: an error over a warning, the first of them.
    static func firstComplaint(_ path: String) -> String? {
        guard let h = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? h.close() }
        let head = String(decoding: h.readData(ofLength: 4096), as: UTF8.self)
        let lines = head.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let pick = lines.first { $0.contains("Error:") && !$0.hasPrefix("Syntax Warning") } ?? lines.first
        return pick.map { String($0.prefix(200)) }
    }

    private static let searchPath = ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin", "/bin"]
    private static let cache = Cache()

    /// The tool's absolute path: `$PATH` first, then the usual places.
    static func locate(_ tool: String) -> String? {
        if let hit = cache.get(tool) { return hit }
        let env = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map(String.init) ?? []
        for dir in env + searchPath {
            let p = dir + "/" + tool
            if access(p, X_OK) == 0 { cache.set(tool, p); return p }
        }
        return nil
    }

    private final class Cache: @unchecked Sendable {
        private var map: [String: String] = [:]
        private let lock = NSLock()
        func get(_ k: String) -> String? { lock.lock(); defer { lock.unlock() }; return map[k] }
        func set(_ k: String, _ v: String) { lock.lock(); map[k] = v; lock.unlock() }
    }

    /// Fires at most once, from the timer or the reader, whichever comes first.
    private final class Killer: @unchecked Sendable {
        private var fired = false
        private let lock = NSLock()
        func fire(_ action: () -> Void) {
            lock.lock(); defer { lock.unlock() }
            guard !fired else { return }
            fired = true
            action()
        }
        /// Stops a later `fire`; false when it had already fired.
        func disarm() -> Bool {
            lock.lock(); defer { lock.unlock() }
            if fired { return false }
            fired = true
            return true
        }
    }
}
