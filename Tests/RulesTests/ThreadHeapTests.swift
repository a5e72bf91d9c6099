import Dispatch
import Foundation
import XCTest
@testable import Rules

/// `ThreadHeap.adviseHugePages` (docs/benchmarks.md, sixteenth round): a block a thread
/// allocates after it lies in a mapping advised for huge pages (`hg` among the mapping's
/// `VmFlags` in /proc/self/smaps, set whatever the system's THP setting).
final class ThreadHeapTests: XCTestCase {
    func testAThreadsBlocksLieInAnAdvisedMapping() throws {
        #if os(Linux)
        // A kernel built without transparent huge pages refuses the advice (EINVAL).
        guard FileManager.default.fileExists(atPath: "/sys/kernel/mm/transparent_hugepage") else {
            throw XCTSkip("this kernel has no transparent huge pages")
        }
        final class Box: @unchecked Sendable { var flags: [String]? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        Thread {
            ThreadHeap.adviseHugePages()
            let block = UnsafeMutableRawPointer.allocate(byteCount: 4096, alignment: 16)
            box.flags = Self.vmFlags(of: UInt(bitPattern: Int(bitPattern: block)))
            block.deallocate()
            done.signal()
        }.start()
        done.wait()
        let found = try XCTUnwrap(box.flags, "no mapping holds the block")
        XCTAssertTrue(found.contains("hg"), "\(found)")
        #endif
    }

    /// The `VmFlags` of the mapping of /proc/self/smaps that holds `address`.
    static func vmFlags(of address: UInt) -> [String]? {
        // Read to its end: a /proc file has no size to read by.
        guard let handle = FileHandle(forReadingAtPath: "/proc/self/smaps"),
              let data = try? handle.readToEnd() else { return nil }
        let smaps = String(decoding: data, as: UTF8.self)
        var inside = false
        for line in smaps.split(separator: "\n") {
            if let dash = line.firstIndex(of: "-"), let space = line.firstIndex(of: " "), dash < space,
               let lo = UInt(line[..<dash], radix: 16), let hi = UInt(line[line.index(after: dash)..<space], radix: 16) {
                inside = lo <= address && address < hi
            } else if inside, line.hasPrefix("VmFlags:") {
                return line.dropFirst("VmFlags:".count).split(separator: " ").map(String.init)
            }
        }
        return nil
    }
}
