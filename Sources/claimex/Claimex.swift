import ArgumentParser
import Foundation
import Emit

/// `claimex --version`: the release and, when built from a git checkout, its commit.
let versionLine = "claimex \(claimexVersion)" + (buildCommit.map { " (\($0))" } ?? "")

@main
struct Claimex: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claimex",
        abstract: "Turn policy briefs into auditable JSON Lines of claims, positions, figures and recommendations.",
        discussion: """
            Exit status: 0 all inputs done, 1 some inputs failed (the rest were processed), \
            2 usage or rule-file errors. Data goes to stdout, diagnostics to stderr.
            """,
        version: versionLine,
        subcommands: [Extract.self, Text.self, SegmentCommand.self, RulesCommand.self, Test.self, Explain.self, TagCommand.self,
                      Eval.self, ReportCommand.self, ExportCommand.self, GoldCommand.self],
        defaultSubcommand: nil)

    /// ArgumentParser exits 64 on usage errors; claimex promises 2.
    static func main() {
        tuneMalloc()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            } else if let e = error as? ExitCode {
                Foundation.exit(e.rawValue)
            } else {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(code == .failure ? 1 : 2)
            }
        }
    }
}
