import LuaBridge
import NewsKit

/// The argument of `article:entities(...)`: nothing (all), a kind (`"person"`), or a table
/// `{kind = "person" or {"person", "org"}, extractor = "kb", linked = true, min_score = 0.8,
/// section = "text"}`.
struct EntityFilter {
    var kinds: Set<String>?
    var extractors: Set<String>?
    var linked: Bool?
    var minimumScore: Double?
    var sections: Set<String>?

    init(_ value: LuaValue) throws {
        switch value {
        case .nil: break
        case .string(let kind): kinds = [kind.string]
        case .table(let t):
            kinds = try EntityFilter.names(t["kind"], field: "kind")
            extractors = try EntityFilter.names(t["extractor"], field: "extractor")
            if case .boolean(let b) = t["linked"] { linked = b }
            minimumScore = t["min_score"].doubleValue
            sections = try EntityFilter.names(t["section"], field: "section")
        default:
            throw LuaScriptError("entities: expected a kind like \"person\" or a filter table, got a \(value.typeName)")
        }
    }

    private static func names(_ value: LuaValue, field: String) throws -> Set<String>? {
        switch value {
        case .nil: return nil
        case .string(let s): return [s.string]
        case .table(let t) where t.array.allSatisfy({ $0.stringValue != nil }): return Set(t.array.compactMap(\.stringValue))
        default: throw LuaScriptError("entities: filter field '\(field)' must be a string or a list of strings")
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
