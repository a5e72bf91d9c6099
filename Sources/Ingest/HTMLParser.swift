import CLibXML2

/// libxml2's HTML parser, set up for pages from anywhere: recover from broken markup, no
/// network, no DTD loading, no entity substitution, and libxml2's default size and depth
/// limits left in force (XML_PARSE_HUGE is never set). Elements nested deeper than
/// libxml2's depth limit are flattened on the way in (`HTMLDepthGuard`), so their text is
/// kept and the tree stays shallow; a page the parser still gives up on part-way (a text
/// run over libxml2's 10 MB limit) is refused with the line, never cut short in silence.
/// Nothing recurses on our side.
enum HTMLParser {
    static let options = Int32(bitPattern:
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)

    /// libxml2 wants one initialisation before threads use it.
    private static let initialised: Void = { xmlInitParser() }()

    /// Parses the page; the caller owns the result and must `xmlFreeDoc` it.
    static func parse(_ source: [UInt8], path: String) throws(IngestError) -> htmlDocPtr {
        _ = initialised
        guard source.count < Int(Int32.max) else {
            throw IngestError(path: path, kind: .html, message: "page is too large for the HTML parser")
        }
        let encoding = HTMLEncoding.decide(source)
        var bytes = source
        var name = encoding.name
        switch encoding.name {
        case "windows-1252":
            bytes = HTMLEncoding.utf8FromWindows1252(source)
            name = "UTF-8"
        case "UTF-16LE", "UTF-16BE":
            bytes = HTMLEncoding.utf8FromUTF16(source, from: encoding.bomLength, bigEndian: encoding.name == "UTF-16BE")
            name = "UTF-8"
        case "UTF-8" where source.withUnsafeBufferPointer({ UTF8Check.firstInvalidOffset(UnsafeBufferPointer(rebasing: $0[encoding.bomLength...])) }) != nil:
            bytes = HTMLEncoding.repairedUTF8(source, from: encoding.bomLength)
        default:
            if encoding.bomLength > 0 { bytes = Array(source[encoding.bomLength...]) }
        }
        guard bytes.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0x0C) }) else {
            throw IngestError(path: path, kind: .html, message: "empty page, no HTML to read")
        }
        HTMLDoctype.blankInternalSubset(&bytes)
        guard let ctxt = htmlNewParserCtxt() else {
            throw IngestError(path: path, kind: .html, message: "cannot start the HTML parser (out of memory)")
        }
        defer { htmlFreeParserCtxt(ctxt) }
        let depthGuard = HTMLDepthGuard()
        ctxt.pointee._private = Unmanaged.passUnretained(depthGuard).toOpaque()
        ctxt.pointee.sax.pointee.startElement = startElement
        ctxt.pointee.sax.pointee.endElement = endElement
        // NOERROR silences the parser, not the encoding layer: keep stderr quiet.
        xmlSetStructuredErrorFunc(nil, ignoreError)
        let doc = withExtendedLifetime(depthGuard) {
            bytes.withUnsafeBufferPointer { buf in
                buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                    htmlCtxtReadMemory(ctxt, $0, Int32(buf.count), nil, name, options)
                }
            }
        }
        ctxt.pointee._private = nil
        guard let doc else {
            var reason = "unknown error"
            if let err = xmlCtxtGetLastError(ctxt), let msg = err.pointee.message {
                reason = HTMLNode.collapsed(String(cString: msg))
            }
            throw IngestError(path: path, kind: .html, message: "cannot parse HTML: \(reason)")
        }
        // libxml2 disables SAX when it halts part-way (depth, a huge text node, memory):
        // what it built is only the start of the page.
        if ctxt.pointee.disableSAX != 0 {
            xmlFreeDoc(doc)
            throw haltError(ctxt, path: path)
        }
        guard xmlDocGetRootElement(doc) != nil else {
            xmlFreeDoc(doc)
            throw IngestError(path: path, kind: .html, message: "no HTML elements found")
        }
        return doc
    }

    /// `page.html: line 12: a text run longer than 10000000 bytes; page skipped`.
    private static func haltError(_ ctxt: htmlParserCtxtPtr, path: String) -> IngestError {
        let err = ctxt.pointee.lastError
        var reason = err.message.map { HTMLNode.collapsed(String(cString: $0)) } ?? "the parser stopped"
        if reason.contains("Excessive depth") {
            reason = "elements nested deeper than 256"
        } else if reason.contains("huge text node") {
            reason = "a text run longer than 10000000 bytes"
        } else if Int(err.code) == Int(XML_ERR_NO_MEMORY.rawValue) {
            reason = "out of memory"
        }
        let line = err.line > 0 ? "line \(err.line): " : ""
        return IngestError(path: path, kind: .html, message: "\(line)\(reason); page skipped")
    }

    /// 1-based line of an element's start tag. libxml2 2.9 keeps element lines in 16 bits
    /// (XML_PARSE_BIG_LINES only reaches text nodes of the XML parser), so `recordLine`
    /// parks larger lines in the element's unused `psvi` field.
    static func line(of node: xmlNodePtr) -> Int {
        let short = Int(node.pointee.line)
        if short < 65535 { return short }
        if let big = node.pointee.psvi { return Int(bitPattern: big) }
        return short
    }
}

private let ignoreError: xmlStructuredErrorFunc = { _, _ in }

private func depthGuard(_ ctxt: UnsafeMutablePointer<xmlParserCtxt>) -> HTMLDepthGuard? {
    ctxt.pointee._private.map { Unmanaged<HTMLDepthGuard>.fromOpaque($0).takeUnretainedValue() }
}

/// SAX start-element hook: the stock tree builder (flattened below the depth floor), then
/// the real line for lines >= 65535.
private let startElement: startElementSAXFunc = { ctx, name, attributes in
    guard let ctxt = ctx?.assumingMemoryBound(to: xmlParserCtxt.self) else { return }
    if let g = depthGuard(ctxt), g.shouldFlatten(ctxt) {
        g.start(ctxt, name: name, attributes: attributes)
        return
    }
    xmlSAX2StartElement(ctx, name, attributes)
    if let node = ctxt.pointee.node, let name, let nodeName = node.pointee.name, xmlStrEqual(name, nodeName) != 0 {
        HTMLParser.recordLine(ctxt, node: node)
    }
}

private let endElement: endElementSAXFunc = { ctx, name in
    guard let ctxt = ctx?.assumingMemoryBound(to: xmlParserCtxt.self) else { return }
    if let g = depthGuard(ctxt), g.isFlattening {
        g.end(ctxt)
        return
    }
    xmlSAX2EndElement(ctx, name)
}

extension HTMLParser {
    /// Parks the start line of a just-built element in its unused `psvi` field when it
    /// does not fit libxml2's 16 bits.
    static func recordLine(_ ctxt: UnsafeMutablePointer<xmlParserCtxt>, node: xmlNodePtr) {
        guard let input = ctxt.pointee.input, input.pointee.line >= 65535 else { return }
        node.pointee.psvi = UnsafeMutableRawPointer(bitPattern: Int(input.pointee.line))
    }
}
