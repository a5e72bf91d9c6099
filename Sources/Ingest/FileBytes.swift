#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole file read straight into the array that is returned (`FileManager` reads into
/// `Data`, which then had to be copied into an array); the `errno` value when it cannot be
/// opened or read (a directory fails its first read with EISDIR).
func fileBytes(atPath path: String) -> Result<[UInt8], FileError> {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return .failure(FileError(code: errno)) }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { return .failure(FileError(code: errno)) }
    // A regular file's size is known (one byte more sees the end in the same buffer);
    // anything else, a pipe or a device, is read to its end in growing buffers.
    var capacity = (st.st_mode & S_IFMT) == S_IFREG ? Int(st.st_size) + 1 : 1 << 16
    var bytes: [UInt8] = []
    while true {
        var failed: Int32 = 0
        let next = [UInt8](unsafeUninitializedCapacity: capacity) { buf, n in
            let p = buf.baseAddress!
            if !bytes.isEmpty { p.update(from: bytes, count: bytes.count) }
            n = bytes.count
            while n < capacity {
                let got = read(fd, p + n, capacity - n)
                if got > 0 { n += got; continue }
                if got < 0 && errno == EINTR { continue }
                failed = got < 0 ? errno : 0
                return
            }
        }
        if failed != 0 { return .failure(FileError(code: failed)) }
        bytes = next
        if bytes.count < capacity { return .success(bytes) }
        capacity *= 2   // the file grew, or is not a regular one
    }
}

/// Why a file could not be read: its `errno` value.
struct FileError: Error {
    var code: Int32
    var message: String { String(cString: strerror(code)) }
}
