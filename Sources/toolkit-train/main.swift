import Foundation
import NewsKit

// `make train-ner`: rebuilds Plugins/ner/tagger/*.tagger from ../shared/train (annotated
// Swahili and Persian) and ../shared/corpus (Arabic and English, labelled by the knowledge base
// and rules), then prints the development split's figures. `eval` prints them for the weights
// as they are, with tagging speed.
let usage = """
    usage: toolkit-train train [--train DIR] [--corpus DIR] [--kb DIR] [--out DIR] [--langs sw,fa,ar,en] [--epochs N] [--bits N]
           toolkit-train eval  [--train DIR] [--corpus DIR] [--kb DIR] [--out DIR] [--langs sw,fa,ar,en] [--passes N]
           toolkit-train recall [--corpus DIR] [--kb DIR] [--out DIR] [--langs sw,fa,ar,en] [--articles N] [--missed N]
    """

var options = TrainingOptions()
let arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first, ["train", "eval", "recall"].contains(command) else {
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
}
do {
    try options.parse(Array(arguments.dropFirst()))
    let setup = try TrainingSetup(options: options)
    for lang in options.languages where command == "recall" {
        print(try PersonRecallProxy(setup: setup, model: try TaggerModel(contentsOf: options.output.appendingPathComponent("\(lang).tagger")), lang: lang).run())
    }
    for lang in options.languages where command != "recall" {
        var data = try setup.data(for: lang)
        let url = options.output.appendingPathComponent("\(lang).tagger")
        if command == "train" {
            let started = Date()
            let clusters = TaggerClusterLearning.learn(texts: try setup.clusterTexts(for: lang, training: data.train))
            print("\(lang): \(clusters.wordCount) words in \(TaggerClusters.classes) classes learnt from the corpus and the training split, \(Int(Date().timeIntervalSince(started))) s")
            data.train = data.train.map { TaggerExample(text: $0.text, spans: $0.spans, gazetteer: setup.gazetteer, clusters: clusters) }
            let trainer = TaggerTrainer(bits: options.bits(for: lang), epochs: options.epochs)
            let weights = trainer.train(data.train, language: lang, clusters: clusters) { epoch, wrong, total in
                print("\(lang) epoch \(epoch): \(wrong) of \(total) tokens wrong")
            }
            try FileManager.default.createDirectory(at: options.output, withIntermediateDirectories: true)
            try weights.write(to: url, options: .atomic)
            print("\(lang): \(data.train.count) training examples, \(weights.count) bytes, \(Int(Date().timeIntervalSince(started))) s")
        }
        let model = try TaggerModel(contentsOf: url)
        let report = DevEvaluation(setup: setup, model: model, data: data).run()
        print(report)
    }
} catch {
    FileHandle.standardError.write(Data("toolkit-train: \(error)\n".utf8))
    exit(1)
}
