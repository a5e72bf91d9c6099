import XCTest
@testable import Ingest
final class IngestSmokeTests: XCTestCase { func testLoads() {} }
