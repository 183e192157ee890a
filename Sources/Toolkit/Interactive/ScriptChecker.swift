import Foundation
import LuaBridge

/// One problem `toolkit check` found: `people.lua:12: unknown field 'titel' of an article (did you mean 'title'?)`.
public struct ScriptFinding: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(line): \(message)" }
}

/// Checks a script without running it: Lua's compiler for syntax errors, then the tokens for
/// `toolkit.*` names that are not declared and for article fields and methods that do not exist.
/// The names come from the API's declarations (`APIReference`, `ArticleFields`), so the check
/// knows exactly what a run installs. It only reports what it is sure of: a variable is an article
/// where the code says so (`for a in toolkit.articles()`, the `article` parameter of an extractor's
/// `extract` or a report's `article`), and stops being one wherever the script rebinds its name.
public enum ScriptChecker {
    /// Reads and checks one file; `path` is shown as given.
    public static func check(file path: String) throws -> [ScriptFinding] {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            let why = !exists ? "no such file" : isFolder.boolValue ? "it is a folder" : "it cannot be read"
            throw ToolkitError.usage("\(path): cannot read the script (\(why)); give the path of a .lua file")
        }
        return check(Array(data), name: path)
    }

    public static func check(_ source: [UInt8], name: String) -> [ScriptFinding] {
        if let syntax = syntaxError(source, name: name) { return [syntax] }
        var checker = NameChecker(tokens: LuaTokenizer.tokens(source), file: name)
        return checker.run()
    }

    /// Lua's own verdict, by compiling the chunk with `load` in a small sandboxed state (nothing runs).
    static func syntaxError(_ source: [UInt8], name: String) -> ScriptFinding? {
        do {
            let lua = try LuaState(limits: LuaLimits(memoryBytes: 512 << 20, instructions: 10_000_000, seconds: 30))
            defer { lua.close() }
            try lua.setGlobal("source", .string(LuaString(bytes: source)))
            try lua.setGlobal("name", LuaValue("@" + name))
            let result = try lua.run("local f, e = load(source, name, 't') return e", chunkName: "=check")
            guard let message = result.first?.stringValue else { return nil }
            return finding(fromLuaMessage: message, file: name)
        } catch {
            return ScriptFinding(file: name, line: 1, message: "cannot compile the script: \(error)")
        }
    }

    /// `people.lua:3: '=' expected near 'x'` -> a finding on line 3. Lua shortens long chunk names
    /// (`...ong/path.lua:3:`), so the file is taken from the caller and only the line from Lua.
    static func finding(fromLuaMessage message: String, file: String) -> ScriptFinding {
        var rest = Substring(message)
        if rest.hasPrefix(file + ":") {
            rest = rest.dropFirst(file.count + 1)
        } else if let colon = rest.firstIndex(of: ":") {
            // `...`-shortened names hold no colon of their own in practice; the line follows the first.
            rest = rest[rest.index(after: colon)...]
        }
        let digits = rest.prefix(while: \.isNumber)
        if let line = Int(digits), rest.dropFirst(digits.count).hasPrefix(": ") {
            return ScriptFinding(file: file, line: line, message: String(rest.dropFirst(digits.count + 2)))
        }
        return ScriptFinding(file: file, line: 1, message: message)
    }

    // MARK: Names the API declares

    /// Tables of the API (`toolkit`, `toolkit.re`...): a name below them must be declared.
    static var tables: Set<String> {
        var result: Set<String> = ["toolkit"]
        for name in APIReference.allNames {
            var parts = name.split(separator: ".").dropLast()
            while parts.count > 1 {
                result.insert(parts.joined(separator: "."))
                parts = parts.dropLast()
            }
        }
        return result
    }

    /// Every name a script may read off `toolkit`: the declared ones and their tables.
    static var names: Set<String> { tables.union(APIReference.allNames) }

    static var articleFields: [String] { ArticleFields.declaration.fields.map(\.name) }
    static var articleMethods: [String] { ArticleFields.declaration.methods.map(\.name) }

    /// The candidate nearest to `word` by edits (a swap of two neighbours counts as one), if it is
    /// near enough to be a likely typo.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(word, $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(1, min(3, word.count / 3)) ? best.0 : nil
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased().unicodeScalars), y = Array(b.lowercased().unicodeScalars)
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        var d = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[x.count][y.count]
    }
}

/// One pass over the tokens: block depth, the variables that hold articles, and every
/// `toolkit.a.b` chain and `article.field` / `article:method` read.
private struct NameChecker {
    let tokens: [LuaToken]
    let file: String
    var findings: [ScriptFinding] = []

    /// A name that holds an article from `depth` on, until the block that bound it ends.
    struct Binding {
        var name: String
        var depth: Int
        var active = true
    }
    var bindings: [Binding] = []
    var depth = 0
    /// The `do` of an article loop, and the loop variable it binds.
    var pendingLoops: [Int: String] = [:]
    /// Brace levels of `toolkit.extractor{` / `toolkit.report{` tables being read, and which.
    var registrations: [(level: Int, kind: String)] = []
    var braces = 0

    init(tokens: [LuaToken], file: String) {
        self.tokens = tokens
        self.file = file
    }

    func token(_ i: Int) -> LuaToken? { i >= 0 && i < tokens.count ? tokens[i] : nil }

    /// Whether the name at `i` is a variable, not a field (`x.a`, `x:a`) or a label.
    func isVariable(_ i: Int) -> Bool {
        guard tokens[i].kind == .name else { return false }
        guard let previous = token(i - 1) else { return true }
        return !(previous.isSymbol(".") || previous.isSymbol(":") || previous.isSymbol("::") || previous.isKeyword("goto"))
    }

    mutating func run() -> [ScriptFinding] {
        let names = ScriptChecker.names
        let tables = ScriptChecker.tables
        // A script that makes `toolkit` a name of its own, or adds to the table, is read as it says.
        var shadowed = false
        var added: Set<String> = []
        for i in tokens.indices where tokens[i].text == "toolkit" && isVariable(i) {
            if token(i - 1)?.isKeyword("local") == true || token(i - 1)?.isKeyword("function") == true { shadowed = true }
            if let chain = chain(at: i), let end = chain.end, token(end)?.isSymbol("=") == true {
                if chain.name == "toolkit" { shadowed = true } else { added.insert(chain.name) }
            }
        }

        for i in tokens.indices {
            let t = tokens[i]
            switch (t.kind, t.text) {
            case (.keyword, "function"):
                depth += 1
                bindParameters(function: i)
            case (.keyword, "do"):
                depth += 1
                if let name = pendingLoops.removeValue(forKey: i) {
                    unbind(name)
                    bindings.append(Binding(name: name, depth: depth))
                }
            case (.keyword, "if"), (.keyword, "repeat"):
                depth += 1
            case (.keyword, "end"), (.keyword, "until"):
                depth -= 1
                bindings.removeAll { $0.depth > depth }
            case (.keyword, "for"):
                readLoop(at: i)
            case (.keyword, "local"):
                var k = i + 1
                if token(k)?.isKeyword("function") == true { k += 1 }
                while let name = token(k), name.kind == .name {
                    unbind(name.text)
                    k += 1
                    if token(k)?.isSymbol("<") == true { k += 3 } // <const>, <close>
                    guard token(k)?.isSymbol(",") == true else { break }
                    k += 1
                }
            case (.symbol, "{"):
                braces += 1
            case (.symbol, "}"):
                braces -= 1
                registrations.removeAll { $0.level > braces }
            case (.name, _) where isVariable(i):
                if token(i + 1)?.isSymbol("=") == true { unbind(t.text) }
                if t.text == "toolkit" && !shadowed {
                    checkToolkit(at: i, names: names, tables: tables, added: added)
                } else if bindings.contains(where: { $0.name == t.text && $0.active }) {
                    checkArticleUse(at: i)
                }
            default:
                break
            }
        }
        return findings
    }

    /// `toolkit . a . b ...` starting at `i`: the dotted name and the index after it.
    func chain(at i: Int) -> (name: String, end: Int?)? {
        var name = tokens[i].text
        var k = i + 1
        while token(k)?.isSymbol(".") == true, let part = token(k + 1), part.kind == .name {
            name += "." + part.text
            k += 2
        }
        return (name, k < tokens.count ? k : nil)
    }

    mutating func checkToolkit(at i: Int, names: Set<String>, tables: Set<String>, added: Set<String>) {
        var path = "toolkit"
        var k = i + 1
        while tables.contains(path), token(k)?.isSymbol(".") == true, let part = token(k + 1), part.kind == .name {
            let candidate = path + "." + part.text
            if !names.contains(candidate) {
                if added.contains(candidate) { return }
                let siblings = names.filter { $0.hasPrefix(path + ".") && !$0.dropFirst(path.count + 1).contains(".") }
                    .map { String($0.dropFirst(path.count + 1)) }.sorted()
                let hint: String
                if let near = ScriptChecker.closest(to: part.text, in: siblings) {
                    hint = "did you mean \(path).\(near)?"
                } else if let elsewhere = names.sorted().first(where: { $0.hasSuffix("." + part.text) }) {
                    hint = "did you mean \(elsewhere)?"
                } else {
                    hint = "\(path) has " + siblings.joined(separator: ", ")
                }
                findings.append(ScriptFinding(file: file, line: part.line, message: "unknown name '\(candidate)' (\(hint))"))
                return
            }
            path = candidate
            k += 2
        }
        // `toolkit.extractor {` or `toolkit.report({`: its callbacks' article parameters are articles.
        if path == "toolkit.extractor" || path == "toolkit.report" {
            var open = k
            if token(open)?.isSymbol("(") == true { open += 1 }
            if token(open)?.isSymbol("{") == true { registrations.append((level: braces + 1, kind: path)) }
        }
    }

    mutating func checkArticleUse(at i: Int) {
        guard let separator = token(i + 1), let member = token(i + 2), member.kind == .name else { return }
        if separator.isSymbol(".") {
            let fields = ScriptChecker.articleFields
            guard !fields.contains(member.text) else { return }
            if let near = ScriptChecker.closest(to: member.text, in: fields) {
                report(member.line, "unknown field '\(member.text)' of an article (did you mean '\(near)'?)")
            } else if ScriptChecker.articleMethods.contains(member.text) {
                report(member.line, "'\(member.text)' is a method of an article: call it as \(tokens[i].text):\(member.text)(...)")
            } else {
                report(member.line, "unknown field '\(member.text)' of an article (an article has \(fields.joined(separator: ", ")))")
            }
        } else if separator.isSymbol(":") {
            let methods = ScriptChecker.articleMethods
            guard !methods.contains(member.text) else { return }
            let near = ScriptChecker.closest(to: member.text, in: methods)
            let hint = near.map { "did you mean '\($0)'?" } ?? "an article has \(methods.joined(separator: ", "))"
            report(member.line, "unknown method '\(member.text)' of an article (\(hint))")
        }
    }

    mutating func report(_ line: Int, _ message: String) {
        findings.append(ScriptFinding(file: file, line: line, message: message))
    }

    /// `for a[, b] in toolkit.articles() do`: `a` is an article inside the loop. Every other loop
    /// variable hides a binding of the same name.
    mutating func readLoop(at i: Int) {
        var k = i + 1
        var variables: [String] = []
        while let name = token(k), name.kind == .name {
            variables.append(name.text)
            k += 1
            guard token(k)?.isSymbol(",") == true else { break }
            k += 1
        }
        variables.forEach { unbind($0) }
        let pattern = ["in", "toolkit", ".", "articles", "(", ")", "do"]
        guard let first = variables.first, pattern.indices.allSatisfy({ token(k + $0)?.text == pattern[$0] }) else { return }
        pendingLoops[k + pattern.count - 1] = first
    }

    /// Parameters hide bindings of their names; inside `toolkit.extractor{ extract = function(article, emit)`
    /// and `toolkit.report{ article = function(state, article)`, the article parameter is one.
    mutating func bindParameters(function i: Int) {
        var k = i + 1
        while let t = token(k), !t.isSymbol("(") {
            guard t.kind == .name || t.isSymbol(".") || t.isSymbol(":") else { return }
            k += 1
        }
        k += 1
        var parameters: [String] = []
        while let t = token(k), !t.isSymbol(")") {
            if t.kind == .name { parameters.append(t.text) }
            k += 1
        }
        parameters.forEach { unbind($0) }
        guard let registration = registrations.last, registration.level == braces,
              token(i - 1)?.isSymbol("=") == true, let key = token(i - 2), key.kind == .name else { return }
        let position: Int
        switch (registration.kind, key.text) {
        case ("toolkit.extractor", "extract"): position = 0
        case ("toolkit.report", "article"): position = 1
        default: return
        }
        if position < parameters.count { bindings.append(Binding(name: parameters[position], depth: depth)) }
    }

    mutating func unbind(_ name: String) {
        for j in bindings.indices where bindings[j].name == name { bindings[j].active = false }
    }
}
