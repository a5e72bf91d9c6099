import Emit

extension ReviewDocument {
    /// One document's records as the pipeline builds them (`Extractor.records`), all of the
    /// same document. They go through the record printer and `RecordReader`, the path a
    /// `.jsonl` file takes: the two inputs give the same review, and whatever the record
    /// schema grows (new tags, new kinds of figure fields) reaches the page and the exports
    /// without a change here.
    public init(records: [Record], path: String, id: String?, title: String?, rulesSHA256: String) {
        guard let first = records.first else {
            self.init(path: path, name: Self.name(path: path, id: id), title: title, rulesSHA256: rulesSHA256, sentences: [])
            return
        }
        let encoder = RecordEncoder(document: first.document, rulesSHA256: first.rulesSHA256)
        var w = JSONWriter(reservingCapacity: 1 << 16)
        for r in records { encoder.write(r, to: &w) }
        var errors: [ExchangeError] = []
        let docs = RecordReader.read(path: path, bytes: w.bytes, errors: &errors)
        assert(errors.isEmpty && docs.count == 1, "the record printer and reader disagree: \(errors)")
        self = docs[0]
    }
}
