import CLibXML2

/// libxml2's HTML parser, set up for pages from anywhere: recover from broken markup, no
/// network, no DTD loading, no entity substitution, and libxml2's default size and depth
/// limits left in force (XML_PARSE_HUGE is never set: nesting deeper than 256 elements is
/// cut there, the rest of the page is dropped, and nothing recurses on our side).
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
        guard source.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0x0C) }) else {
            throw IngestError(path: path, kind: .html, message: "empty page, no HTML to read")
        }
        let encoding = HTMLEncoding.decide(source)
        var bytes = source
        var name = encoding.name
        if encoding.name == "windows-1252" {
            bytes = HTMLEncoding.utf8FromWindows1252(source)
            name = "UTF-8"
        } else if encoding.name == "UTF-8",
           source.withUnsafeBufferPointer({ UTF8Check.firstInvalidOffset(UnsafeBufferPointer(rebasing: $0[encoding.bomLength...])) }) != nil {
            bytes = HTMLEncoding.repairedUTF8(source, from: encoding.bomLength)
        } else if encoding.bomLength > 0 {
            bytes = Array(source[encoding.bomLength...])
        }
        guard let ctxt = htmlNewParserCtxt() else {
            throw IngestError(path: path, kind: .html, message: "cannot start the HTML parser (out of memory)")
        }
        defer { htmlFreeParserCtxt(ctxt) }
        ctxt.pointee.sax.pointee.startElement = recordBigLine
        // NOERROR silences the parser, not the encoding layer: keep stderr quiet.
        xmlSetStructuredErrorFunc(nil, ignoreError)
        let doc = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                htmlCtxtReadMemory(ctxt, $0, Int32(buf.count), nil, name, options)
            }
        }
        guard let doc else {
            var reason = "unknown error"
            if let err = xmlCtxtGetLastError(ctxt), let msg = err.pointee.message {
                reason = HTMLNode.collapsed(String(cString: msg))
            }
            throw IngestError(path: path, kind: .html, message: "cannot parse HTML: \(reason)")
        }
        guard xmlDocGetRootElement(doc) != nil else {
            xmlFreeDoc(doc)
            throw IngestError(path: path, kind: .html, message: "no HTML elements found")
        }
        return doc
    }

    /// 1-based line of an element's start tag. libxml2 2.9 keeps element lines in 16 bits
    /// (XML_PARSE_BIG_LINES only reaches text nodes of the XML parser), so `recordBigLine`
    /// parks larger lines in the element's unused `psvi` field.
    static func line(of node: xmlNodePtr) -> Int {
        let short = Int(node.pointee.line)
        if short < 65535 { return short }
        if let big = node.pointee.psvi { return Int(bitPattern: big) }
        return short
    }
}

private let ignoreError: xmlStructuredErrorFunc = { _, _ in }

/// SAX start-element hook: the stock tree builder, then the real line for lines >= 65535.
private let recordBigLine: startElementSAXFunc = { ctx, name, attributes in
    xmlSAX2StartElement(ctx, name, attributes)
    guard let ctxt = ctx?.assumingMemoryBound(to: xmlParserCtxt.self),
          let input = ctxt.pointee.input, input.pointee.line >= 65535,
          let node = ctxt.pointee.node, let name, let nodeName = node.pointee.name,
          xmlStrEqual(name, nodeName) != 0
    else { return }
    node.pointee.psvi = UnsafeMutableRawPointer(bitPattern: Int(input.pointee.line))
}
