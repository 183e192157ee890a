import LuaBridge
import NewsKit

/// An extractor a script or plugin registers with `toolkit.extractor{ name, kinds, languages?,
/// extract = function(article, emit) }`. Its finds join the built-in ones in `article:entities()`
/// with `extractor` set to its name. Each call of `extract` runs under a budget of its own.
final class ScriptExtractor {
    let name: String
    let kinds: [String]
    let languages: Set<String>?
    let extract: LuaReference
    /// `script.lua:12`, where it was registered.
    let origin: String

    static let keys = ["name", "kinds", "languages", "extract"]
    static let emitKeys = ["kind", "first", "last", "id", "name", "value", "unit", "score"]

    init(name: String, kinds: [String], languages: Set<String>?, extract: LuaReference, origin: String) {
        self.name = name
        self.kinds = kinds
        self.languages = languages
        self.extract = extract
        self.origin = origin
    }

    /// Reads the table given to `toolkit.extractor`; `taken` are the names already in use.
    convenience init(_ spec: LuaTable, origin: String, taken: [String]) throws {
        let function = "toolkit.extractor"
        for (key, _) in spec.fields where !(key.stringValue.map(ScriptExtractor.keys.contains) ?? false) {
            throw EntityVocabulary.unknown("key", key.stringValue ?? "(a \(key.typeName))", valid: ScriptExtractor.keys, in: function)
        }
        guard let name = spec["name"].stringValue, !name.isEmpty else {
            throw LuaScriptError("\(function): 'name' must be a non-empty string, like name = \"summits\"")
        }
        guard !EntityVocabulary.builtInExtractors.contains(name), !taken.contains(name) else {
            throw LuaScriptError("\(function): the name '\(name)' is taken (built in: \(EntityVocabulary.builtInExtractors.joined(separator: ", ")); registered: \(taken.isEmpty ? "none" : taken.joined(separator: ", ")))")
        }
        let kinds: [String]
        switch spec["kinds"] {
        case .string(let one): kinds = [one.string]
        case .table(let list) where !list.array.isEmpty && list.array.allSatisfy({ $0.stringValue != nil }): kinds = list.array.compactMap(\.stringValue)
        default: throw LuaScriptError("\(function) '\(name)': 'kinds' must list the kinds it emits, like kinds = {\"person\", \"org\"}")
        }
        if let bad = kinds.first(where: { !EntityVocabulary.kinds.contains($0) }) {
            throw EntityVocabulary.unknown("kind", bad, valid: EntityVocabulary.kinds, in: "\(function) '\(name)'")
        }
        var languages: Set<String>?
        switch spec["languages"] {
        case .nil: break
        case .string(let one): languages = [one.string]
        case .table(let list) where list.array.allSatisfy({ $0.stringValue != nil }): languages = Set(list.array.compactMap(\.stringValue))
        default: throw LuaScriptError("\(function) '\(name)': 'languages' must be a list of language codes, like languages = {\"ar\", \"fa\"}")
        }
        guard case .reference(let extract) = spec["extract"], extract.typeName == "function" else {
            throw LuaScriptError("\(function) '\(name)': 'extract' must be a function(article, emit)")
        }
        self.init(name: name, kinds: kinds, languages: languages, extract: extract, origin: origin)
    }

    func applies(to lang: String) -> Bool { languages.map { $0.contains(lang) } ?? true }

    /// Runs the extractor on one article and returns what it emitted, checked. `invoke` calls Lua
    /// on the right thread: the calling callback's (`LuaCall.call`) or the state's own.
    func run(on article: ArticleObject, state: LuaState, invoke: (LuaReference, [LuaValue]) throws -> [LuaValue],
             budget: LuaLimits, knowledgeBase: @escaping () throws -> KnowledgeBase) throws -> [EntityMention] {
        let text = Array(article.article.textSlice.utf8)
        var found: [EntityMention] = []
        let emit = LuaFunction("emit") { [self] emitCall in
            found.append(try mention(from: try emitCall.table(1), text: text, article: article.article, knowledgeBase: knowledgeBase))
            return []
        }
        do {
            _ = try state.withBudget(budget) { try invoke(extract, [.object(article), .function(emit)]) }
        } catch let error as LuaError where error.kind == .runtime {
            throw LuaError(kind: error.kind, message: "\(error.message) (in extractor '\(name)' on article \(article.article.path))", traceback: error.traceback)
        }
        return found
    }

    /// One emitted table as a mention: offsets checked against the text, linked like built-in finds.
    func mention(from t: LuaTable, text: [UInt8], article: Article, knowledgeBase: @escaping () throws -> KnowledgeBase) throws -> EntityMention {
        let context = "extractor '\(name)' on article \(article.path): emit"
        func fail(_ what: String) -> LuaScriptError { LuaScriptError("\(context): \(what)") }
        for (key, _) in t.fields where !(key.stringValue.map(ScriptExtractor.emitKeys.contains) ?? false) {
            throw fail("unknown key '\(key.stringValue ?? key.typeName)' (valid: \(ScriptExtractor.emitKeys.joined(separator: ", ")))")
        }
        guard let kind = t["kind"].stringValue else { throw fail("'kind' is missing (one of \(kinds.joined(separator: ", ")))") }
        guard EntityVocabulary.kinds.contains(kind) else {
            throw fail("unknown kind '\(kind)' (valid: \(EntityVocabulary.kinds.joined(separator: ", ")))")
        }
        guard kinds.contains(kind) else { throw fail("kind '\(kind)' is not among the kinds it declared (\(kinds.joined(separator: ", ")))") }
        guard case .integer(let first64) = t["first"], case .integer(let last64) = t["last"] else {
            throw fail("'first' and 'last' must be integers: 1-based inclusive byte offsets into article.text")
        }
        let (first, last) = (Int(first64), Int(last64))
        guard first >= 1, first <= last, last <= text.count else {
            throw fail("offsets \(first)..\(last) are outside the text (1..\(text.count))")
        }
        func continuation(_ i: Int) -> Bool { i < text.count && text[i] & 0xC0 == 0x80 }
        guard !continuation(first - 1), !continuation(last) else {
            throw fail("offsets \(first)..\(last) cut a character in two (use positions from string.find, toolkit.re or utf8.offset)")
        }
        let surface = String(decoding: text[(first - 1)..<last], as: UTF8.self)
        var mention = EntityMention(id: "", kind: kind, name: surface, text: surface, first: first, last: last, extractor: name, score: 1)
        switch t["score"] {
        case .nil: break
        case let s where s.doubleValue.map({ (0...1).contains($0) }) == true: mention.score = s.doubleValue!
        default: throw fail("'score' must be a number from 0 to 1")
        }
        switch t["value"] {
        case .nil: break
        case .string(let s): mention.value = s.string
        case let n where n.doubleValue != nil:
            mention.number = n.doubleValue
            mention.value = n.intValue.map(String.init) ?? String(n.doubleValue!)
        default: throw fail("'value' must be a number or a string")
        }
        switch t["unit"] {
        case .nil: break
        case .string(let s): mention.unit = s.string
        default: throw fail("'unit' must be a string")
        }
        let given = t["name"].stringValue
        if let id = t["id"].stringValue {
            if id.hasPrefix("~") {
                mention.id = id
                mention.name = given ?? surface
            } else {
                guard let profile = try knowledgeBase().profile(id: id) else {
                    throw fail("unknown knowledge-base id '\(id)' (find ids with toolkit.kb.lookup, or give a name to link)")
                }
                guard profile.kind == kind else { throw fail("id '\(id)' is a \(profile.kind), not a \(kind)") }
                mention.id = profile.id
                mention.name = profile.name
            }
        } else {
            let name = given ?? surface
            let base = try knowledgeBase()
            // The article's language first, then any: an extractor may emit an English name in a Swahili text.
            let candidates = base.exactLookup(name, lang: article.lang) + base.exactLookup(name)
            if let profile = candidates.first(where: { $0.kind == kind }) {
                mention.id = profile.id
                mention.name = profile.name
            } else {
                mention.id = Mention.unlinkedID(kind: kind, name: name)
                mention.name = name
            }
        }
        return mention
    }
}

/// The extractors of one Lua state, in the order they were registered, and the budget each call
/// of one gets.
final class ExtractorRegistry {
    private(set) var all: [ScriptExtractor] = []
    var budget: LuaLimits
    /// `--verbose`: counts each extractor's mentions and time.
    var trace: RunTrace?

    init(budget: LuaLimits) { self.budget = budget }

    func add(_ extractor: ScriptExtractor) { all.append(extractor) }

    /// Every value a mention's `extractor` field can take in this run.
    var names: [String] { EntityVocabulary.builtInExtractors + all.map(\.name) }
}
