import Foundation

/// Expands the command line's paths into the files to read, in a stable order.
public enum Inputs {
    /// Extensions read when walking a directory.
    public static let defaultExtensions: Set<String> = ["txt", "md", "html", "htm", "xhtml"]

    public struct Missing: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "\(path): no such file or directory" }
    }

    /// Files stay in command-line order; each directory contributes its matching files,
    /// recursively, sorted by path so runs are deterministic. `-` is standard input.
    public static func expand(
        _ paths: [String], extensions: Set<String> = defaultExtensions,
        include: [Glob] = [], exclude: [Glob] = []
    ) -> (files: [String], missing: [Missing]) {
        var files: [String] = []
        var missing: [Missing] = []
        let fm = FileManager.default
        for path in paths {
            if path == "-" { files.append(path); continue }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                missing.append(Missing(path: path)); continue
            }
            guard isDir.boolValue else { files.append(path); continue }
            var found: [String] = []
            let root = path.hasSuffix("/") ? String(path.dropLast()) : path
            if let walker = fm.enumerator(atPath: root) {
                while let rel = walker.nextObject() as? String {
                    let ext = (rel as NSString).pathExtension.lowercased()
                    guard extensions.contains(ext) else { continue }
                    if !include.isEmpty && !include.contains(where: { $0.matches(rel) }) { continue }
                    if exclude.contains(where: { $0.matches(rel) }) { continue }
                    let full = root + "/" + rel
                    var sub: ObjCBool = false
                    if fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue { found.append(full) }
                }
            }
            files.append(contentsOf: found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        }
        return (files, missing)
    }
}
