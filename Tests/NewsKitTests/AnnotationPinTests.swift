import Foundation
import XCTest
@testable import NewsKit

/// Pins what the annotator finds on a sample of ../shared/corpus (skipped when absent): every
/// field of every mention and every quote's speaker, written one line each, must equal
/// Tests/Pins/annotation-sample.txt. Work on the annotator's speed must change none of it; a change
/// meant to alter what is found rewrites the file (`ANNOTATION_PIN_UPDATE=1 swift test --filter
/// AnnotationPinTests`) and shows the difference in its commit. The world knowledge base and the
/// bundled rules, no tagger (its weights are retrained; the gold tests pin it).
final class AnnotationPinTests: XCTestCase {
    private static let repositoryRoot = SharedTestData.repoRoot
    private static let pinFile = repositoryRoot.appendingPathComponent("Tests/Pins/annotation-sample.txt")
    /// Every 40th record of each corpus file, at most 25 a file: long and short articles alike.
    private static let stride = 40, perFile = 25

    func testAnnotationsOfACorpusSampleAreUnchanged() throws {
        guard let corpus = SharedTestData.corpus() else { throw XCTSkip("no corpus at ../shared/corpus: pin skipped") }
        let kb = try KnowledgeBase.load(directory: Self.repositoryRoot.appendingPathComponent("Plugins/world/kb"))
        let annotator = EntityAnnotator(knowledgeBase: kb)
        let reader = ArticleReader()
        var lines: [String] = []
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        for name in names {
            let data = try Data(contentsOf: corpus.appendingPathComponent(name))
            var index = 0
            JSONLinesReader(origin: name).read(data, warn: { _ in }) { record in
                defer { index += 1 }
                guard index % Self.stride == 0, index / Self.stride < Self.perFile else { return }
                let article = reader.article(from: record)
                let annotation = annotator.annotate(article)
                lines.append("# \(name) \(index) \(article.lang) \(article.text.utf8.count)")
                lines += annotation.mentions.map(Self.line)
                lines += annotation.quotes.map { "quote \($0.quote.first)-\($0.quote.last) \($0.speakerID ?? "-") \($0.speakerName ?? "-")" }
            }
        }
        let current = lines.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["ANNOTATION_PIN_UPDATE"] == "1" {
            try FileManager.default.createDirectory(at: Self.pinFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            try current.write(to: Self.pinFile, atomically: true, encoding: .utf8)
            return
        }
        let pinned = try String(contentsOf: Self.pinFile, encoding: .utf8)
        guard pinned != current else { return }
        let old = pinned.split(separator: "\n", omittingEmptySubsequences: false)
        let new = current.split(separator: "\n", omittingEmptySubsequences: false)
        let at = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
        XCTFail("""
            annotations differ from Tests/Pins/annotation-sample.txt at line \(at + 1) (\(old.count) lines pinned, \(new.count) now):
              pinned: \(at < old.count ? old[at] : "(end)")
              now:    \(at < new.count ? new[at] : "(end)")
            """)
    }

    private static func line(_ m: EntityMention) -> String {
        func show<T>(_ value: T?) -> String { value.map { "\($0)" } ?? "-" }
        return [m.id, m.kind, m.name, m.text, show(m.first), show(m.last), show(m.rawFirst), show(m.rawLast),
                show(m.block), m.section, m.extractor, String(format: "%.4f", m.score), show(m.value),
                show(m.number), show(m.unit), show(m.form), show(m.role)].joined(separator: "\t")
    }
}
