import CLibXML2

/// HTML -> blocks through libxml2's HTML parser: parse (`HTMLParser`), find the article and
/// the metadata in one scan (`HTMLPageScan`), then write the article's blocks
/// (`HTMLBlockWriter`). The libxml2 document is freed on every path.
enum HTMLReader {
    static func read(_ source: [UInt8], path: String, into builder: inout DocumentBuilder) throws(IngestError) -> Metadata {
        let document = try HTMLParser.parse(source, path: path)
        defer { xmlFreeDoc(document) }
        let scan = HTMLPageScan(document: document)
        let content = HTMLMainContent(scan: scan)
        HTMLBlockWriter.write(root: content.rootNode, content: content, into: &builder)
        return scan.meta.metadata()
    }
}
