/// What an annotation tool's offsets count. Each tool's convention, with where it was found:
///
/// - Label Studio: Unicode code points. Its editor converts the browser's UTF-16 selection
///   to code points before saving `value.start`/`value.end` (HumanSignal/label-studio,
///   `web/libs/editor/tests/integration/e2e/ner/emoji.cy.ts`: "Should calculate offsets by
///   code points in text"; the fix is label-studio-frontend PR #308, after issues #1008,
///   #1347; the 1.23.2 wheel's `web/dist/apps/labelstudio/358.js` has `charsToCodePoints`,
///   which counts `[...text.substr(0, position)].length`).
/// - doccano: UTF-16 code units. The sequence-labelling editor (`v-annotator`) reports
///   JavaScript string positions unless the project counts grapheme clusters
///   (doccano/doccano issue #2290: `start, end = 22, 32` for a word Python finds at 19, 29
///   after an emoji; in the 1.8.4 wheel's `backend/client/dist/static/_nuxt/86c1d89.js`
///   a selection is the line's start plus the DOM `anchorOffset`, which `convert` keeps
///   unless `graphemeMode`).
/// - brat: code points. The server reads the `.txt` as a Python unicode string
///   (`codecs.open(..., encoding='utf8')` in `server/src/annotation.py`) and slices it with
///   the standoff offsets; the format's specification counts "characters"
///   (nlplab/brat wiki, Annotation Data Format).
/// - Prodigy: code points. Tasks are Python dicts whose `spans` and `tokens` carry `start`
///   and `end` into `text`, as spaCy's `token.idx` gives them (prodigy.ai/docs/api-interfaces).
public enum OffsetUnit: String, Sendable, CaseIterable {
    /// Unicode scalar values (code points other than surrogates): Python `str` indices.
    case scalar
    /// UTF-16 code units: JavaScript and Java string indices.
    case utf16
}
