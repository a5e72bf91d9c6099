import XCTest
@testable import Segment
final class SegmentSmokeTests: XCTestCase { func testLoads() {} }
