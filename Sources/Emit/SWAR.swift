/// Tests on eight bytes at once (one UInt64 word), for the scans that skip runs of bytes
/// needing no work. Each is exact about whether such a byte exists in the word.
enum SWAR {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    @inline(__always)
    static func load(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
        UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)
    }

    @inline(__always)
    static func hasByte(_ w: UInt64, _ b: UInt8) -> Bool {
        let x = w ^ (ones &* UInt64(b))
        return (x &- ones) & ~x & highs != 0
    }

    /// Some byte is below `n` (n <= 128).
    @inline(__always)
    static func hasByte(_ w: UInt64, below n: UInt8) -> Bool {
        (w &- ones &* UInt64(n)) & ~w & highs != 0
    }

    @inline(__always)
    static func isASCII(_ w: UInt64) -> Bool { w & highs == 0 }

    /// Sixteen bytes, for tests of one vector compare each.
    @inline(__always)
    static func load16(_ p: UnsafePointer<UInt8>) -> SIMD16<UInt8> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD16<UInt8>.self)
    }

    /// A byte in every lane. Compare vectors with vectors: a compare with a scalar compiles
    /// to a loop over the lanes.
    @inline(__always)
    static func splat(_ b: UInt8) -> SIMD16<UInt8> { SIMD16(repeating: b) }

    /// No lane of the mask is set. (`any` calls a reduction loop; the mask's two halves are
    /// two words.)
    @inline(__always)
    static func none(_ m: SIMDMask<SIMD16<Int8>>) -> Bool {
        let halves = unsafeBitCast(m, to: (UInt64, UInt64).self)
        return halves.0 | halves.1 == 0
    }
}
