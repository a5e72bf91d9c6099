// claimex-train: trains the tagger model from a CoNLL-U treebank (the English Web Treebank's
// train split) and writes it in `TaggerModel`'s format. Deterministic: the same input gives
// the same bytes (a fixed shuffle, integer updates, tables written in key order).
//
//     gzip -dc en_ewt-ud-train.conllu.gz | claimex-train --wordnet /usr/share/wordnet \
//         -o Sources/TaggerModelData/model/ewt-tagger.bin
//
// Options: -o FILE (default: standard output), --lemma-forms FILE (also writes the forms of
// the lemma exceptions, `lemma<TAB>form` lines: Sources/TaggerModelData/model/ewt-lemma-forms.txt),
// --wordnet DIR (WordNet's database, e.g.
// /usr/share/wordnet from Debian's wordnet-base: parts of speech for every word), --iterations
// N (default 5), --shuffles N (default 4: perceptrons trained on differently shuffled
// sentences, their weights summed), --dev FILE (a CoNLL-U file to print accuracy on, e.g. the dev split),
// --min-weight W (default 25: averaged weights under W, the largest being
// TaggerModel.maxWeight, are dropped).
import Foundation
import Tagger

var output: String?
var iterations = 5
var shuffles = 4
var devPath: String?
var wordnetDir: String?
var formsPath: String?
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    switch a {
    case "-o": output = args.popFirst()
    case "--iterations": iterations = Int(args.popFirst() ?? "") ?? iterations
    case "--shuffles": shuffles = max(1, Int(args.popFirst() ?? "") ?? shuffles)
    case "--dev": devPath = args.popFirst()
    case "--wordnet": wordnetDir = args.popFirst()
    case "--lemma-forms": formsPath = args.popFirst()
    case "--min-weight": Trainer.minWeight = Int(args.popFirst() ?? "") ?? Trainer.minWeight
    default:
        FileHandle.standardError.write("usage: claimex-train [-o FILE] [--wordnet DIR] [--lemma-forms FILE] [--iterations N] [--shuffles N] [--dev FILE] [--min-weight W] < train.conllu\n".data(using: .utf8)!)
        exit(2)
    }
}

let input = FileHandle.standardInput.readDataToEndOfFile()
let sentences = Treebank.parse([UInt8](input))
guard !sentences.isEmpty else {
    FileHandle.standardError.write("claimex-train: no sentences on standard input\n".data(using: .utf8)!)
    exit(1)
}
var wordnet: [UInt64: UInt8] = [:]
if let wordnetDir {
    guard let read = WordNetReader.read(wordnetDir) else {
        FileHandle.standardError.write("claimex-train: no WordNet database in \(wordnetDir) (index.noun ...; Debian package wordnet-base)\n".data(using: .utf8)!)
        exit(1)
    }
    wordnet = read
}
let trainer = Trainer(sentences: sentences, iterations: iterations, shuffles: shuffles, wordnet: wordnet)
if let formsPath {
    guard FileManager.default.createFile(atPath: formsPath, contents: Data(trainer.exceptionForms())) else {
        FileHandle.standardError.write(Data("claimex-train: cannot write \(formsPath)\n".utf8))
        exit(1)
    }
}
let bytes = trainer.model()
if let output {
    guard FileManager.default.createFile(atPath: output, contents: Data(bytes)) else {
        FileHandle.standardError.write(Data("claimex-train: cannot write \(output)\n".utf8))
        exit(1)
    }
} else {
    FileHandle.standardOutput.write(Data(bytes))
}
if let devPath, let data = FileManager.default.contents(atPath: devPath) {
    FileHandle.standardError.write(DevEval.run(model: bytes, sentences: Treebank.parse([UInt8](data))).data(using: .utf8)!)
}
let words = sentences.reduce(0) { $0 + $1.count }
FileHandle.standardError.write("claimex-train: \(sentences.count) sentences, \(words) words -> \(bytes.count) bytes\n".data(using: .utf8)!)
