import Foundation
import XCTest
@testable import Tagger

/// The scoring loop's vector paths (`TaggerModel.add`, `argmax`) must give exactly the sums
/// and classes of adding one row at a time (`addRows`) and scanning one class at a time
/// (`argmaxScalar`): tags, and so records, must not move when the inner loop is made faster.
final class ScoringTests: XCTestCase {
    /// Every word of the sample briefs, with the features of tagging them in order: the
    /// weights summed both ways, and the best class both ways.
    func testVectorScoringEqualsRowByRow() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples")
        var sentences: [[UInt8]] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where name.hasSuffix(".txt") {
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            sentences += text.split(whereSeparator: { $0 == "\n" || $0 == "." }).map { Array($0.utf8) }
        }
        let tagger = Tagger.shared, m = tagger.model
        var work = TagWork()
        var keys = [UInt64](repeating: 0, count: Features.count)
        var byRow = [Int16](repeating: 0, count: m.classStride), byVector = byRow
        var norm = [UInt8](repeating: 0, count: 256)
        var words = 0, dense = 0
        for s in sentences where !s.isEmpty && s.count < 200 {
            work.tokens = s.split(separator: 0x20).map { part in
                let a = Int32(part.startIndex), b = Int32(part.endIndex)
                return a..<b
            }
            s.withUnsafeBufferPointer { sp in
                tagger.tag(sp, &work)
                let infos: [WordInfo] = work.words.enumerated().map { i, w in
                    norm.withUnsafeMutableBufferPointer {
                        tagger.wordInfo(sp.baseAddress! + Int(w.start), Int(w.end - w.start), first: i == 0, norm: $0.baseAddress!)
                    }
                }
                var p1 = -1, p2 = -1
                for i in infos.indices {
                    infos.withUnsafeBufferPointer { Features.keys($0.baseAddress!, infos.count, i, prev1: p1, prev2: p2, into: &keys) }
                    for k in keys where m.feature(k).1 == 255 { dense += 1 }
                    byRow.withUnsafeMutableBufferPointer { m.clear($0.baseAddress!); m.addRows(keys, Features.count, $0.baseAddress!) }
                    byVector.withUnsafeMutableBufferPointer { m.clear($0.baseAddress!); m.add(keys, Features.count, $0.baseAddress!) }
                    XCTAssertEqual(byRow, byVector)
                    let best = byRow.withUnsafeBufferPointer { m.argmaxScalar($0.baseAddress!) }
                    XCTAssertEqual(best, byVector.withUnsafeBufferPointer { m.argmax($0.baseAddress!) })
                    let c = infos[i].dictClass >= 0 ? Int(infos[i].dictClass) : best
                    XCTAssertEqual(Int(m.classXPOS(c)), Int(work.words[i].xpos))
                    p2 = p1; p1 = c
                    words += 1
                }
            }
        }
        XCTAssertGreaterThan(words, 1000)
        XCTAssertGreaterThan(dense, words)
    }

    /// Ties (the lowest class wins), scores all below zero (the padding lanes past the last
    /// class hold zeros and must not win), the top at the first and the last class.
    func testArgmaxTakesTheLowestTopClass() {
        let m = Tagger.shared.model
        var rng = SystemRandomNumberGenerator()
        var scores = [Int16](repeating: 0, count: m.classStride)
        for round in 0..<5000 {
            for c in 0..<m.classCount {
                switch round % 4 {
                case 0: scores[c] = Int16.random(in: -3...3, using: &rng)
                case 1: scores[c] = Int16.random(in: -30000 ... -1, using: &rng)
                case 2: scores[c] = Int16.random(in: -32767...32767, using: &rng)
                default: scores[c] = c == (round / 4) % m.classCount ? 5 : -5
                }
            }
            for c in m.classCount..<m.classStride { scores[c] = 0 }
            scores.withUnsafeBufferPointer { XCTAssertEqual(m.argmax($0.baseAddress!), m.argmaxScalar($0.baseAddress!)) }
        }
    }
}
