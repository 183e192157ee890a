import NewsKit

/// The closed sets a script's entity filters and emits are checked against, so a typo is an error
/// that lists what is valid instead of a filter that matches nothing.
enum EntityVocabulary {
    static let kinds = ["person", "org", "place", "date", "money", "percent", "quantity"]
    /// `text` for the lede and body, else the kind of block a mention was found in.
    static let sections = ["text"] + BlockKind.allCases.map(\.rawValue).filter { $0 != "paragraph" && $0 != "lede" }
    static let builtInExtractors = ["kb"] + Mention.ruleExtractors + ["date", "amount", "tagger"]

    /// An error naming the bad value and listing the valid ones.
    static func unknown(_ what: String, _ value: String, valid: [String], in function: String) -> LuaFilterError {
        LuaFilterError("\(function): unknown \(what) '\(value)' (valid: \(valid.joined(separator: ", ")))")
    }
}

/// A filter or emit that names something that does not exist.
struct LuaFilterError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
