import XCTest
@testable import Emit
final class EmitSmokeTests: XCTestCase { func testLoads() {} }
