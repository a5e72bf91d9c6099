#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a document could not be read. Printed as one line: `path: byte N: message`.
public struct IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `kind` of the `--errors` log. The first five say why a file could not be read.
    public enum Kind: String, Sendable {
        case notFound = "not-found", permission, symlinkLoop = "symlink-loop", notAFile = "not-a-file", unreadable
        case invalidUTF8 = "invalid-utf8", binary, tooLarge = "too-large", html, pdf
        /// A line of `--input-format jsonl` that is not a JSON object, or lacks "id" or a text.
        case malformedJSON = "malformed-json", missingField = "missing-field"

        /// The kind for an `errno` of `open`, `stat` or `read`.
        public init(errno code: Int32) {
            switch code {
            case ENOENT, ENOTDIR: self = .notFound
            case EACCES, EPERM: self = .permission
            case ELOOP: self = .symlinkLoop
            case EISDIR: self = .notAFile
            case EFBIG, EOVERFLOW: self = .tooLarge
            default: self = .unreadable
            }
        }
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
