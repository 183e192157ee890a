import Foundation
import XCTest
@testable import NewsKit

/// The name tagger's parts on made-up data: features, BIO decoding, the weights format and a
/// training run small enough for `make test`.
final class TaggerTests: XCTestCase {
    private func tokens(_ text: String, _ gazetteer: TaggerGazetteer = .empty) -> [TaggerTokenizer.Token] {
        var text = text
        return text.withUTF8 { TaggerTokenizer.tokens(in: $0, gazetteer: gazetteer) }
    }

    func testTokensFollowTheRuleTokenizerAndItsFoldedHashes() {
        let text = "Rais Ruto, al-Assad na Iran's 1,200 watu\nرئیس‌جمهور ظریف"
        let ours = tokens(text)
        let rules = RuleTokenizer.tokens(of: text)
        XCTAssertEqual(ours.map { $0.start..<$0.end }, rules.map { $0.start..<$0.end })
        for (a, b) in zip(ours, rules) where b.kind == .word { XCTAssertEqual(a.features.word, b.hash) }
        // Case is a feature of its own, not part of the word's identity.
        XCTAssertEqual(tokens("Ruto")[0].features.word, tokens("ruto")[0].features.word)
        XCTAssertNotEqual(tokens("Ruto")[0].features.shape, tokens("ruto")[0].features.shape)
    }

    func testAffixesAreWholeScalars() {
        var word = Array("کشورمان".utf8)
        let (hash, p2, _, s2, _, _, length) = word.withUnsafeMutableBufferPointer { TaggerFeatures.affixes(UnsafeBufferPointer($0)) }
        XCTAssertEqual(length, 7)
        XCTAssertEqual(hash, RuleKey.fnv(word))
        XCTAssertEqual(p2, RuleKey.fnv(Array("کش".utf8)))
        XCTAssertEqual(s2, RuleKey.fnv(Array("ان".utf8)))
    }

    func testGazetteerMarksTheKnowledgeBaseWordsByKind() {
        let base = KnowledgeBase(profiles: [
            EntityProfile(id: "person/amina-odhiambo", kind: "person", name: "Amina Odhiambo",
                          variants: [EntityVariant(text: "Amina Odhiambo", lang: "en")]),
            EntityProfile(id: "place/ke", kind: "place", name: "Kenya", variants: [EntityVariant(text: "Kenya", lang: "en")]),
        ])
        let gazetteer = TaggerGazetteer(knowledgeBase: base)
        let found = tokens("amina met Kenya", gazetteer).map(\.features.gazetteer)
        XCTAssertEqual(found[0], UInt64(TaggerGazetteer.Bit.person | TaggerGazetteer.Bit.personFirst))
        XCTAssertEqual(found[1], 0)
        XCTAssertEqual(found[2], UInt64(TaggerGazetteer.Bit.place))
    }

    func testViterbiNeverStartsANameInside() {
        let T = TaggerLabel.count
        // Emissions favour I-person on the first token: decoding must not return it there.
        var emissions = [Float](repeating: 0, count: 2 * T)
        emissions[TaggerLabel.inside(0)] = 5
        emissions[T + TaggerLabel.inside(0)] = 5
        var tags: [Int] = []
        let transitions = TaggerViterbi.constrained([Float](repeating: 0, count: (T + 1) * T))
        emissions.withUnsafeBufferPointer { TaggerViterbi.decode(emissions: $0, count: 2, transitions: transitions, into: &tags) }
        XCTAssertNotEqual(tags[0], TaggerLabel.inside(0))
        XCTAssertTrue(TaggerLabel.allowed(from: tags[0], to: tags[1]))
    }

    func testBIOTagsReadAsSpans() {
        let toks = tokens("Moses Wetangula alikwenda Nairobi")
        let tags = [TaggerLabel.begin(0), TaggerLabel.inside(0), TaggerLabel.outside, TaggerLabel.begin(2)]
        let spans = TaggedSpan.spans(tags: tags, tokens: toks)
        XCTAssertEqual(spans.map(\.range), [0..<15, 26..<33])
        XCTAssertEqual(spans.map(\.kindName), ["person", "place"])
    }

    func testCoNLLSentencesKeepTheirSpansAsByteRanges() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tagger-\(UUID().uuidString).conll")
        try "Rais O\nSamia B-PER\nSuluhu I-PER\nalizuru O\nDodoma B-LOC\n\nJana B-DATE\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let sentences = try TaggerCoNLL.read(url)
        XCTAssertEqual(sentences.count, 2)
        let first = sentences[0]
        XCTAssertEqual(first.spans.map { String(decoding: Array(first.text.utf8)[$0.range], as: UTF8.self) }, ["Samia Suluhu", "Dodoma"])
        XCTAssertEqual(sentences[1].spans.map(\.kindName), ["date"])
    }

    /// A toy language where a capitalised word after "bwana" is a person and one after "mji wa"
    /// is a place: a few epochs learn it, the weights survive the file format, and unseen names
    /// in the same contexts are found.
    func testTrainingLearnsAToyPatternAndTheWeightsRoundTrip() throws {
        let names = ["Juma", "Halima", "Baraka", "Zawadi", "Neema", "Imani", "Amani", "Rehema"]
        let towns = ["Tanga", "Moshi", "Iringa", "Musoma", "Kigoma", "Mtwara", "Lindi", "Songea"]
        var examples: [TaggerExample] = []
        for i in 0..<40 {
            let name = names[i % names.count], town = towns[(i * 3) % towns.count]
            let text = "jana bwana \(name) alisafiri kwenda mji wa \(town) kwa basi"
            let nameStart = text.utf8.count - "\(name) alisafiri kwenda mji wa \(town) kwa basi".utf8.count
            let townStart = text.utf8.count - "\(town) kwa basi".utf8.count
            examples.append(TaggerExample(text: text, spans: [
                TaggedSpan(range: nameStart..<(nameStart + name.utf8.count), kind: 0),
                TaggedSpan(range: townStart..<(townStart + town.utf8.count), kind: 2),
            ], gazetteer: .empty))
        }
        let data = TaggerTrainer(bits: 12, epochs: 4).train(examples, language: "xx")
        let model = try TaggerModel(data: data)
        XCTAssertEqual(model.language, "xx")
        XCTAssertEqual(model.bits, 12)
        XCTAssertEqual(TaggerModel.encode(language: "xx", bits: 12, weights: [Float](repeating: 0, count: 4096 * 9),
                                          transitions: [Float](repeating: 0, count: 90)).count, data.count)
        let tagger = NameTagger(models: [model])
        let text = "jana bwana Mwajuma alisafiri kwenda mji wa Bukoba kwa basi"
        let found = tagger.spans(in: text, lang: "xx", gazetteer: .empty)
        XCTAssertEqual(found.map { String(decoding: Array(text.utf8)[$0.range], as: UTF8.self) }, ["Mwajuma", "Bukoba"])
        XCTAssertEqual(found.map(\.kindName), ["person", "place"])
        XCTAssertTrue(tagger.spans(in: text, lang: "yy", gazetteer: .empty).isEmpty)
    }

    /// Words used in the same contexts share a class; the table keeps them through the weights
    /// file, and a word it never saw is class 0.
    func testWordClassesGroupWordsOfLikeContextsAndRoundTrip() throws {
        let people = ["juma", "halima", "baraka", "zawadi", "neema", "imani"]
        let towns = ["tanga", "moshi", "iringa", "musoma", "kigoma", "mtwara"]
        var texts: [String] = []
        for i in 0..<300 {
            texts.append("jana bwana \(people[i % 6]) alisema kwamba mji wa \(towns[(i * 5) % 6]) una watu wengi na \(["mvua", "jua", "upepo"][i % 3]) kali")
        }
        let clusters = TaggerClusterLearning.learn(texts: texts, classes: 6, iterations: 8)
        func hash(_ word: String) -> UInt64 { var w = word; return w.withUTF8 { TaggerTokenizer.tokens(in: $0, gazetteer: .empty)[0].features.word } }
        let personClasses = Set(people.map { clusters.cluster(of: hash($0)) })
        let townClasses = Set(towns.map { clusters.cluster(of: hash($0)) })
        XCTAssertEqual(personClasses.count, 1)
        XCTAssertEqual(townClasses.count, 1)
        XCTAssertNotEqual(personClasses, townClasses)
        XCTAssertFalse(personClasses.contains(0))
        XCTAssertEqual(clusters.cluster(of: hash("bukoba")), 0)
        let data = TaggerModel.encode(language: "xx", bits: 8, weights: [Float](repeating: 0, count: 256 * 9),
                                      transitions: [Float](repeating: 0, count: 90), clusters: clusters)
        let model = try TaggerModel(data: data)
        XCTAssertEqual(people.map { model.clusters.cluster(of: hash($0)) }, people.map { clusters.cluster(of: hash($0)) })
    }

    func testAFileOfAnotherFormatIsRefusedWithWhy() {
        var data = TaggerModel.encode(language: "xx", bits: 8, weights: [Float](repeating: 0, count: 256 * 9),
                                      transitions: [Float](repeating: 0, count: 90))
        XCTAssertNoThrow(try TaggerModel(data: data))
        data[8] = 99
        XCTAssertThrowsError(try TaggerModel(data: data)) { XCTAssertTrue("\($0)".contains("make train-ner")) }
        XCTAssertThrowsError(try TaggerModel(data: Data("not weights".utf8)))
        XCTAssertThrowsError(try TaggerModel(data: data.prefix(1000)))
    }

    func testRangeIndexFindsOverlapsBehindLongRanges() {
        let index = TaggerRangeIndex([0..<100, 10..<12, 200..<210])
        XCTAssertEqual(Set(index.overlapping(50..<60)), [0])
        XCTAssertEqual(Set(index.overlapping(11..<13)), [0, 1])
        XCTAssertTrue(index.overlapping(100..<200).isEmpty)
        XCTAssertTrue(index.contains(200..<210))
        XCTAssertFalse(index.contains(200..<209))
    }
}
