/// A knowledge-base JSON line of the shape the bundled files are written in, read straight from
/// its bytes: id, kind and name strings, variants as strings or objects (text, lang, script, form,
/// short), attrs with string values. `JSONSerialization` and the casts out of `Any` cost about a
/// thousand instructions per byte, and the bundled world knowledge base is a megabyte read by every
/// process that links entities. Anything else (null, numbers, other keys, a key twice, escapes
/// `FlatJSONObject` refuses, a value the loader refuses) gives nil, and the line is read by the
/// general path, which also says what is wrong with it. Strings are read by `FlatJSONObject`'s
/// scanner, which reads them as `JSONSerialization` does.
enum KnowledgeBaseJSONLine {
    static func profile(_ line: String) -> EntityProfile? {
        var line = line
        return line.withUTF8 { bytes in
            var parser = Parser(bytes: bytes)
            return parser.profile()
        }
    }

    private struct Parser {
        var scanner: FlatJSONObject.Scanner

        init(bytes: UnsafeBufferPointer<UInt8>) { scanner = FlatJSONObject.Scanner(bytes: bytes) }

        var bytes: UnsafeBufferPointer<UInt8> { scanner.bytes }
        var at: Int { scanner.i }
        mutating func take(_ byte: UInt8) -> Bool { scanner.take(byte) }
        mutating func skipSpace() { scanner.skipSpace() }
        mutating func string() -> String? { scanner.string() }

        mutating func profile() -> EntityProfile? {
            var id: String?, kind: String?, name: String?
            var variants: [EntityVariant]?, attrs: [String: String]?
            skipSpace()
            let read = members { p, key in
                switch key {
                case "id": guard id == nil, let s = p.string() else { return false }; id = s
                case "kind": guard kind == nil, let s = p.string() else { return false }; kind = s
                case "name": guard name == nil, let s = p.string() else { return false }; name = s
                case "variants": guard variants == nil, let v = p.variantList() else { return false }; variants = v
                case "attrs": guard attrs == nil, let a = p.stringValues() else { return false }; attrs = a
                default: return false
                }
                return true
            }
            skipSpace()
            guard read, at == bytes.count, let id = required(id), let kind = required(kind), let name = required(name)
            else { return nil }
            return EntityProfile(id: id, kind: kind, name: name, variants: variants ?? [], attrs: attrs ?? [:])
        }

        /// The loader's reading of a required string: trimmed, not empty.
        func required(_ value: String?) -> String? {
            guard let trimmed = value?.trimming(.whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
            return trimmed
        }

        mutating func variantList() -> [EntityVariant]? {
            guard take(0x5B) else { return nil }
            var list: [EntityVariant] = []
            skipSpace()
            if take(0x5D) { return list }
            while true {
                skipSpace()
                guard at < bytes.count else { return nil }
                if bytes[at] == 0x22 {
                    guard let text = string(), !text.trimming(.whitespaces).isEmpty else { return nil }
                    list.append(EntityVariant(text: text))
                } else {
                    guard let variant = variantObject() else { return nil }
                    list.append(variant)
                }
                skipSpace()
                if take(0x2C) { continue }
                return take(0x5D) ? list : nil
            }
        }

        mutating func variantObject() -> EntityVariant? {
            var text: String?, lang: String?, script: String?, form: String?, short: Bool?
            let read = members { p, key in
                switch key {
                case "text": guard text == nil, let s = p.string() else { return false }; text = s
                case "lang": guard lang == nil, let s = p.string() else { return false }; lang = s
                case "script": guard script == nil, let s = p.string() else { return false }; script = s
                case "form": guard form == nil, let s = p.string() else { return false }; form = s
                case "short": guard short == nil, let b = p.boolean() else { return false }; short = b
                default: return false
                }
                return true
            }
            guard read, let text, !text.trimming(.whitespaces).isEmpty else { return nil }
            // The loader reads an empty optional string as absent.
            func optional(_ s: String?) -> String? { s.flatMap { $0.isEmpty ? nil : $0 } }
            return EntityVariant(text: text, lang: optional(lang), script: optional(script), short: short ?? false,
                                 form: optional(form))
        }

        mutating func stringValues() -> [String: String]? {
            var values: [String: String] = [:]
            let read = members { p, key in
                guard values[key] == nil, let s = p.string() else { return false }
                values[key] = s
                return true
            }
            return read ? values : nil
        }

        /// Reads `{ "key": value, ... }`, `value` reading each member's value after its colon;
        /// false on anything else.
        mutating func members(_ value: (inout Parser, String) -> Bool) -> Bool {
            guard take(0x7B) else { return false }
            var first = true
            while true {
                switch nextKey(first) {
                case .bad: return false
                case .end: return true
                case .key(let key):
                    first = false
                    guard value(&self, key) else { return false }
                }
            }
        }

        enum Step { case key(String), end, bad }

        /// Inside an object (after its `{`): the next key, read with its colon, or its end.
        mutating func nextKey(_ first: Bool) -> Step {
            skipSpace()
            if take(0x7D) { return .end }
            if !first {
                guard take(0x2C) else { return .bad }
                skipSpace()
            }
            guard let key = string() else { return .bad }
            skipSpace()
            guard take(0x3A) else { return .bad }
            skipSpace()
            return .key(key)
        }

        mutating func boolean() -> Bool? {
            if matches("true") { return true }
            if matches("false") { return false }
            return nil
        }

        mutating func matches(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard at + n <= bytes.count else { return false }
            for k in 0..<n where bytes[at + k] != word.utf8Start[k] { return false }
            scanner.i += n
            return true
        }
    }
}
