/// Byte classes the plain-text reader tests, namespaced so other readers may have their own.
enum PlainTextBytes {
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C
    }

    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool {
        (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z")
    }

    @inline(__always) static func isASCIIDigit(_ b: UInt8) -> Bool {
        b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")
    }

    @inline(__always) static func isASCIIPunctuation(_ b: UInt8) -> Bool {
        (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || (b >= 0x7B && b <= 0x7E)
    }

    /// Letters, digits and any non-ASCII byte (part of a non-ASCII letter, most likely).
    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        Self.isASCIILetter(b) || Self.isASCIIDigit(b) || b >= 0x80
    }
}
