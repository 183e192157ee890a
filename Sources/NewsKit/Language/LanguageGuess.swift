/// A language identified for a text.
public struct LanguageGuess: Sendable, Hashable {
    /// ISO 639-1 code, or "und" when the text has no letters to judge by.
    public let code: String
    /// How sure the identifier is, from 0 to 1.
    public let confidence: Double
    /// ISO 15924 code of the script the text is mostly written in: "Latn", "Arab", "Cyrl",
    /// "Hans"/"Hant" for Chinese, "Jpan" for Japanese, "Kore" for Korean, "Zyyy" for none.
    public let script: String

    public init(code: String, confidence: Double, script: String) {
        self.code = code
        self.confidence = confidence
        self.script = script
    }

    /// The answer for a text without letters.
    public static let undetermined = LanguageGuess(code: "und", confidence: 0, script: "Zyyy")
}
