#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole file read straight into the array that is returned (`FileManager` reads into
/// `Data`, which then had to be copied into an array); nil when it cannot be opened or read
/// (a directory fails its first read), as `FileManager.contents(atPath:)` gives nil.
func fileBytes(atPath path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { return nil }
    // A regular file's size is known (one byte more sees the end in the same buffer);
    // anything else, a pipe or a device, is read to its end in growing buffers.
    var capacity = (st.st_mode & S_IFMT) == S_IFREG ? Int(st.st_size) + 1 : 1 << 16
    var bytes: [UInt8] = []
    while true {
        var failed = false
        let next = [UInt8](unsafeUninitializedCapacity: capacity) { buf, n in
            let p = buf.baseAddress!
            if !bytes.isEmpty { p.update(from: bytes, count: bytes.count) }
            n = bytes.count
            while n < capacity {
                let got = read(fd, p + n, capacity - n)
                if got > 0 { n += got; continue }
                if got < 0 && errno == EINTR { continue }
                failed = got < 0
                return
            }
        }
        if failed { return nil }
        bytes = next
        if bytes.count < capacity { return bytes }
        capacity *= 2   // the file grew, or is not a regular one
    }
}
