import Foundation

/// A one-line progress display on stderr, redrawn at most ten times a second, only when
/// stderr is a terminal.
public final class Progress {
    private let total: Int?
    private let totalBytes: Int?
    private let enabled: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast

    public init(totalFiles: Int?, totalBytes: Int?, enabled: Bool) {
        self.total = totalFiles
        self.totalBytes = totalBytes
        self.enabled = Self.shown(enabled)
    }

    /// Whether a progress line asked for (`enabled`) is drawn: only on a terminal. Callers
    /// use it to skip gathering what only the bar shows (a stat per input for the time left).
    public static func shown(_ enabled: Bool) -> Bool { enabled && isatty(STDERR_FILENO) == 1 }

    public func update(_ s: RunSummary, force: Bool = false) {
        guard enabled else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let mb = Double(s.bytes) / 1_048_576
        var line = "files \(s.files)" + (total.map { "/\($0)" } ?? "")
        line += String(format: " · %.1f MB · %.1f MB/s · %.0f sentences/s", mb, mb / elapsed, Double(s.sentences) / elapsed)
        if let totalBytes, s.bytes > 0 {
            let left = elapsed * Double(totalBytes - s.bytes) / Double(s.bytes)
            line += String(format: " · %d:%02d left", Int(left) / 60, Int(left) % 60)
        }
        if s.failed > 0 { line += " · \(s.failed) failed" }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
    }

    public func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
