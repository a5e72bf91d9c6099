import CLibXML2

/// HTML -> blocks through libxml2's HTML parser. (Placeholder until the HTML issue.)
enum HTMLReader {
    static func read(_ source: [UInt8], path: String, into builder: inout DocumentBuilder) throws(IngestError) -> Metadata {
        throw IngestError(path: path, kind: .html, message: "HTML input is not supported yet")
    }
}
