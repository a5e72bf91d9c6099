#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Emit
import Foundation

/// Reads an earlier run's output for `--resume` in one pass of 1 MB reads: memory is one
/// buffer and the longest line, whatever the size of the file (it used to be read whole
/// and every line parsed as JSON: 39 s and 2.8 GB for an 877 MB output).
///
/// A line is kept when it is whole (ends in a newline) and is a record of the current
/// layout and rules: it starts `{"schema":"<current>"`, carries `"rules_sha256":"<current>"`
/// and its document's 64-hex `"sha256"`. These are keys of the fixed layout claimex writes;
/// inside a JSON string every quote is escaped, so the byte sequences cannot come from a
/// path, id or title. Each document's records are contiguous (one write per document).
enum ResumeScan {
    /// What a line of this run would carry: the rules hash and claimex version (one needle:
    /// the keys are adjacent in the fixed layout), and the layout's offset units and quote.
    /// Records of other rules, another claimex or another profile are redone, not mixed in.
    struct Signature {
        var present: [String]
        var absent: [String]

        init(rulesSHA256: String, layout: RecordLayout) {
            present = ["\"rules_sha256\":\"\(rulesSHA256)\",\"claimex_version\":\"\(claimexVersion)\""]
            absent = []
            for (unit, key) in [(RecordLayout.Units.scalar, "\"scalar\":["), (.utf16, "\"utf16\":["), (.utf8, "\"utf8\":[")] {
                if layout.offsets.contains(unit) { present.append(key) } else { absent.append(key) }
            }
            if layout.quote { present.append(",\"quote\":{\"exact\":") } else { absent.append(",\"quote\":{\"exact\":") }
        }
    }

    struct Result {
        /// Bytes kept: with `compact`, the kept lines now fill the file up to here.
        var keptLength = 0
        /// Every complete line was kept.
        var allKept = true
        /// sha256 of the documents whose records were kept.
        var docs: Set<String> = []
    }

    private static let chunk = 1 << 20

    /// With `lastMayBeCut`, the last document's records are dropped (the run may have been
    /// killed while writing them: it is redone). With `compact`, kept lines are moved down
    /// over dropped ones in place (no write at all when every line is kept).
    static func run(fd: Int32, signature: Signature, lastMayBeCut: Bool, compact: Bool) -> Result {
        var r = Result()
        var current: String?       // the document of the last kept line
        var currentStart = 0       // where its records start in the kept bytes
        forEachLine(fd) { line, _ in
            guard let sha = documentSHA(line, signature: signature) else { r.allKept = false; return }
            if sha != current {
                if let done = current { r.docs.insert(done) }
                current = sha
                currentStart = r.keptLength
            }
            if compact && !r.allKept { _ = pwriteAll(fd, line, at: r.keptLength) }
            r.keptLength += line.count
        } partial: {
            r.allKept = false
        }
        if let last = current {
            if lastMayBeCut { r.keptLength = currentStart } else { r.docs.insert(last) }
        }
        return r
    }

    /// Appends the kept lines of `from` to `to` (a finished output some of whose records are
    /// of other rules).
    static func copyKept(from: Int32, to: Int32, signature: Signature) {
        forEachLine(from) { line, _ in
            if documentSHA(line, signature: signature) != nil { _ = writeAll(to, line) }
        } partial: {}
    }

    /// Copies the first `length` bytes of `from` to the end of `to`.
    static func copy(from: Int32, length: Int, to: Int32) -> Bool {
        var buffer = [UInt8](repeating: 0, count: chunk)
        var offset = 0
        while offset < length {
            let got = buffer.withUnsafeMutableBytes { pread(from, $0.baseAddress, min(chunk, length - offset), off_t(offset)) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { return false }
            guard writeAll(to, buffer[..<got]) else { return false }
            offset += got
        }
        return true
    }

    /// Calls `body` with every newline-terminated line and its offset, then `partial` when
    /// the file ends without a newline.
    private static func forEachLine(_ fd: Int32, _ body: (ArraySlice<UInt8>, Int) -> Void, partial: () -> Void) {
        var buffer = [UInt8](repeating: 0, count: chunk)
        var held = 0          // bytes of an unfinished line at the start of `buffer`
        var fileOffset = 0    // offset of buffer[0] in the file
        while true {
            if held == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }  // a line longer than the buffer
            let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + held, $0.count - held, off_t(fileOffset + held)) }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { if held > 0 { partial() }; return }
            let end = held + got
            var start = 0
            buffer.withUnsafeBufferPointer { p in
                while start < end, let nl = memchr(p.baseAddress! + start, 0x0A, end - start) {
                    let stop = p.baseAddress!.distance(to: nl.assumingMemoryBound(to: UInt8.self)) + 1
                    body(buffer[start..<stop], fileOffset + start)
                    start = stop
                }
            }
            held = end - start
            if start > 0 && held > 0 {
                buffer.withUnsafeMutableBufferPointer { p in
                    p.baseAddress!.update(from: p.baseAddress! + start, count: held)
                }
            }
            fileOffset += start
        }
    }

    /// The document sha256 of a whole record line of the current layout and rules, else nil.
    static func documentSHA(_ line: ArraySlice<UInt8>, signature: Signature) -> String? {
        line.withUnsafeBufferPointer { p -> String? in
            guard p.count >= 2, p[p.count - 1] == 0x0A, p[p.count - 2] == UInt8(ascii: "}") else { return nil }
            guard starts(p, with: head), signature.present.allSatisfy({ find(p, $0) != nil }),
                  !signature.absent.contains(where: { find(p, $0) != nil }),
                  let at = find(p, "\"sha256\":\""), at + 64 < p.count, p[at + 64] == UInt8(ascii: "\"") else { return nil }
            let hex = UnsafeBufferPointer(rebasing: p[at..<(at + 64)])
            guard hex.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }) else { return nil }
            return String(decoding: hex, as: UTF8.self)
        }
    }

    private static let head = Array("{\"schema\":\"\(recordSchema)\",".utf8)

    private static func starts(_ p: UnsafeBufferPointer<UInt8>, with prefix: [UInt8]) -> Bool {
        p.count >= prefix.count && prefix.withUnsafeBufferPointer { memcmp(p.baseAddress!, $0.baseAddress!, prefix.count) == 0 }
    }

    /// The offset just past the first occurrence of `needle`.
    private static func find(_ p: UnsafeBufferPointer<UInt8>, _ needle: String) -> Int? {
        let n = Array(needle.utf8)
        // memchr to each candidate first byte, memcmp for the rest (memmem is a GNU extension)
        var at = 0
        while at + n.count <= p.count, let hit = memchr(p.baseAddress! + at, Int32(n[0]), p.count - at - n.count + 1) {
            let k = UnsafeRawPointer(p.baseAddress!).distance(to: UnsafeRawPointer(hit))
            if n.withUnsafeBufferPointer({ memcmp(p.baseAddress! + k, $0.baseAddress!, n.count) }) == 0 { return k + n.count }
            at = k + 1
        }
        return nil
    }

    private static func writeAll(_ fd: Int32, _ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                done += n
            }
            return true
        }
    }

    private static func pwriteAll(_ fd: Int32, _ bytes: ArraySlice<UInt8>, at offset: Int) -> Bool {
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = pwrite(fd, raw.baseAddress! + done, raw.count - done, off_t(offset + done))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                done += n
            }
            return true
        }
    }
}
