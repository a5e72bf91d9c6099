import XCTest
@testable import Rules
final class RulesSmokeTests: XCTestCase { func testLoads() {} }
