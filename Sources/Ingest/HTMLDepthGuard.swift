import CLibXML2

/// Keeps libxml2's tree shallow whatever the page's nesting.
///
/// libxml2's tree builder (`nodePush`) halts the whole parse once elements nest deeper than
/// 256 (unless XML_PARSE_HUGE, which also lifts the size limits): the rest of the page is
/// lost. So below depth `floorDepth` (the floor) elements are not nested further:
///
/// - a block element becomes the next child of the floor element;
/// - an inline element goes inside the block it is in (or the floor), so a sentence does
///   not break at a deep `<em>`; inside that, `br`, `img` and chrome (a `script`, a hidden
///   `span`) are built as its children and other inline elements are see-through: their
///   text goes into the enclosing one;
/// - when a block ends inside an element, that element goes on in a copy of itself (name
///   and attributes, no children) placed after it, so text keeps its order;
/// - inside a deep element that is chrome (`HTMLChrome.isDropped`) nothing is built: all
///   its content stays inside it and is dropped with it; it stays inside the element it
///   was found in, block or not, so it does not split the text around it.
///
/// Text order, block breaks and chrome decisions are kept; the tree is never deeper than
/// `floorDepth + 3`. What depends on nesting below the floor is approximate: list items of
/// a footnote list lose their numbers, XPaths name the flattened tree, and a footer is
/// judged before its content is seen (so it is dropped even when it holds footnotes).
/// Driven from the SAX start/end element hooks of `HTMLParser`; one guard
/// per parse. Every step is O(1) in the depth.
final class HTMLDepthGuard {
    /// libxml2's node stack depth (the `html` element counts 1) at which flattening starts;
    /// below libxml2's limit of 256, with room for the one element pushed while building.
    static let floorDepth = 200

    private enum Kind {
        /// Built as a child of the floor; text goes into it.
        case block
        /// Built inside the current block (or the floor); text goes into it.
        case inline
        /// Built (`br`, `img`, or chrome), nothing inside it is: no children of its own
        /// make it deeper.
        case leaf
        /// Not built: text goes into the enclosing element.
        case seeThrough
        /// Inside a leaf: ignored, text goes into the leaf.
        case inert
    }

    private struct Open {
        var kind: Kind
        /// Current node (block, inline, leaf); replaced by its copy when it goes on.
        var node: xmlNodePtr?
        /// Index in `open` of the entry this one was built inside (inline only), -1 = floor.
        var container: Int
        var isSectioning: Bool
    }

    private var open: [Open] = []
    /// Indices in `open` of the block and inline entries, innermost last.
    private var built: [Int] = []
    private var floor: xmlNodePtr?
    private var floorInArticle = false
    /// Open entries that are `article`, `main` or `section`.
    private var sectioning = 0

    static let leafTags: Set<String> = ["br", "img", "wbr", "hr", "input", "area", "embed", "source", "track"]

    var isFlattening: Bool { !open.isEmpty }

    func shouldFlatten(_ ctxt: UnsafeMutablePointer<xmlParserCtxt>) -> Bool {
        !open.isEmpty || Int(ctxt.pointee.nodeNr) >= Self.floorDepth
    }

    /// An element starts below the floor.
    func start(_ ctxt: UnsafeMutablePointer<xmlParserCtxt>, name: UnsafePointer<xmlChar>?,
               attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        if open.isEmpty {
            guard let top = ctxt.pointee.node else { return }
            floor = top
            floorInArticle = false
            var n: xmlNodePtr? = top
            while let e = n, HTMLNode.isElement(e) {
                let tag = HTMLNode.name(e)
                if tag == "article" || tag == "main" || tag == "section" { floorInArticle = true; break }
                n = e.pointee.parent
            }
        }
        guard let floor, let name else { return }
        if let top = open.last, top.kind == .leaf || top.kind == .inert {
            open.append(Open(kind: .inert, node: nil, container: -1, isSectioning: false))
            return
        }
        let tag = String(cString: name)
        let isSectioning = tag == "article" || tag == "main" || tag == "section"
        let inArticle = floorInArticle || sectioning > 0 || isSectioning
        let current = built.last.map { open[$0] }
        var entry: Open
        if HTMLChrome.blockTags.contains(tag) {
            entry = Open(kind: .block, node: nil, container: -1, isSectioning: isSectioning)
            entry.node = build(ctxt, name, attributes, under: floor)
        } else if current == nil || current?.kind == .block {
            let container = built.last ?? -1
            entry = Open(kind: Self.leafTags.contains(tag) ? .leaf : .inline, node: nil,
                         container: container, isSectioning: isSectioning)
            entry.node = build(ctxt, name, attributes, under: current?.node ?? floor)
        } else if Self.leafTags.contains(tag) || isDropped(ctxt, name, tag, attributes, inArticle: inArticle) {
            entry = Open(kind: .leaf, node: nil, container: built.last!, isSectioning: isSectioning)
            entry.node = build(ctxt, name, attributes, under: current!.node!)
        } else {
            entry = Open(kind: .seeThrough, node: nil, container: -1, isSectioning: isSectioning)
        }
        if let node = entry.node {
            if entry.kind != .leaf, HTMLChrome.isDropped(node, tag: tag, inArticle: inArticle) {
                // Chrome holds nothing that is built, so it can sit where it stands
                // without making the tree deeper, and the text around it stays one run.
                if entry.kind == .block, let here = current?.node {
                    xmlUnlinkNode(node)
                    xmlAddChild(here, node)
                }
                entry.kind = .leaf
            }
            switchTo(node, ctxt)
        } else if entry.kind != .seeThrough {
            // Not built (out of memory): a new empty element takes the text, so libxml2
            // never appends to a text node it does not know about.
            entry.kind = .seeThrough
            if let holder = xmlNewDocNode(ctxt.pointee.myDoc, nil, name, nil),
               let placed = xmlAddChild(current?.node ?? floor, holder) {
                entry = Open(kind: .leaf, node: placed, container: built.last ?? -1, isSectioning: isSectioning)
                switchTo(placed, ctxt)
            } else {
                ctxt.pointee.disableSAX = 1
                ctxt.pointee.node = current?.node ?? floor
            }
        }
        if entry.isSectioning { sectioning += 1 }
        if entry.kind == .block || entry.kind == .inline { built.append(open.count) }
        open.append(entry)
    }

    /// The innermost element below the floor ends.
    func end(_ ctxt: UnsafeMutablePointer<xmlParserCtxt>) {
        guard let closed = open.popLast(), let floor else { return }
        if closed.isSectioning { sectioning -= 1 }
        if built.last == open.count { built.removeLast() }
        guard let node = closed.node, closed.kind != .seeThrough, closed.kind != .inert else { return }
        guard let c = built.last else {
            switchTo(node.pointee.parent ?? floor, ctxt)
            return
        }
        // Text goes on in the innermost open block or inline: in place when the closed
        // element is inside it, else in a copy after it (with a copy of its block).
        if let current = open[c].node, node.pointee.parent == current {
            switchTo(current, ctxt)
            return
        }
        var parent = floor
        if open[c].kind == .inline, open[c].container >= 0 {
            let b = open[c].container
            if let copy = copyNode(open[b].node, under: floor) {
                open[b].node = copy
                parent = copy
            }
        }
        if let copy = copyNode(open[c].node, under: parent) {
            open[c].node = copy
            switchTo(copy, ctxt)
        } else {
            switchTo(open[c].node ?? floor, ctxt)
        }
    }

    /// The stock tree builder makes the element (attributes, line) as a child of `parent`
    /// and pushes it on libxml2's node stack; it is taken off again at once.
    private func build(_ ctxt: UnsafeMutablePointer<xmlParserCtxt>, _ name: UnsafePointer<xmlChar>,
                       _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                       under parent: xmlNodePtr) -> xmlNodePtr? {
        let depth = ctxt.pointee.nodeNr
        ctxt.pointee.node = parent
        xmlSAX2StartElement(UnsafeMutableRawPointer(ctxt), name, attributes)
        guard ctxt.pointee.nodeNr == depth + 1, let node = ctxt.pointee.node, node != parent else {
            return nil
        }
        HTMLParser.recordLine(ctxt, node: node)
        ctxt.pointee.nodeNr = depth
        ctxt.pointee.nodeTab[Int(depth)] = nil
        return node
    }

    /// Whether an element is chrome, judged on a detached node with its attributes.
    private func isDropped(_ ctxt: UnsafeMutablePointer<xmlParserCtxt>, _ name: UnsafePointer<xmlChar>,
                           _ tag: String, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                           inArticle: Bool) -> Bool {
        guard let node = xmlNewDocNode(ctxt.pointee.myDoc, nil, name, nil) else { return false }
        defer { xmlFreeNode(node) }
        if var a = attributes {
            while let key = a.pointee {
                _ = xmlNewProp(node, key, a[1])
                a += 2
            }
        }
        return HTMLChrome.isDropped(node, tag: tag, inArticle: inArticle)
    }

    private func copyNode(_ node: xmlNodePtr?, under parent: xmlNodePtr) -> xmlNodePtr? {
        guard let node, let copy = xmlCopyNode(node, 2) else { return nil }
        return xmlAddChild(parent, copy)
    }

    /// Makes `node` the one text and comments go into. Its last child is never a text node
    /// (it is new, or its last child is the element that just ended), so libxml2 starts a
    /// fresh text node rather than appending to one.
    private func switchTo(_ node: xmlNodePtr, _ ctxt: UnsafeMutablePointer<xmlParserCtxt>) {
        ctxt.pointee.node = node
        ctxt.pointee.nodemem = -1
        ctxt.pointee.nodelen = 0
    }
}
