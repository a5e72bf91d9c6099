/// What a record carries beyond its fixed core: the units its offsets are counted in, and
/// whether it has the W3C quote selector. The default (`full`) is every unit and the quote;
/// `lean` is for pipelines that slice the document text themselves: UTF-8 offsets only
/// (the document's own byte offsets, so nothing is counted) and no quote, which carries the
/// sentence a second time with its context. Both printers (`RecordEncoder`, `RecordStream`)
/// honour it; the JSON Schema marks the parts a layout may leave out.
public struct RecordLayout: Sendable, Equatable {
    public struct Units: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let scalar = Units(rawValue: 1)
        public static let utf16 = Units(rawValue: 2)
        public static let utf8 = Units(rawValue: 4)
        public static let all: Units = [.scalar, .utf16, .utf8]

        /// "scalar", "utf16", "utf8" or "all", comma-separated.
        public init?(names: String) {
            var units: Units = []
            for name in names.split(separator: ",") {
                switch name.filter({ $0 != " " }) {
                case "scalar": units.insert(.scalar)
                case "utf16": units.insert(.utf16)
                case "utf8": units.insert(.utf8)
                case "all": units.formUnion(.all)
                default: return nil
                }
            }
            guard !units.isEmpty else { return nil }
            self = units
        }
    }

    public var offsets: Units
    public var quote: Bool

    public init(offsets: Units = .all, quote: Bool = true) {
        self.offsets = offsets
        self.quote = quote
    }

    public static let full = RecordLayout()
    public static let lean = RecordLayout(offsets: .utf8, quote: false)

    /// Only UTF-8 offsets are byte offsets into the text already: nothing to count.
    var countsScalars: Bool { !offsets.isDisjoint(with: [.scalar, .utf16]) }
}
