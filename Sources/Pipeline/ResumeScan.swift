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
        let keys = Keys(signature)
        var current: [UInt8] = []  // the document (sha256 hex) of the last kept line
        var currentStart = 0       // where its records start in the kept bytes
        forEachLine(fd) { line, _ in
            // Compared as bytes: a String per line was most of the scan's time.
            guard let at = documentSHAOffset(line, keys) else { r.allKept = false; return }
            let same = current.count == 64 && line.withUnsafeBufferPointer { p in
                current.withUnsafeBufferPointer { memcmp(p.baseAddress! + at, $0.baseAddress!, 64) == 0 }
            }
            if !same {
                if !current.isEmpty { r.docs.insert(String(decoding: current, as: UTF8.self)) }
                current = Array(line[(line.startIndex + at)..<(line.startIndex + at + 64)])
                currentStart = r.keptLength
            }
            if compact && !r.allKept { _ = pwriteAll(fd, line, at: r.keptLength) }
            r.keptLength += line.count
        } partial: {
            r.allKept = false
        }
        if !current.isEmpty {
            if lastMayBeCut { r.keptLength = currentStart } else { r.docs.insert(String(decoding: current, as: UTF8.self)) }
        }
        return r
    }

    /// Appends the kept lines of `from` to `to` (a finished output some of whose records are
    /// of other rules).
    static func copyKept(from: Int32, to: Int32, signature: Signature) {
        let keys = Keys(signature)
        forEachLine(from) { line, _ in
            if documentSHAOffset(line, keys) != nil { _ = writeAll(to, line) }
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

    /// The byte strings a kept line must hold, made once per scan.
    struct Keys {
        let head = Array("{\"schema\":\"\(recordSchema)\",".utf8)
        let present: [[UInt8]]
        let absent: [[UInt8]]
        let sha = Array("\"sha256\":\"".utf8)
        init(_ signature: Signature) {
            present = signature.present.map { Array($0.utf8) }
            absent = signature.absent.map { Array($0.utf8) }
        }
    }

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
            let quote = ",\"quote\":{\"exact\":"
            if layout.quote { present.append(quote) } else { absent.append(quote) }
        }
    }

    /// The document sha256 of a whole record line of the current layout and rules, else nil.
    static func documentSHA(_ line: ArraySlice<UInt8>, signature: Signature) -> String? {
        guard let at = documentSHAOffset(line, Keys(signature)) else { return nil }
        return String(decoding: line[(line.startIndex + at)..<(line.startIndex + at + 64)], as: UTF8.self)
    }

    /// Where the document's 64-hex sha256 starts in such a line, else nil.
    static func documentSHAOffset(_ line: ArraySlice<UInt8>, _ keys: Keys) -> Int? {
        line.withUnsafeBufferPointer { p -> Int? in
            guard p.count >= 2, p[p.count - 1] == 0x0A, p[p.count - 2] == UInt8(ascii: "}") else { return nil }
            guard starts(p, with: keys.head), keys.present.allSatisfy({ find(p, $0) != nil }),
                  !keys.absent.contains(where: { find(p, $0) != nil }),
                  let at = find(p, keys.sha), at + 64 < p.count, p[at + 64] == UInt8(ascii: "\"") else { return nil }
            for k in at..<(at + 64) {
                let c = p[k]
                guard (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) else { return nil }
            }
            return at
        }
    }

    private static func starts(_ p: UnsafeBufferPointer<UInt8>, with prefix: [UInt8]) -> Bool {
        p.count >= prefix.count && prefix.withUnsafeBufferPointer { memcmp(p.baseAddress!, $0.baseAddress!, prefix.count) == 0 }
    }

    /// The offset just past the first occurrence of `needle`.
    private static func find(_ p: UnsafeBufferPointer<UInt8>, _ n: [UInt8]) -> Int? {
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
