import CLibXML2

/// Read-only accessors for libxml2 nodes. The HTML parser lowercases element and attribute
/// names, so comparisons here are plain equality.
enum HTMLNode {
    @inline(__always)
    static func isElement(_ node: xmlNodePtr) -> Bool { node.pointee.type == XML_ELEMENT_NODE }

    @inline(__always)
    static func isText(_ node: xmlNodePtr) -> Bool {
        node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE
    }

    /// Element name; short names are stored inline in the String, so this does not allocate.
    static func name(_ node: xmlNodePtr) -> String {
        guard let n = node.pointee.name else { return "" }
        return String(cString: n)
    }

    /// Attribute value as written (entities decoded), nil when absent.
    static func attribute(_ node: xmlNodePtr, _ key: String) -> String? {
        var attr = node.pointee.properties
        while let a = attr {
            if let n = a.pointee.name, equals(n, key) {
                var value = ""
                var child = a.pointee.children
                while let c = child {
                    if let content = c.pointee.content { value += String(cString: content) }
                    child = c.pointee.next
                }
                return value
            }
            attr = a.pointee.next
        }
        return nil
    }

    /// A NUL-terminated name equal to `key`, compared in place (no String is made: this
    /// runs for every attribute of every element).
    @inline(__always)
    static func equals(_ name: UnsafePointer<xmlChar>, _ key: String) -> Bool {
        var i = 0
        for b in key.utf8 {
            if name[i] != b { return false }
            i += 1
        }
        return name[i] == 0
    }

    static func hasAttribute(_ node: xmlNodePtr, _ key: String) -> Bool {
        var attr = node.pointee.properties
        while let a = attr {
            if let n = a.pointee.name, equals(n, key) { return true }
            attr = a.pointee.next
        }
        return false
    }

    /// Lowercased words of a class or id value, split at anything not a letter or digit
    /// (`site-header__nav` -> site, header, nav).
    static func tokens(_ value: String?) -> [String] {
        var out = [String]()
        appendTokens(value, to: &out)
        return out
    }

    /// The words of an element's class and then its id, in one array.
    static func classWords(_ node: xmlNodePtr) -> [String] {
        classWords(attribute(node, "class"), attribute(node, "id"))
    }

    static func classWords(_ cls: String?, _ id: String?) -> [String] {
        var out = [String]()
        out.reserveCapacity(8)
        appendTokens(cls, to: &out)
        appendTokens(id, to: &out)
        return out
    }

    /// `tokens`, appended: each word is made straight from the value's bytes (this runs for
    /// every class and id on a page, so no array per word and no concatenated arrays).
    static func appendTokens(_ value: String?, to out: inout [String]) {
        guard var value else { return }
        value.withUTF8 { bytes in
            var start = -1
            for i in 0...bytes.count {
                let l = i < bytes.count ? HTMLEncoding.lower(bytes[i]) : 0
                if (l >= 0x61 && l <= 0x7A) || (l >= 0x30 && l <= 0x39) {
                    if start < 0 { start = i }
                } else if start >= 0 {
                    let word = UnsafeBufferPointer(rebasing: bytes[start..<i])
                    out.append(String(unsafeUninitializedCapacity: word.count) { buffer in
                        for k in word.indices { buffer[k] = HTMLEncoding.lower(word[k]) }
                        return word.count
                    })
                    start = -1
                }
            }
        }
    }

    /// The visible text under `node` (scripts and styles skipped), whitespace collapsed,
    /// at most `limit` bytes. Iterative: any depth is fine.
    static func text(_ node: xmlNodePtr, limit: Int = 4096) -> String {
        var out = [UInt8]()
        var current: xmlNodePtr? = node.pointee.children
        var depth = 0
        while let n = current, out.count < limit {
            if isText(n), let content = n.pointee.content {
                var p = content
                while p.pointee != 0 { out.append(p.pointee); p += 1 }
            } else if isElement(n), let child = n.pointee.children {
                let tag = name(n)
                if tag != "script" && tag != "style" && tag != "template" {
                    current = child
                    depth += 1
                    continue
                }
            }
            current = nextSkippingChildren(n, depth: &depth)
        }
        return collapsed(String(decoding: out.prefix(limit), as: UTF8.self))
    }

    /// Next node in document order after `node`'s subtree, climbing at most `depth` levels.
    private static func nextSkippingChildren(_ node: xmlNodePtr, depth: inout Int) -> xmlNodePtr? {
        var n = node
        while true {
            if let next = n.pointee.next { return next }
            guard depth > 0, let parent = n.pointee.parent else { return nil }
            depth -= 1
            n = parent
        }
    }

    /// The node after `node`'s subtree in document order, not leaving `root`'s subtree
    /// (nil past its end): the step of the bounded walks that skip or finish a subtree.
    static func next(after node: xmlNodePtr, within root: xmlNodePtr) -> xmlNodePtr? {
        var m = node
        while m != root {
            if let next = m.pointee.next { return next }
            guard let parent = m.pointee.parent else { return nil }
            m = parent
        }
        return nil
    }

    /// Whitespace (including no-break spaces) collapsed to single spaces, ends trimmed.
    static func collapsed(_ s: String) -> String {
        var out = ""
        var space = false
        for u in s.unicodeScalars {
            // ASCII answered without Unicode's property tables (a hot path on every page).
            let white = u.isASCII ? (u == " " || (u.value >= 0x09 && u.value <= 0x0D)) : (u.properties.isWhitespace || u == "\u{A0}")
            if white {
                space = !out.isEmpty
            } else {
                if space { out.append(" ") }
                space = false
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
