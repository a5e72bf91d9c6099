/// Why a document could not be read. Printed as one line: `path: byte N: message`.
public struct IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case unreadable, invalidUTF8 = "invalid-utf8", binary, tooLarge = "too-large", html, pdf
    }

    public var path: String
    public var kind: Kind
    /// Byte offset in the source where the problem was found, when there is one.
    public var offset: Int?
    public var message: String

    public init(path: String, kind: Kind, offset: Int? = nil, message: String) {
        self.path = path
        self.kind = kind
        self.offset = offset
        self.message = message
    }

    public var description: String {
        if let offset { return "\(path): byte \(offset): \(message)" }
        return "\(path): \(message)"
    }
}
