import Exchange
import Foundation
import Pipeline
import Ingest
import Rules

/// Repository paths and documents tagged with the repository's rules.
enum Fixture {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static let rules: RuleSet = try! RuleSet.load(directory: path("rules"))

    /// `text` as a plain-text brief named `name`, every sentence kept.
    static func document(_ text: String, name: String = "brief.txt") throws -> ReviewDocument {
        let d = try Ingest.document(source: Array(text.utf8), path: name, mediaType: .plainText)
        return ReviewDocument(records: Extractor(rules: rules, allSentences: true).records(d), path: d.path, id: d.id,
                              title: d.title, rulesSHA256: rules.sha256)
    }

    /// A brief with emoji (one outside the BMP, one a ZWJ sequence) and accented letters
    /// before and inside tagged spans.
    static let mixedText = """
        Résumé 😀 of the café talks: trade with Zürich rose by 30% to $190 billion in 2022 👩‍👩‍👧.

        The EU should strive to deter China from involvement, said the Ministère 🇫🇷 in Brüssel.

        Prices in Kraków fell by 12 percent, the naïve forecast notwithstanding.
        """
}
