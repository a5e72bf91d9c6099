import ArgumentParser
import Foundation
import Pipeline

/// Options every rule-using command shares.
struct RuleOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Rules directory (YAML rule files and lexicons/).", valueName: "DIR"))
    var rules: String?
}

enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// Exit statuses the README documents.
enum Status {
    static let inputsFailed = ExitCode(1)
    static let usage = ExitCode(2)
}
