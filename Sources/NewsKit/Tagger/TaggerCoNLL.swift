import Foundation

/// Reads token-per-line IOB files (`TOKEN TAG`, a blank line between sentences) as sentences of
/// text, the tokens joined by spaces, with their names as byte ranges of that text.
public enum TaggerCoNLL {
    public struct Sentence: Sendable {
        public var text: String
        public var spans: [TaggedSpan]
    }

    public static func read(_ url: URL) throws -> [Sentence] {
        let data = try String(contentsOf: url, encoding: .utf8)
        var sentences: [Sentence] = []
        var text: [UInt8] = [], spans: [TaggedSpan] = []
        var open: (start: Int, end: Int, kind: Int)?
        func close() {
            if let o = open { spans.append(TaggedSpan(range: o.start..<o.end, kind: o.kind)) }
            open = nil
        }
        func finish() {
            close()
            if !text.isEmpty { sentences.append(Sentence(text: String(decoding: text, as: UTF8.self), spans: spans)) }
            text.removeAll(); spans.removeAll()
        }
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 2 else { finish(); continue }
            let token = fields[0], tag = fields[fields.count - 1]
            if !text.isEmpty { text.append(0x20) }
            let start = text.count
            text += Array(token.utf8)
            let parts = tag.split(separator: "-", maxSplits: 1)
            let kind = parts.count == 2 ? TaggerLabel.kindIndex(ofLabel: parts[1]) : nil
            if let kind, parts[0] == "I", var o = open, o.kind == kind {
                o.end = text.count
                open = o
            } else {
                close()
                if let kind { open = (start, text.count, kind) }
            }
        }
        finish()
        return sentences
    }
}
