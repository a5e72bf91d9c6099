/// Normalised figure fields for rules with `normalize: figure`. Minimal placeholder so the
/// Rules module builds; the figure helper's implementation replaces this file on merge.
enum FigureNormalizer {
    static func fields(sentence: UnsafeBufferPointer<UInt8>, match: Range<Int>,
                       captures: [Capture]) -> [(name: String, value: FieldValue)] {
        []
    }
}
