import LuaBridge
import NewsKit

/// The argument of `article:entities(...)`: nothing (all), a kind (`"person"`), or a table
/// `{kind = "person" or {"person", "org"}, extractor = "kb", linked = true, min_score = 0.8,
/// section = "text"}`. Every key, kind, section and extractor name is checked: a typo is an error
/// listing the valid ones, never a filter that silently matches everything or nothing.
struct EntityFilter {
    var kinds: Set<String>?
    var extractors: Set<String>?
    var linked: Bool?
    var minimumScore: Double?
    var sections: Set<String>?

    static let keys = ["kind", "extractor", "linked", "min_score", "section"]
    static let function = "article:entities"

    /// `extractors`: the names a mention's `extractor` can have in this run (built-in and registered).
    init(_ value: LuaValue, extractors known: [String]) throws {
        switch value {
        case .nil: break
        case .string(let kind): kinds = try EntityFilter.checked([kind.string], "kind", valid: EntityVocabulary.kinds)
        case .table(let t):
            if !t.array.isEmpty {
                throw LuaFilterError("\(EntityFilter.function): a filter table has named keys (\(EntityFilter.keys.joined(separator: ", "))), like {kind = \"person\"}; for several kinds write {kind = {\"person\", \"org\"}}")
            }
            for (key, _) in t.fields {
                guard let name = key.stringValue, EntityFilter.keys.contains(name) else {
                    throw EntityVocabulary.unknown("filter key", key.stringValue ?? "(a \(key.typeName))", valid: EntityFilter.keys, in: EntityFilter.function)
                }
            }
            kinds = try EntityFilter.names(t["kind"], field: "kind").map { try EntityFilter.checked($0, "kind", valid: EntityVocabulary.kinds) }
            extractors = try EntityFilter.names(t["extractor"], field: "extractor").map { try EntityFilter.checked($0, "extractor", valid: known) }
            sections = try EntityFilter.names(t["section"], field: "section").map { try EntityFilter.checked($0, "section", valid: EntityVocabulary.sections) }
            switch t["linked"] {
            case .nil: break
            case .boolean(let b): linked = b
            case let other: throw LuaFilterError("\(EntityFilter.function): filter key 'linked' must be true or false, not a \(other.typeName)")
            }
            switch t["min_score"] {
            case .nil: break
            case let number where number.doubleValue != nil: minimumScore = number.doubleValue
            case let other: throw LuaFilterError("\(EntityFilter.function): filter key 'min_score' must be a number, not a \(other.typeName)")
            }
        default:
            throw LuaFilterError("\(EntityFilter.function): expected a kind like \"person\" or a filter table, got a \(value.typeName)")
        }
    }

    private static func checked(_ values: [String], _ what: String, valid: [String]) throws -> Set<String> {
        if let bad = values.first(where: { !valid.contains($0) }) {
            throw EntityVocabulary.unknown(what, bad, valid: valid, in: EntityFilter.function)
        }
        return Set(values)
    }

    private static func names(_ value: LuaValue, field: String) throws -> [String]? {
        switch value {
        case .nil: return nil
        case .string(let s): return [s.string]
        case .table(let t) where t.fields.isEmpty && t.array.allSatisfy({ $0.stringValue != nil }): return t.array.compactMap(\.stringValue)
        default: throw LuaFilterError("\(EntityFilter.function): filter key '\(field)' must be a string or a list of strings")
        }
    }

    func accepts(_ m: EntityMention) -> Bool {
        if let kinds, !kinds.contains(m.kind) { return false }
        if let extractors, !extractors.contains(m.extractor) { return false }
        if let linked, m.isLinked != linked { return false }
        if let minimumScore, m.score < minimumScore { return false }
        if let sections, !sections.contains(m.section) { return false }
        return true
    }
}
