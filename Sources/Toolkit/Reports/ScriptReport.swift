import LuaBridge

/// A report a script or plugin registers with `toolkit.report{ name, init, article, merge?,
/// finish? }`. `init()` makes an empty state, `article(state, article)` adds one article to it
/// (returning a new state or changing it in place), `merge(a, b)` combines two states of
/// consecutive parts of the corpus, and `finish(state, out)` writes the result. A report with
/// `merge` runs on all cores; one without runs on one state.
struct ScriptReport {
    var name: String
    var initial: LuaReference
    var article: LuaReference
    var merge: LuaReference?
    var finish: LuaReference?
    /// `script.lua:12`, where it was registered.
    var origin: String

    static let keys = ["name", "init", "article", "merge", "finish", "description"]

    init(name: String, initial: LuaReference, article: LuaReference, merge: LuaReference?, finish: LuaReference?, origin: String) {
        self.name = name
        self.initial = initial
        self.article = article
        self.merge = merge
        self.finish = finish
        self.origin = origin
    }

    /// Reads the table given to `toolkit.report`; `taken` are the names already registered.
    init(_ spec: LuaTable, origin: String, taken: [String]) throws {
        let function = "toolkit.report"
        for (key, _) in spec.fields where !(key.stringValue.map(ScriptReport.keys.contains) ?? false) {
            throw EntityVocabulary.unknown("key", key.stringValue ?? "(a \(key.typeName))", valid: ScriptReport.keys, in: function)
        }
        guard let name = spec["name"].stringValue, !name.isEmpty else {
            throw LuaScriptError("\(function): 'name' must be a non-empty string, like name = \"cooccurrence\"")
        }
        guard !taken.contains(name) else { throw LuaScriptError("\(function): a report named '\(name)' is registered already") }
        func callback(_ key: String, required: Bool) throws -> LuaReference? {
            switch spec[key] {
            case .nil where !required: return nil
            case .reference(let f) where f.typeName == "function": return f
            default: throw LuaScriptError("\(function) '\(name)': '\(key)' must be a function\(required ? "" : " or absent")")
            }
        }
        self.init(name: name, initial: try callback("init", required: true)!, article: try callback("article", required: true)!,
                  merge: try callback("merge", required: false), finish: try callback("finish", required: false), origin: origin)
    }
}
