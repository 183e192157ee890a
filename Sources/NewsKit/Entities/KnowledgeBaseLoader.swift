import Foundation

/// Reads knowledge-base files that plugins carry: `kb/*.jsonl` (one profile per line) and
/// `kb/*.tsv` (hand additions). Errors name file, line and field, and say what to do.
///
/// JSONL line:
///     {"id":"person/angela-merkel","kind":"person","name":"Angela Merkel",
///      "variants":[{"text":"Merkel","lang":"en","short":true}, ...],"attrs":{"country":"DE"}}
/// (a variant may also be a plain string; `script` is derived when absent; blank lines and lines
/// starting with # are skipped).
///
/// TSV line (# starts a comment line; columns 4 and 5 may be empty or missing):
///     id <TAB> kind <TAB> name <TAB> variants <TAB> attrs
/// variants: `lang:text|lang:text*|lang/adjective:text` (trailing * = short; `/form` sets the
/// form; an item without `lang:` has no language); attrs: `key=value;key=value`.
enum KnowledgeBaseLoader {
    static func profiles(inDirectory directory: URL) throws -> [EntityProfile] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw KnowledgeBaseError(path: directory.path, line: 0, field: nil,
                                     problem: "cannot list the knowledge-base folder (\(error.localizedDescription))",
                                     fix: "Check that the folder exists and is readable.")
        }
        let files = names.filter { $0.hasSuffix(".jsonl") || $0.hasSuffix(".tsv") }.sorted()
            .map { directory.appendingPathComponent($0) }
        return try profiles(inFiles: files)
    }

    static func profiles(inFiles files: [URL]) throws -> [EntityProfile] {
        var result: [EntityProfile] = []
        var kindOfID: [String: (kind: String, at: String)] = [:]
        for file in files {
            let data: Data
            do {
                data = try Data(contentsOf: file)
            } catch {
                throw KnowledgeBaseError(path: file.path, line: 0, field: nil,
                                         problem: "cannot read the file (\(error.localizedDescription))",
                                         fix: "Check that it exists and is readable.")
            }
            let parsed: [(EntityProfile, Int)]
            switch file.pathExtension.lowercased() {
            case "jsonl", "json": parsed = try parseJSONLines(data, path: file.path)
            case "tsv": parsed = try parseTSV(data, path: file.path)
            default:
                throw KnowledgeBaseError(path: file.path, line: 0, field: nil,
                                         problem: "unknown knowledge-base format '.\(file.pathExtension)'",
                                         fix: "Use .jsonl (one profile per line) or .tsv.")
            }
            for (profile, line) in parsed {
                let location = "\(file.lastPathComponent):\(line)"
                if let earlier = kindOfID[profile.id], earlier.kind != profile.kind {
                    throw KnowledgeBaseError(
                        path: file.path, line: line, field: "kind",
                        problem: "id '\(profile.id)' has kind '\(profile.kind)' here but '\(earlier.kind)' at \(earlier.at)",
                        fix: "Use one kind per id, or give one of them another id.")
                }
                kindOfID[profile.id] = kindOfID[profile.id] ?? (profile.kind, location)
                result.append(profile)
            }
        }
        return result
    }

    // MARK: JSONL

    static func parseJSONLines(_ data: Data, path: String) throws -> [(EntityProfile, Int)] {
        var result: [(EntityProfile, Int)] = []
        for (number, line) in try lines(of: data, path: path) {
            let trimmed = line.trimming(.whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let profile = try KnowledgeBaseJSONLine.profile(trimmed) ?? generalProfile(trimmed, path: path, line: number)
            result.append((profile, number))
        }
        return result
    }

    /// A line of any shape through `JSONSerialization`, with the loader's checks and messages.
    static func generalProfile(_ trimmed: String, path: String, line number: Int) throws -> EntityProfile {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(trimmed.utf8), options: [])
        } catch {
            throw KnowledgeBaseError(path: path, line: number, field: nil,
                                     problem: "not valid JSON (\(jsonErrorSummary(error)))",
                                     fix: "Write one complete JSON object per line, with double-quoted keys and strings.")
        }
        guard let fields = object as? [String: Any] else {
            throw KnowledgeBaseError(path: path, line: number, field: nil,
                                     problem: "expected a JSON object, found \(typeName(object))",
                                     fix: "Write each profile as {\"id\":...,\"kind\":...,\"name\":...,\"variants\":[...]}.")
        }
        return try profile(from: fields, path: path, line: number)
    }

    private static func profile(from fields: [String: Any], path: String, line: Int) throws -> EntityProfile {
        func fail(_ field: String, _ problem: String, _ fix: String) -> KnowledgeBaseError {
            KnowledgeBaseError(path: path, line: line, field: field, problem: problem, fix: fix)
        }
        func requiredString(_ key: String, _ fix: String) throws -> String {
            guard let raw = fields[key], !(raw is NSNull) else { throw fail(key, "missing", fix) }
            guard let value = raw as? String else {
                throw fail(key, "expected a string, found \(typeName(raw))", fix)
            }
            let trimmed = value.trimming(.whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw fail(key, "empty", fix) }
            return trimmed
        }
        let id = try requiredString("id", "Give a stable id such as \"person/vladimir-putin\".")
        let kind = try requiredString("kind", "Give the kind: person, org, place (or another kind your plugin defines).")
        let name = try requiredString("name", "Give the canonical English name.")

        var variants: [EntityVariant] = []
        if let raw = fields["variants"], !(raw is NSNull) {
            guard let items = raw as? [Any] else {
                throw fail("variants", "expected an array, found \(typeName(raw))",
                           "Write variants as [{\"text\":\"...\",\"lang\":\"..\"}, ...].")
            }
            for (index, item) in items.enumerated() {
                variants.append(try variant(from: item, field: "variants[\(index)]", fail: fail))
            }
        }

        var attrs: [String: String] = [:]
        if let raw = fields["attrs"], !(raw is NSNull) {
            guard let object = raw as? [String: Any] else {
                throw fail("attrs", "expected an object, found \(typeName(raw))",
                           "Write attributes as {\"country\":\"RU\",\"role\":\"...\"}.")
            }
            for (key, value) in object {
                switch value {
                case let text as String: attrs[key] = text
                case let number as NSNumber where !isJSONBoolean(value):
                    attrs[key] = number.stringValue
                case is NSNull: continue
                default:
                    throw fail("attrs.\(key)", "expected a string, found \(typeName(value))",
                               "Attribute values are strings; join lists with commas.")
                }
            }
        }
        return EntityProfile(id: id, kind: kind, name: name, variants: variants, attrs: attrs)
    }

    private static func variant(from item: Any, field: String,
                                fail: (String, String, String) -> KnowledgeBaseError) throws -> EntityVariant {
        if let text = item as? String {
            guard !text.trimming(.whitespaces).isEmpty else {
                throw fail(field, "empty spelling", "Remove it or write the name.")
            }
            return EntityVariant(text: text)
        }
        guard let object = item as? [String: Any] else {
            throw fail(field, "expected an object or a string, found \(typeName(item))",
                       "Write {\"text\":\"...\",\"lang\":\"..\"}.")
        }
        guard let rawText = object["text"] else {
            throw fail("\(field).text", "missing", "Every variant needs its spelling in \"text\".")
        }
        guard let text = rawText as? String else {
            throw fail("\(field).text", "expected a string, found \(typeName(rawText))", "Write the spelling as a JSON string.")
        }
        guard !text.trimming(.whitespaces).isEmpty else {
            throw fail("\(field).text", "empty spelling", "Remove the variant or write the name.")
        }
        func optionalString(_ key: String, _ fix: String) throws -> String? {
            guard let raw = object[key], !(raw is NSNull) else { return nil }
            guard let value = raw as? String else {
                throw fail("\(field).\(key)", "expected a string, found \(typeName(raw))", fix)
            }
            return value.isEmpty ? nil : value
        }
        let lang = try optionalString("lang", "Use an ISO 639-1 code such as \"ar\", \"fa\", \"sw\".")
        let script = try optionalString("script", "Use an ISO 15924 code such as \"Arab\", or leave it out.")
        let form = try optionalString("form", "Use \"adjective\" or \"demonym\", or leave it out.")
        var short = false
        if let raw = object["short"], !(raw is NSNull) {
            guard let number = raw as? NSNumber, isJSONBoolean(raw) else {
                throw fail("\(field).short", "expected true or false, found \(typeName(raw))",
                           "Write \"short\": true for an alias that is ambiguous alone, or leave it out.")
            }
            short = number.boolValue
        }
        return EntityVariant(text: text, lang: lang, script: script, short: short, form: form)
    }

    private static func typeName(_ value: Any) -> String {
        switch value {
        case is String: return "a string"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        case is NSNull: return "null"
        case let number as NSNumber:
            return isJSONBoolean(value) ? "a boolean (\(number.boolValue))" : "a number (\(number))"
        default: return "\(type(of: value))"
        }
    }

    /// JSONSerialization gives booleans and numbers as NSNumber; only the class tells them apart.
    private static func isJSONBoolean(_ value: Any) -> Bool {
        String(describing: type(of: value)).contains("Boolean")
    }

    private static func jsonErrorSummary(_ error: Error) -> String {
        let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        return description ?? error.localizedDescription
    }

    // MARK: TSV

    static func parseTSV(_ data: Data, path: String) throws -> [(EntityProfile, Int)] {
        var result: [(EntityProfile, Int)] = []
        for (number, line) in try lines(of: data, path: path) {
            if line.trimming(.whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let columns = line.components(separatedBy: "\t")
            func fail(_ field: String?, _ problem: String, _ fix: String) -> KnowledgeBaseError {
                KnowledgeBaseError(path: path, line: number, field: field, problem: problem, fix: fix)
            }
            guard columns.count >= 3 else {
                throw fail(nil, "expected at least 3 tab-separated columns (id, kind, name), found \(columns.count)",
                           "Separate columns with a TAB character, not spaces: id<TAB>kind<TAB>name<TAB>variants<TAB>attrs.")
            }
            guard columns.count <= 5 else {
                throw fail(nil, "expected at most 5 columns, found \(columns.count)",
                           "Columns are id, kind, name, variants, attrs; a TAB inside a value is not allowed.")
            }
            let names = ["id (column 1)", "kind (column 2)", "name (column 3)"]
            let required = columns.prefix(3).map { $0.trimming(.whitespaces) }
            for (index, value) in required.enumerated() where value.isEmpty {
                throw fail(names[index], "empty", "Fill in the \(names[index].components(separatedBy: " ").first!).")
            }
            var variants: [EntityVariant] = []
            if columns.count > 3 {
                let items = columns[3].components(separatedBy: "|")
                for (index, rawItem) in items.enumerated() {
                    let item = rawItem.trimming(.whitespaces)
                    if item.isEmpty { continue }
                    guard let variant = parseTSVVariant(item) else {
                        throw fail("variants (column 4) item \(index + 1)", "'\(rawItem)' has no spelling",
                                   "Write lang:text, e.g. ar:بوتين, or ar:بوتين* for a short alias.")
                    }
                    variants.append(variant)
                }
            }
            var attrs: [String: String] = [:]
            if columns.count > 4 {
                for rawPair in columns[4].components(separatedBy: ";") {
                    let pair = rawPair.trimming(.whitespaces)
                    if pair.isEmpty { continue }
                    guard let equals = pair.firstIndex(of: "="),
                          !pair[..<equals].trimming(.whitespaces).isEmpty else {
                        throw fail("attrs (column 5)", "'\(pair)' is not key=value",
                                   "Write attributes as key=value;key=value, e.g. country=RU;role=head_of_state.")
                    }
                    let key = pair[..<equals].trimming(.whitespaces)
                    attrs[key] = pair[pair.index(after: equals)...].trimming(.whitespaces)
                }
            }
            result.append((EntityProfile(id: required[0], kind: required[1], name: required[2],
                                         variants: variants, attrs: attrs), number))
        }
        return result
    }

    /// `lang:text`, `lang:text*`, `lang/form:text`, or a bare `text`.
    private static func parseTSVVariant(_ item: String) -> EntityVariant? {
        var body = Substring(item)
        var short = false
        if body.hasSuffix("*") {
            short = true
            body = body.dropLast()
        }
        var lang: String? = nil
        var form: String? = nil
        if let colon = body.firstIndex(of: ":") {
            let head = body[..<colon]
            let parts = head.split(separator: "/", maxSplits: 1).map(String.init)
            if let code = parts.first, isLanguageCode(code) {
                lang = code
                form = parts.count > 1 ? parts[1] : nil
                body = body[body.index(after: colon)...]
            }
        }
        let text = body.trimming(.whitespaces)
        guard !text.isEmpty else { return nil }
        return EntityVariant(text: text, lang: lang, short: short, form: form)
    }

    private static func isLanguageCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count),
              first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    // MARK: Lines

    private static func lines(of data: Data, path: String) throws -> [(Int, String)] {
        var result: [(Int, String)] = []
        let bytes = [UInt8](data)
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var number = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            number += 1
            var lineEnd = end
            if lineEnd > start && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            guard let line = String(validating: bytes[start..<lineEnd], as: UTF8.self) else {
                throw KnowledgeBaseError(path: path, line: number, field: nil, problem: "not valid UTF-8",
                                         fix: "Save the file as UTF-8.")
            }
            result.append((number, line))
            start = end + 1
        }
        return result
    }
}
