/// Caps on the texts a document copies into every one of its records (title, authors,
/// date, section headings; a stream record's `id`): a 1 MB first line of a text file was
/// its title, and turned a 1 MB input into 47 MB of output.
public enum FieldCap {
    /// Bytes of UTF-8 kept of a title, an author, a date or a heading.
    public static let maxBytes = 1024
    /// Authors kept (a page listing more names them in its text anyway).
    public static let maxAuthors = 32

    /// `s` when it fits in `limit` bytes; else its longest prefix of whole scalars that
    /// fits with a closing "…" (3 bytes).
    public static func capped(_ s: String, limit: Int = maxBytes) -> String {
        guard s.utf8.count > limit else { return s }
        var end = s.utf8.startIndex, used = 0
        for scalar in s.unicodeScalars {
            let n = UTF8.width(scalar)
            if used + n > limit - 3 { break }
            used += n
            end = s.unicodeScalars.index(after: end)
        }
        return String(Substring(s.unicodeScalars[..<end])) + "…"
    }
}
