import Emit
import Foundation
import Ingest

/// `--errors FILE`: one JSON line a failed input (path, stage, kind, message, byte offset).
public final class ErrorLog {
    private let handle: FileHandle?

    public init(path: String?) throws {
        guard let path else { handle = nil; return }
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let h = FileHandle(forWritingAtPath: path) else {
            throw OutputFile.Failure(description: "\(path): cannot create error log")
        }
        handle = h
    }

    public func log(path: String, stage: String, kind: String, message: String, offset: Int?) {
        guard let handle else { return }
        var w = JSONWriter(reservingCapacity: 256)
        w.beginObject()
        w.key("path"); w.string(path)
        w.key("stage"); w.string(stage)
        w.key("kind"); w.string(kind)
        w.key("message"); w.string(message)
        w.key("offset"); if let offset { w.int(offset) } else { w.null() }
        w.endObject()
        w.newline()
        try? handle.write(contentsOf: w.bytes)
    }

    public func log(_ e: IngestError) {
        log(path: e.path, stage: "ingest", kind: e.kind.rawValue, message: e.message, offset: e.offset)
    }

    public func close() { try? handle?.close() }
}
