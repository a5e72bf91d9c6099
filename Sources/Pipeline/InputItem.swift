import Foundation
import Ingest

/// One document to process: a file, or a record of a JSON Lines stream.
public enum InputItem: Sendable {
    case file(path: String)
    /// `numericID`: the stream gave the id as a JSON number; records write it back as one.
    case inline(id: String, numericID: Bool = false, bytes: [UInt8], mediaType: Document.MediaType)

    public var name: String {
        switch self {
        case .file(let p): return p
        case .inline(let id, _, _, _): return id
        }
    }

    /// The source bytes and their media type (files: by name, else by content).
    public func load() throws(IngestError) -> (bytes: [UInt8], mediaType: Document.MediaType) {
        switch self {
        case .file(let path):
            let bytes = try Ingest.load(path: path)
            return (bytes, Ingest.mediaType(path: path, prefix: bytes[...]))
        case .inline(_, _, let bytes, let type):
            return (bytes, type)
        }
    }

    /// Reads and ingests.
    public func ingest() throws(IngestError) -> Document {
        let (bytes, type) = try load()
        return try ingest(bytes, type)
    }

    func ingest(_ bytes: [UInt8], _ type: Document.MediaType, sha256: String? = nil) throws(IngestError) -> Document {
        switch self {
        case .file(let path):
            return try Ingest.document(source: bytes, path: path, mediaType: type, sha256: sha256)
        case .inline(let id, let numericID, _, _):
            var document = try Ingest.document(source: bytes, path: id, id: id, mediaType: type, sha256: sha256)
            document.idIsNumber = numericID
            return document
        }
    }
}

/// Reads `{"id": ..., "text": ...}` / `{"id": ..., "html": ...}` lines lazily, so a stream of
/// any length is processed in constant memory.
public struct JSONLinesInput: Sequence, IteratorProtocol {
    public struct BadLine: Error, CustomStringConvertible {
        public var line: Int
        public var message: String
        /// `.malformedJSON`, or `.missingField` for an object without "id" or a text.
        public var kind: IngestError.Kind = .malformedJSON
        public var description: String { "stdin:\(line): \(message)" }
    }

    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var eof = false
    private var lineNumber = 0
    /// Lines that could not be read, reported by the caller as failures.
    public private(set) var errors: [BadLine] = []
    public var onError: ((BadLine) -> Void)?

    public init(handle: FileHandle = .standardInput) { self.handle = handle }

    public mutating func next() -> InputItem? {
        while let line = nextLine() {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            do { return try Self.parse(line, number: lineNumber) } catch let e as BadLine {
                onError?(e)
            } catch {}
        }
        return nil
    }

    static func parse(_ line: [UInt8], number: Int) throws -> InputItem {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
            throw BadLine(line: number, message: "not a JSON object")
        }
        // The id keeps its JSON type: a string comes back as a string, a number as a number
        // (in its shortest form: 1e3 is written 1000.0). true/false are neither.
        let id: String, numeric: Bool
        switch object["id"] {
        case let s as String: (id, numeric) = (s, false)
        case let n as NSNumber where String(cString: n.objCType) != "c": (id, numeric) = (n.stringValue, true)
        case nil: throw BadLine(line: number, message: "missing \"id\"", kind: .missingField)
        default: throw BadLine(line: number, message: "\"id\" must be a string or a number")
        }
        // The id is copied into every record: refused past the cap, not cut (it is a key).
        if id.utf8.count > FieldCap.maxBytes {
            throw BadLine(line: number, message: "\"id\" is \(id.utf8.count) bytes, over the \(FieldCap.maxBytes)-byte limit", kind: .tooLarge)
        }
        let text = object["text"], html = object["html"]
        if text != nil && html != nil {
            throw BadLine(line: number, message: "record \(id) has both \"text\" and \"html\"; give one")
        }
        if let text = text as? String {
            return .inline(id: id, numericID: numeric, bytes: Array(text.utf8), mediaType: .plainText)
        }
        if let html = html as? String {
            return .inline(id: id, numericID: numeric, bytes: Array(html.utf8), mediaType: .html)
        }
        if text != nil || html != nil {
            throw BadLine(line: number, message: "record \(id): \"\(text != nil ? "text" : "html")\" must be a string")
        }
        throw BadLine(line: number, message: "record \(id) has neither \"text\" nor \"html\"", kind: .missingField)
    }

    private mutating func nextLine() -> [UInt8]? {
        var scanFrom = start
        while true {
            if let nl = buffer[scanFrom...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<nl])
                start = nl + 1
                return line
            }
            if eof {
                guard start < buffer.count else { return nil }
                defer { buffer.removeAll(); start = 0 }
                return Array(buffer[start...])
            }
            // drop consumed bytes before growing, so the buffer holds one line at most
            buffer.removeSubrange(..<start)
            start = 0
            scanFrom = buffer.count
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { eof = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}
