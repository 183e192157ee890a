import LuaBridge
import NewsKit

/// Lua tables of the entity model: mentions, quotes with speakers, knowledge-base profiles.
enum EntityTables {
    static func mention(_ m: EntityMention) -> LuaValue {
        var t: LuaTable = [
            "id": LuaValue(m.id), "kind": LuaValue(m.kind), "name": LuaValue(m.name), "text": LuaValue(m.text),
            "section": LuaValue(m.section), "extractor": LuaValue(m.extractor),
            "score": LuaValue(m.score), "linked": .boolean(m.isLinked),
        ]
        t["first"] = m.first.map(LuaValue.init) ?? .nil
        t["last"] = m.last.map(LuaValue.init) ?? .nil
        t["raw_first"] = m.rawFirst.map(LuaValue.init) ?? .nil
        t["raw_last"] = m.rawLast.map(LuaValue.init) ?? .nil
        t["block"] = m.block.map(LuaValue.init) ?? .nil
        if let number = m.number { t["value"] = LuaValue(number) } else { t["value"] = LuaValue(m.value) }
        t["unit"] = LuaValue(m.unit)
        t["form"] = LuaValue(m.form)
        t["role"] = LuaValue(m.role)
        return .table(t)
    }

    static func quote(_ q: AttributedQuote) -> LuaValue {
        var t: LuaTable = ["text": LuaValue(q.quote.text), "first": LuaValue(q.quote.first), "last": LuaValue(q.quote.last)]
        t["speaker"] = LuaValue(q.quote.speaker)
        t["speaker_id"] = LuaValue(q.speakerID)
        t["speaker_name"] = LuaValue(q.speakerName)
        return .table(t)
    }

    static func profile(_ p: EntityProfile) -> LuaValue {
        var attrs = LuaTable(array: [])
        for (key, value) in p.attrs.sorted(by: { $0.key < $1.key }) { attrs[key] = LuaValue(value) }
        let variants = p.variants.map { v -> LuaValue in
            var t: LuaTable = ["text": LuaValue(v.text), "script": LuaValue(v.script), "short": .boolean(v.short)]
            t["lang"] = LuaValue(v.lang)
            t["form"] = LuaValue(v.form)
            return .table(t)
        }
        return .table(["id": LuaValue(p.id), "kind": LuaValue(p.kind), "name": LuaValue(p.name),
                       "variants": .table(LuaTable(array: variants)), "attrs": .table(attrs)])
    }

    /// A profile from Lua: `{id =, kind =, name =, variants = {"Putin", {text =, lang =, short =}}, attrs = {}}`.
    static func profile(from t: LuaTable, function: String) throws -> EntityProfile {
        func field(_ key: String) throws -> String {
            guard let s = t[key].stringValue, !s.isEmpty else {
                throw LuaScriptError("\(function): field '\(key)' must be a non-empty string")
            }
            return s
        }
        let kind = try field("kind")
        let name = try field("name")
        let id = t["id"].stringValue ?? "\(kind)/" + TextFolder.fold(name).split(separator: " ").joined(separator: "-")
        var variants: [EntityVariant] = []
        if case .table(let list) = t["variants"] {
            for (i, item) in list.array.enumerated() {
                switch item {
                case .string(let s): variants.append(EntityVariant(text: s.string))
                case .table(let v):
                    guard let text = v["text"].stringValue else {
                        throw LuaScriptError("\(function): variants[\(i + 1)].text must be a string")
                    }
                    var variant = EntityVariant(text: text, lang: v["lang"].stringValue, short: v["short"] == .boolean(true))
                    variant.form = v["form"].stringValue
                    variants.append(variant)
                default: throw LuaScriptError("\(function): variants[\(i + 1)] must be a string or a table")
                }
            }
        } else if !t["variants"].isNil {
            throw LuaScriptError("\(function): field 'variants' must be a list")
        }
        var attrs: [String: String] = [:]
        if case .table(let a) = t["attrs"] {
            for (key, value) in a.fields {
                if let k = key.stringValue, let v = value.stringValue ?? value.intValue.map(String.init) { attrs[k] = v }
            }
        }
        return EntityProfile(id: id, kind: kind, name: name, variants: variants, attrs: attrs)
    }
}
