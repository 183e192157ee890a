/// One mention of a knowledge-base entity in a text.
public struct EntityMatch: Sendable, Hashable {
    public var profileID: String
    public var kind: String
    /// Canonical name of the profile.
    public var name: String
    /// 0-based UTF-8 byte offsets in the original text: exactly the surface form, without
    /// proclitics (و، ب، ال...) or suffixes (ها، های...). `text.utf8[range] == surface`.
    public var utf8Range: Range<Int>
    public var surface: String
    /// The variant that matched (its `form` tells adjectives and demonyms from names).
    public var variant: EntityVariant
    /// Whether the variant is ambiguous alone and was accepted because of the full name earlier
    /// or a title next to it.
    public var short: Bool
    /// 1.0 for a full name as written; lower with clitics, for short aliases and adjectives.
    public var score: Double

    public init(profileID: String, kind: String, name: String, utf8Range: Range<Int>, surface: String,
                variant: EntityVariant, short: Bool, score: Double) {
        self.profileID = profileID
        self.kind = kind
        self.name = name
        self.utf8Range = utf8Range
        self.surface = surface
        self.variant = variant
        self.short = short
        self.score = score
    }

    /// 1-based inclusive byte offsets, as the Lua API reports them (`text:sub(first, last)`).
    public var first: Int { utf8Range.lowerBound + 1 }
    public var last: Int { utf8Range.upperBound }
}
