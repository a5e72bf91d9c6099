import Crypto

/// Lowercase hex sha256, the fingerprint records carry for sources.
public func sha256Hex(_ bytes: [UInt8]) -> String {
    let hex: [UInt8] = Array("0123456789abcdef".utf8)
    var out = [UInt8]()
    out.reserveCapacity(64)
    for b in SHA256.hash(data: bytes) {
        out.append(hex[Int(b >> 4)])
        out.append(hex[Int(b & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
}
