import Foundation

/// A page's text in Unicode's composed form (NFC), as other tools and readers compare text: an
/// "é" typed as "e" and a combining accent, or a Bengali "ড়" typed as one letter (which NFC
/// spells as two), reads as the same word as elsewhere.
enum HTMLTextComposition {
    /// `text` composed when it holds a combining mark or a letter excluded from composition; other
    /// text as it is, without Foundation's pass through NSString. The walk asks only for text with
    /// a scalar from U+0300 up: below, none is either, so Latin text with accents is not looked at.
    static func composed(_ text: String) -> String {
        let changes = text.unicodeScalars.contains {
            $0.value >= 0x300 && ($0.properties.canonicalCombiningClass != .notReordered || $0.properties.isFullCompositionExclusion)
        }
        return changes ? text.precomposedStringWithCanonicalMapping : text
    }
}
