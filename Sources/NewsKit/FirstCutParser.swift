import Foundation

/// The walking skeleton's reading of raw text: the first meaningful line is the title and every other
/// non-empty line a paragraph. The structure parser replaces it; it stays as the fallback for text
/// too short to structure.
public enum FirstCutParser {
    public static func article(from document: Document) -> Article {
        var lines = document.text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let titleIndex = lines.firstIndex(where: isMeaningful)
        let title = titleIndex.map { lines[$0] }
        if let titleIndex { lines.removeSubrange(...titleIndex) }
        let paragraphs = lines.filter { $0 != title }
        let text = paragraphs.joined(separator: "\n\n")
        var article = Article(
            id: document.contentHash, path: document.origin,
            lang: ScriptGuess.language(of: title.map { $0 + "\n" + text } ?? text),
            text: text, raw: document.text)
        article.title = title
        article.paragraphs = paragraphs
        article.warnings = document.warnings
        return article
    }

    /// A line with at least three letters: not a lone symbol, number or navigation glyph.
    static func isMeaningful(_ line: String) -> Bool {
        var letters = 0
        for scalar in line.unicodeScalars where scalar.properties.isAlphabetic {
            letters += 1
            if letters >= 3 { return true }
        }
        return false
    }
}
