import LuaBridge

extension APIBinding {
    /// The options table at `position`, checked against the keys its parameter declares: a key
    /// that is not declared is an error listing the valid ones, so `{prety = true}` never passes
    /// as no option at all.
    func options(_ call: LuaCall, _ position: Int) throws -> LuaTable? {
        guard let table = try call.optionalTable(position) else { return nil }
        let declared = function.parameters[position - 1].options.map(\.name)
        for (key, _) in table.fields {
            guard let name = key.stringValue, declared.contains(name) else {
                let shown = key.stringValue.map { "'\($0)'" } ?? "of type \(key.typeName)"
                throw call.failure("unknown option \(shown) (valid options: \(declared.joined(separator: ", ")))")
            }
        }
        if !table.array.isEmpty {
            throw call.failure("options must be a table of named options (\(declared.joined(separator: ", "))), not a list")
        }
        return table
    }
}

extension LuaCall {
    /// An error naming the function in full; Lua puts the script's file and line in front of it.
    func failure(_ message: String) -> LuaScriptError {
        LuaScriptError("\(function): \(message)")
    }

    /// A boolean option: absent is `fallback`, anything but a boolean is an error.
    func flag(_ options: LuaTable?, _ key: String, default fallback: Bool = false) throws -> Bool {
        switch options?[key] ?? .nil {
        case .nil: return fallback
        case .boolean(let b): return b
        case let other: throw failure("option '\(key)' must be true or false (got a \(other.typeName))")
        }
    }

    /// A string option: absent is nil, anything but a string is an error.
    func text(_ options: LuaTable?, _ key: String) throws -> String? {
        switch options?[key] ?? .nil {
        case .nil: return nil
        case .string(let s): return s.string
        case let other: throw failure("option '\(key)' must be a string (got a \(other.typeName))")
        }
    }
}
