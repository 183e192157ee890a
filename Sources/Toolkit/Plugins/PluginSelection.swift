/// A `--plugins` expression: names and categories (with `*` wildcards) joined by `and`, `or` (or a
/// comma), `not` and parentheses, as Nmap selects scripts (`"default and not experimental"`). A
/// word stands for the plugins whose name or one of whose categories it matches; a word that
/// matches nothing known is an error listing what is known, so a typo never selects nothing silently.
public indirect enum PluginSelection: Sendable, CustomStringConvertible {
    case word(String)
    case not(PluginSelection)
    case and(PluginSelection, PluginSelection)
    case or(PluginSelection, PluginSelection)

    static let keywords: Set<String> = ["and", "or", "not"]

    public init(parsing text: String) throws {
        var parser = Parser(text: text)
        self = try parser.parseWhole()
    }

    /// Whether a plugin of this name and these categories is selected.
    public func matches(name: String, categories: [String]) -> Bool {
        switch self {
        case .word(let pattern): return ([name] + categories).contains { Self.wildcard(pattern, matches: $0) }
        case .not(let inner): return !inner.matches(name: name, categories: categories)
        case .and(let a, let b): return a.matches(name: name, categories: categories) && b.matches(name: name, categories: categories)
        case .or(let a, let b): return a.matches(name: name, categories: categories) || b.matches(name: name, categories: categories)
        }
    }

    /// The words that match no known name or category.
    public func unknownWords(known: Set<String>) -> [String] {
        switch self {
        case .word(let pattern): return known.contains { Self.wildcard(pattern, matches: $0) } ? [] : [pattern]
        case .not(let inner): return inner.unknownWords(known: known)
        case .and(let a, let b), .or(let a, let b): return a.unknownWords(known: known) + b.unknownWords(known: known)
        }
    }

    public var description: String {
        switch self {
        case .word(let w): return w
        case .not(let inner): return "not \(inner.parenthesised)"
        case .and(let a, let b): return "\(a.parenthesised) and \(b.parenthesised)"
        case .or(let a, let b): return "\(a.parenthesised) or \(b.parenthesised)"
        }
    }

    private var parenthesised: String {
        switch self {
        case .word, .not: return description
        default: return "(\(description))"
        }
    }

    /// `*` stands for any run of characters, anything else for itself.
    static func wildcard(_ pattern: String, matches text: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return pattern == text }
        var rest = Substring(text)
        guard rest.hasPrefix(parts[0]) else { return false }
        rest = rest.dropFirst(parts[0].count)
        for part in parts.dropFirst().dropLast() {
            guard !part.isEmpty else { continue }
            guard let found = rest.range(of: part) else { return false }
            rest = rest[found.upperBound...]
        }
        return rest.hasSuffix(parts.last!)
    }

    /// or-expression := and-expression ("or" and-expression)*; and := unary ("and" unary)*;
    /// unary := "not" unary | "(" or ")" | word.
    private struct Parser {
        let text: String
        var tokens: [(String, Int)] = []
        var at = 0

        init(text: String) {
            self.text = text
            var current = "", start = 0
            for (offset, c) in text.enumerated() {
                if c == " " || c == "\t" || c == "(" || c == ")" || c == "," {
                    if !current.isEmpty { tokens.append((current, start)) }
                    current = ""
                    if c != " " && c != "\t" { tokens.append((c == "," ? "or" : String(c), offset)) }
                } else {
                    if current.isEmpty { start = offset }
                    current.append(c)
                }
            }
            if !current.isEmpty { tokens.append((current, start)) }
        }

        func failure(_ what: String) -> ToolkitError {
            let place = at < tokens.count ? "at '\(tokens[at].0)' (character \(tokens[at].1 + 1))" : "at the end"
            return .usage("--plugins \"\(text)\": \(what) \(place); write names and categories joined by and, or, not and parentheses, like \"default and not experimental\"")
        }

        mutating func parseWhole() throws -> PluginSelection {
            guard !tokens.isEmpty else { throw failure("empty expression") }
            let result = try parseOr()
            if at < tokens.count { throw failure("unexpected '\(tokens[at].0)'") }
            return result
        }

        mutating func parseOr() throws -> PluginSelection {
            var left = try parseAnd()
            while at < tokens.count, tokens[at].0 == "or" {
                at += 1
                left = .or(left, try parseAnd())
            }
            return left
        }

        mutating func parseAnd() throws -> PluginSelection {
            var left = try parseUnary()
            while at < tokens.count, tokens[at].0 == "and" {
                at += 1
                left = .and(left, try parseUnary())
            }
            return left
        }

        mutating func parseUnary() throws -> PluginSelection {
            guard at < tokens.count else { throw failure("expected a name, a category, 'not' or '('") }
            let token = tokens[at].0
            switch token {
            case "not":
                at += 1
                return .not(try parseUnary())
            case "(":
                at += 1
                let inner = try parseOr()
                guard at < tokens.count, tokens[at].0 == ")" else { throw failure("expected ')'") }
                at += 1
                return inner
            case ")", "and", "or": throw failure("expected a name, a category, 'not' or '('")
            default:
                guard token.allSatisfy({ $0.isLetter || $0.isNumber || "-_*.".contains($0) }) else {
                    throw failure("'\(token)' is not a name or category")
                }
                at += 1
                return .word(token)
            }
        }
    }
}
