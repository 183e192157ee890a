/// One entity or amount found in a text by a rule (not by the knowledge base).
///
/// Unlinked entities get an id derived from their folded name ("~person/uhuru-kenyatta"),
/// so the same name yields the same id in every article; amounts get an id derived from
/// their value and unit ("~money/200000000000-USD").
public struct Mention: Sendable, Hashable, Codable {
    /// The rules that name people, organisations and places: people by a title or role, by
    /// capitals with a cue, as the subject of a speech verb; organisations and places by head
    /// words. The trained tagger outdoes these guesses; the knowledge base outdoes both.
    public static let ruleExtractors = ["title", "capitalised", "speaker", "pattern"]

    public var id: String
    /// person, org, place, money, percent, quantity
    public var kind: String
    /// The name with spaces normalised (for amounts: the surface with spaces normalised).
    public var name: String
    /// The surface exactly as written.
    public var text: String
    /// 0-based byte offsets into the analysed text.
    public var utf8Range: Range<Int>
    /// One of `Mention.ruleExtractors`, or "amount".
    public var extractor: String
    /// Confidence, 0...1.
    public var score: Double
    /// Amounts: the value (200 مليار → 2.0e11).
    public var number: Double?
    /// Amounts: an ISO 4217 code, "percent", or a unit word ("tonnes", "barrels", "km").
    public var unit: String?
    /// People found by a title: the title or role as written ("Rais", "سفیر ایران در ژاپن").
    public var role: String?

    public init(
        id: String, kind: String, name: String, text: String, utf8Range: Range<Int>,
        extractor: String, score: Double, number: Double? = nil, unit: String? = nil,
        role: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.text = text
        self.utf8Range = utf8Range
        self.extractor = extractor
        self.score = score
        self.number = number
        self.unit = unit
        self.role = role
    }

    /// The id an unlinked entity of this kind and name receives.
    public static func unlinkedID(kind: String, name: String) -> String {
        "~" + kind + "/" + RuleFolding.fold(name).split(separator: " ").joined(separator: "-")
    }
}
