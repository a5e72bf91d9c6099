import Foundation
import Rules

enum RuleLoading {
    /// The rule set of `--rules DIR`, else of `./rules`. Errors go to stderr, exit 2.
    /// `examples`: read and check the rules' examples (`test`, `rules`); the commands that run
    /// none skip them, which is a tenth of a start. `explains`: keep what `explain` reads
    /// (`RuleSet.load(directory:leaves:)`); a set loaded for examples keeps it too.
    static func load(_ dir: String?, examples: Bool = false, explains: Bool = false) throws -> RuleSet {
        let path = dir ?? "rules"
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else {
            Console.error("\(path): no such rules directory" + (dir == nil ? " (give --rules DIR)" : ""))
            throw Status.usage
        }
        let rules: RuleSet
        do { rules = try RuleSet.load(directory: path, examples: examples, leaves: examples || explains) } catch {
            Console.error("\(error)")
            throw Status.usage
        }
        // A run with no rules tags nothing and would look like a clean result.
        guard rules.ruleCount > 0 else {
            Console.error("\(path): no rules (no *.yaml or *.yml rule file with a rule in it)")
            throw Status.usage
        }
        return rules
    }
}
