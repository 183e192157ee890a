import LuaBridge
import NewsKit

/// Knowledge-base profiles from Lua, and the mention table the entity iterators hand out.
enum EntityTables {
    /// A mention as its declared record (see `EntityRecords.mention`).
    static func mention(_ m: EntityMention) -> LuaValue {
        (try? EntityRecords.mention.table(m)) ?? .nil
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
