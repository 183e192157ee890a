import Foundation

/// Labelled sentences for measuring language identification: sentences cut from the real
/// articles of the shared corpus (JSON Lines, one article per line with `lang` and `text`),
/// the hand-written sentences of tools/langid/eval/<set>.txt, and Persian corpus sentences
/// rewritten the way older Persian text is typed (Arabic ي/ك, no ZWNJ).
struct LabelledSentence {
    /// Row of the report: a language code, or a code and a variant ("fa-arabic-yk",
    /// "ar-corpus").
    let set: String
    let language: String
    let text: String
}

enum SentenceSet {
    /// Sentences of one corpus file, at most `limit`, spread evenly over the whole file.
    static func corpusSentences(file: URL, limit: Int) throws -> [LabelledSentence] {
        let content = try String(contentsOf: file, encoding: .utf8)
        var all: [(String, String)] = []
        for line in content.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let text = object["text"] as? String else { continue }
            let language = (object["lang"] as? String) ?? String(file.lastPathComponent.prefix(2))
            for sentence in sentences(of: text) { all.append((language, sentence)) }
        }
        return evenlySpaced(all, limit: limit).map { LabelledSentence(set: $0.0 + "-corpus", language: $0.0, text: $0.1) }
    }

    /// Sentences of tools/langid/eval: one per line, `#` starts a comment line. The file name
    /// is the set; its part before a dash is the language ("fa-noZWNJ.txt" is Persian).
    static func handWritten(directory: URL) throws -> [LabelledSentence] {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        var result: [LabelledSentence] = []
        for file in files {
            let set = file.deletingPathExtension().lastPathComponent
            let language = String(set.split(separator: "-")[0])
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                let text = line.trimmingCharacters(in: .whitespaces)
                if text.isEmpty || text.hasPrefix("#") { continue }
                result.append(LabelledSentence(set: set, language: language, text: text))
            }
        }
        return result
    }

    /// Persian sentences as typed on an Arabic keyboard without ZWNJ: ی→ي, ک→ك, ZWNJ dropped.
    /// Only sentences that change are kept, so the row measures the variant.
    static func persianArabicKeyboard(_ persian: [LabelledSentence]) -> [LabelledSentence] {
        persian.compactMap { sentence in
            let variant = sentence.text
                .replacingOccurrences(of: "\u{06CC}", with: "\u{064A}")
                .replacingOccurrences(of: "\u{06A9}", with: "\u{0643}")
                .replacingOccurrences(of: "\u{200C}", with: "")
            guard variant != sentence.text else { return nil }
            return LabelledSentence(set: sentence.set + "-arabic-yk", language: "fa", text: variant)
        }
    }

    /// Sentences of an article: lines, cut after . ! ? ؟ ۔ । 。 when followed by a space.
    /// Fragments with fewer than 20 letters (bylines, dates, captions) are left out.
    static func sentences(of text: String) -> [String] {
        var result: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            var current = ""
            var previousWasEnd = false
            for character in line {
                if previousWasEnd && character.isWhitespace {
                    keep(current, in: &result)
                    current = ""
                    previousWasEnd = false
                    continue
                }
                current.append(character)
                previousWasEnd = ".!?؟۔।。".contains(character)
            }
            keep(current, in: &result)
        }
        return result
    }

    private static func keep(_ sentence: String, in result: inout [String]) {
        let trimmed = sentence.trimmingCharacters(in: .whitespaces)
        if trimmed.unicodeScalars.filter({ $0.properties.isAlphabetic }).count >= 20 {
            result.append(trimmed)
        }
    }

    private static func evenlySpaced<T>(_ items: [T], limit: Int) -> [T] {
        guard items.count > limit, limit > 0 else { return items }
        return (0..<limit).map { items[$0 * items.count / limit] }
    }

    /// Tab-separated `set, language, text` lines for tools/langid/peers.py.
    static func writeTSV(_ sentences: [LabelledSentence], to url: URL) throws {
        var out = "set\tlang\ttext\n"
        for sentence in sentences {
            let text = sentence.text.replacingOccurrences(of: "\t", with: " ")
            out += "\(sentence.set)\t\(sentence.language)\t\(text)\n"
        }
        try out.write(to: url, atomically: true, encoding: .utf8)
    }
}
