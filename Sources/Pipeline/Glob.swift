/// A shell-style glob for `--include`/`--exclude`: `*` (not across `/`), `**` (any
/// depth), `?`, and literal bytes. Patterns without `/` match the file name alone.
public struct Glob: Sendable {
    public let pattern: String
    private let bytes: [UInt8]
    private let nameOnly: Bool

    public init(_ pattern: String) {
        self.pattern = pattern
        bytes = Array(pattern.utf8)
        nameOnly = !pattern.contains("/")
    }

    public func matches(_ path: String) -> Bool {
        var subject = Array(path.utf8)
        if nameOnly, let slash = subject.lastIndex(of: UInt8(ascii: "/")) {
            subject = Array(subject[(slash + 1)...])
        }
        return Self.match(bytes[...], subject[...])
    }

    private static func match(_ p: ArraySlice<UInt8>, _ s: ArraySlice<UInt8>) -> Bool {
        guard let c = p.first else { return s.isEmpty }
        let star = UInt8(ascii: "*"), slash = UInt8(ascii: "/")
        if c == star {
            let deep = p.dropFirst().first == star
            var rest = p.dropFirst(deep ? 2 : 1)
            if deep, rest.first == slash { rest = rest.dropFirst() }
            var i = s.startIndex
            while true {
                if match(rest, s[i...]) { return true }
                if i == s.endIndex || (!deep && s[i] == slash) { return false }
                i += 1
            }
        }
        guard let h = s.first else { return false }
        if c == UInt8(ascii: "?") ? h != slash : h == c {
            return match(p.dropFirst(), s.dropFirst())
        }
        return false
    }
}
