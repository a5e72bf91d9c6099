import Emit
import Foundation
import Ingest

/// `--errors FILE`: one JSON line a failed input (path, stage, kind, message, byte offset).
/// The file is opened in place (created or truncated): `/dev/stderr`, a FIFO or a symlink
/// stays what it is, where creating a new file and renaming it over the path would replace it.
public final class ErrorLog {
    private let handle: FileHandle?

    public init(path: String?) throws {
        guard let path else { handle = nil; return }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw OutputFile.Failure(description: "\(path): cannot create error log (\(String(cString: strerror(errno))))")
        }
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
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
