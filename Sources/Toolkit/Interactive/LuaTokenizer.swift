/// A Lua 5.4 tokenizer, for `toolkit check`: it only has to tell names, keywords and symbols from
/// the inside of strings, comments and numbers, so that nothing written in a string or a comment
/// is ever taken for code. It never fails: text Lua itself would refuse (an unfinished string) is
/// reported by Lua's own compiler, which `toolkit check` runs first.
struct LuaToken: Equatable {
    enum Kind: Equatable { case name, keyword, string, number, symbol }
    var kind: Kind
    /// The token as written (for strings, the quotes or brackets included).
    var text: String
    /// 1-based line of the token's first byte.
    var line: Int

    func isSymbol(_ s: String) -> Bool { kind == .symbol && text == s }
    func isKeyword(_ s: String) -> Bool { kind == .keyword && text == s }
}

enum LuaTokenizer {
    static let keywords: Set<String> = [
        "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
        "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
    ]

    /// Longest first, so that `...` is not read as `..` and `.`.
    private static let symbols: [[UInt8]] = ["...", "..", "==", "~=", "<=", ">=", "<<", ">>", "//", "::"].map { Array($0.utf8) }

    static func tokens(_ source: [UInt8]) -> [LuaToken] {
        var out: [LuaToken] = []
        var i = 0
        var line = 1
        let n = source.count
        func at(_ k: Int) -> UInt8 { k < n ? source[k] : 0 }
        func text(_ from: Int, _ to: Int) -> String { String(decoding: source[from..<min(to, n)], as: UTF8.self) }

        // A shebang line is skipped by Lua's loader.
        if at(0) == UInt8(ascii: "#") {
            while i < n && source[i] != 0x0A { i += 1 }
        }
        while i < n {
            let c = source[i]
            if c == 0x0A {
                line += 1
                i += 1
                continue
            }
            if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0B || c == 0x0C {
                i += 1
                continue
            }
            let start = i, startLine = line
            // Comments: `--[==[ ... ]==]` or to the end of the line.
            if c == UInt8(ascii: "-") && at(i + 1) == UInt8(ascii: "-") {
                i += 2
                if let level = longBracketLevel(source, i) {
                    i = skipLongBracket(source, i, level: level, line: &line)
                } else {
                    while i < n && source[i] != 0x0A { i += 1 }
                }
                continue
            }
            if c == UInt8(ascii: "[") , let level = longBracketLevel(source, i) {
                i = skipLongBracket(source, i, level: level, line: &line)
                out.append(LuaToken(kind: .string, text: text(start, i), line: startLine))
                continue
            }
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                i += 1
                while i < n && source[i] != c {
                    if source[i] == UInt8(ascii: "\\") {
                        i += 1
                        // `\z` skips the following white space, new lines included; `\` + newline continues.
                        if i < n && source[i] == 0x0A { line += 1 }
                        if i < n && source[i] == UInt8(ascii: "z") {
                            i += 1
                            while i < n && (source[i] == 0x20 || source[i] == 0x09 || source[i] == 0x0A || source[i] == 0x0D) {
                                if source[i] == 0x0A { line += 1 }
                                i += 1
                            }
                            continue
                        }
                    } else if source[i] == 0x0A {
                        break // unfinished string: Lua's compiler says so
                    }
                    i += 1
                }
                if i < n && source[i] == c { i += 1 }
                out.append(LuaToken(kind: .string, text: text(start, i), line: startLine))
                continue
            }
            if isDigit(c) || (c == UInt8(ascii: ".") && isDigit(at(i + 1))) {
                let hex = c == UInt8(ascii: "0") && (at(i + 1) | 0x20) == UInt8(ascii: "x")
                if hex { i += 2 }
                while i < n {
                    let d = source[i]
                    let exponent: Bool = hex ? (d | 0x20) == UInt8(ascii: "p") : (d | 0x20) == UInt8(ascii: "e")
                    if exponent && (at(i + 1) == UInt8(ascii: "+") || at(i + 1) == UInt8(ascii: "-")) {
                        i += 2
                    } else if isNameByte(d) || d == UInt8(ascii: ".") {
                        i += 1
                    } else {
                        break
                    }
                }
                out.append(LuaToken(kind: .number, text: text(start, i), line: startLine))
                continue
            }
            if isNameStart(c) {
                while i < n && isNameByte(source[i]) { i += 1 }
                let word = text(start, i)
                out.append(LuaToken(kind: keywords.contains(word) ? .keyword : .name, text: word, line: startLine))
                continue
            }
            if let symbol = symbols.first(where: { s in s.indices.allSatisfy { at(i + $0) == s[$0] } }) {
                i += symbol.count
            } else {
                i += 1
            }
            out.append(LuaToken(kind: .symbol, text: text(start, i), line: startLine))
        }
        return out
    }

    /// The level of a long bracket opening at `i` (`[[` is 0, `[==[` is 2), or nil.
    private static func longBracketLevel(_ s: [UInt8], _ i: Int) -> Int? {
        guard i < s.count, s[i] == UInt8(ascii: "[") else { return nil }
        var k = i + 1, level = 0
        while k < s.count && s[k] == UInt8(ascii: "=") {
            level += 1
            k += 1
        }
        return k < s.count && s[k] == UInt8(ascii: "[") ? level : nil
    }

    /// The index after the long bracket's close (or the end of the text), counting lines.
    private static func skipLongBracket(_ s: [UInt8], _ i: Int, level: Int, line: inout Int) -> Int {
        var k = i + level + 2
        while k < s.count {
            if s[k] == 0x0A { line += 1 }
            if s[k] == UInt8(ascii: "]") {
                var e = k + 1, count = 0
                while e < s.count && s[e] == UInt8(ascii: "=") {
                    count += 1
                    e += 1
                }
                if count == level && e < s.count && s[e] == UInt8(ascii: "]") { return e + 1 }
            }
            k += 1
        }
        return s.count
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    private static func isNameStart(_ c: UInt8) -> Bool {
        (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") || c == UInt8(ascii: "_")
    }
    private static func isNameByte(_ c: UInt8) -> Bool { isNameStart(c) || isDigit(c) }
}
