import Foundation

/// One spelling of an entity: a name as some language writes it.
public struct EntityVariant: Sendable, Hashable, Codable {
    public var text: String
    /// ISO 639-1 code when known ("ar", "fa", "sw", ...).
    public var lang: String?
    /// ISO 15924 code ("Latn", "Arab", "Cyrl", "Hani", ...), derived from `text` when not given.
    public var script: String
    /// Ambiguous when it stands alone (a surname, "Xi", "Kim"): accepted only after the full name
    /// or next to a title.
    public var short: Bool
    /// "adjective" or "demonym" for forms like "Russian" / "الروسي" / "Kirusi"; nil for names.
    public var form: String?

    public init(text: String, lang: String? = nil, script: String? = nil, short: Bool = false, form: String? = nil) {
        self.text = text
        self.lang = lang
        self.script = script ?? ScriptCode.of(text)
        self.short = short
        self.form = form
    }

    /// Adjectives and demonyms point at the entity but do not name it.
    public var isAdjectival: Bool { form == "adjective" || form == "demonym" }

    private enum CodingKeys: String, CodingKey { case text, lang, script, short, form }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let text = try c.decode(String.self, forKey: .text)
        self.init(
            text: text,
            lang: try c.decodeIfPresent(String.self, forKey: .lang),
            script: try c.decodeIfPresent(String.self, forKey: .script),
            short: try c.decodeIfPresent(Bool.self, forKey: .short) ?? false,
            form: try c.decodeIfPresent(String.self, forKey: .form))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(lang, forKey: .lang)
        try c.encode(script, forKey: .script)
        if short { try c.encode(true, forKey: .short) }
        try c.encodeIfPresent(form, forKey: .form)
    }
}

/// An entity with all its spellings across languages and scripts (Europe Media Monitor style).
public struct EntityProfile: Sendable, Hashable, Codable {
    /// Stable id, the same across scripts: "person/vladimir-putin".
    public var id: String
    /// "person", "org", "place", or any other kind a plugin introduces.
    public var kind: String
    /// Canonical display name (English).
    public var name: String
    public var variants: [EntityVariant]
    /// Facts such as country, role, parent, wikidata.
    public var attrs: [String: String]

    public init(id: String, kind: String, name: String, variants: [EntityVariant] = [], attrs: [String: String] = [:]) {
        self.id = id
        self.kind = kind
        self.name = name
        self.variants = variants
        self.attrs = attrs
    }

    private enum CodingKeys: String, CodingKey { case id, kind, name, variants, attrs }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            kind: try c.decode(String.self, forKey: .kind),
            name: try c.decode(String.self, forKey: .name),
            variants: try c.decodeIfPresent([EntityVariant].self, forKey: .variants) ?? [],
            attrs: try c.decodeIfPresent([String: String].self, forKey: .attrs) ?? [:])
    }

    /// Adds the spellings and facts of `other` (same id); existing values win on conflict.
    func merged(with other: EntityProfile) -> EntityProfile {
        var result = self
        var seen = Set(variants)
        for variant in other.variants where seen.insert(variant).inserted {
            result.variants.append(variant)
        }
        for (key, value) in other.attrs where result.attrs[key] == nil {
            result.attrs[key] = value
        }
        return result
    }
}
