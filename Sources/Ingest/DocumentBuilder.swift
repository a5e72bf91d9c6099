/// The one sink every markup adapter writes into: it owns whitespace collapsing, block
/// separation, the section path and the source map, so adapters only say what they see.
///
/// `append` runs once per byte of every document, so its state is plain integers: the
/// open block's metadata is only touched when a block begins or ends.
public struct DocumentBuilder: Sendable {
    public private(set) var text: [UInt8] = []
    private var blocks: [Block] = []
    private var map = SourceMap()
    private var headings: [(level: Int, text: String)] = []
    /// Metadata of the open block; its range is fixed when it ends.
    private var open: Block?
    /// Mirrors `open != nil`: testing the optional itself copies the whole Block.
    private var isOpen = false
    private var openStart = 0
    /// A whitespace run is waiting to become one space (at `pendingSpaceSource`, -1: none).
    private var pendingSpace = false
    private var pendingSpaceSource = -1

    public init(capacity: Int = 0) {
        text.reserveCapacity(capacity)
    }

    /// Starts a block; a block still open is ended first.
    public mutating func beginBlock(_ kind: Block.Kind, level: Int = 0, sourceLine: Int, xpath: String? = nil) {
        if isOpen { endBlock() }
        let path = headings.filter { kind != .heading || $0.level < level }.map(\.text)
        openStart = text.count
        isOpen = true
        open = Block(kind: kind, range: openStart..<openStart, sectionPath: path, level: level,
                     sourceLine: sourceLine, xpath: xpath)
        pendingSpace = false
    }

    public var isBlockOpen: Bool { isOpen }
    /// True when the open block has no text yet.
    public var isBlockEmpty: Bool { !isOpen || openStart == text.count }
    public var openKind: Block.Kind? { open?.kind }

    /// Appends one byte copied from `source` (nil for bytes the adapter made up, such as a
    /// decoded entity). Whitespace runs collapse to one space; leading whitespace is dropped.

    public mutating func append(_ byte: UInt8, source: Int?) {
        if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
            appendSpace(source: source)
        } else {
            appendVisible(byte, source: source ?? -1)
        }
    }

    /// Appends bytes copied from consecutive source offsets starting at `sourceStart`.
    public mutating func append<C: Collection<UInt8>>(_ bytes: C, sourceStart: Int?) {
        var s = sourceStart
        for b in bytes {
            append(b, source: s)
            if let v = s { s = v + 1 }
        }
    }

    /// Appends `src[range]`, copied from those source offsets: visible bytes and single
    /// spaces between them (what collapsing keeps as it is). One source-map check and one
    /// copy for the whole run.
    mutating func appendRun(_ src: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        prepareVisible()
        map.record(text: text.count, source: range.lowerBound)
        map.extendRun(by: range.count - 1)
        text.append(contentsOf: UnsafeBufferPointer(rebasing: src[range]))
    }

    /// A word break that is not in the source (a line joined to the next one).

    public mutating func appendSpace(source: Int?) {
        guard isOpen, openStart < text.count, !pendingSpace else { return }
        pendingSpace = true
        pendingSpaceSource = source ?? -1
    }


    mutating func appendVisible(_ byte: UInt8, source: Int) {
        prepareVisible()
        if source >= 0 { map.record(text: text.count, source: source) }
        text.append(byte)
    }

    /// What goes before a visible byte: a block opened if none is, the blank line after the
    /// previous block, the pending space.
    @inline(__always)
    private mutating func prepareVisible() {
        if !isOpen { beginBlock(.paragraph, sourceLine: 0) }
        if openStart == text.count && openStart > 0 {
            // first byte of a block after another: separate with a blank line
            text.append(0x0A); text.append(0x0A)
            openStart = text.count
        }
        if pendingSpace {
            if pendingSpaceSource >= 0 { map.record(text: text.count, source: pendingSpaceSource) }
            text.append(0x20)
            pendingSpace = false
        }
    }

    /// Ends the open block; an empty block is dropped. Headings update the section path.
    public mutating func endBlock() {
        guard var block = open else { return }
        open = nil
        isOpen = false
        pendingSpace = false
        block.range = openStart..<text.count
        guard !block.range.isEmpty else { return }
        if block.kind == .heading {
            let title = FieldCap.capped(String(decoding: text[block.range], as: UTF8.self))
            headings.removeAll { $0.level >= block.level }
            headings.append((block.level, title))
        }
        blocks.append(block)
    }

    public func build(
        path: String, id: String? = nil, mediaType: Document.MediaType, source: [UInt8],
        sha256: String, title: String? = nil, authors: [String] = [], date: String? = nil,
        keepSourceMap: Bool = true
    ) -> Document {
        var me = self
        me.endBlock()
        return Document(
            path: path, id: id, sha256: sha256, mediaType: mediaType, title: title,
            authors: authors, date: date, text: me.text, blocks: me.blocks, source: source,
            sourceMap: keepSourceMap ? me.map : nil)
    }
}
