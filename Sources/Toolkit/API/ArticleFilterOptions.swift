import LuaBridge

/// The filter table of `toolkit.articles{...}`: the stream's `ArticleFilter` and the script's
/// `where` function. Keys are checked by the declaration (`APIBinding.options`); values here.
struct ArticleFilterOptions {
    var filter: ArticleFilter
    var predicate: LuaReference?

    init(table: LuaTable, call: LuaCall) throws {
        func names(_ key: String) throws -> [String] {
            switch table[key] {
            case .nil: return []
            case .string(let s): return [s.string]
            case .table(let t) where t.fields.isEmpty && !t.array.isEmpty && t.array.allSatisfy({ $0.stringValue != nil }):
                return t.array.compactMap(\.stringValue)
            case let other: throw call.failure("filter '\(key)' must be a string or a list of strings (got a \(other.typeName))")
            }
        }
        do {
            filter = try ArticleFilter(languages: try names("lang"), since: try call.text(table, "since"),
                                       until: try call.text(table, "until"), sources: try names("source"),
                                       naming: { "filter '\($0)':" })
        } catch let error as ToolkitError {
            throw call.failure(error.description)
        }
        switch table["where"] {
        case .nil: predicate = nil
        case .reference(let function) where function.typeName == "function": predicate = function
        case let other: throw call.failure("filter 'where' must be a function of the article (got a \(other.typeName))")
        }
    }
}
