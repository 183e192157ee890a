import Foundation
import LuaBridge

/// A column's type as a script names it, and what the table declares. Booleans are declared
/// BOOLEAN (readers such as pandas and Datasette show them as such) and stored as 0 and 1.
enum SQLiteColumnType: String, CaseIterable, Sendable {
    case integer, real, text, boolean

    var declared: String {
        switch self {
        case .integer: return "INTEGER"
        case .real: return "REAL"
        case .text: return "TEXT"
        case .boolean: return "BOOLEAN"
        }
    }

    /// The type a first value gives its column.
    static func of(_ value: OutputScalar) -> SQLiteColumnType {
        switch value {
        case .integer: return .integer
        case .number: return .real
        case .string: return .text
        case .boolean: return .boolean
        }
    }

    /// Whether a strict table takes the value as it is. Whole floats go into integer columns and
    /// integers into real ones: Lua's `n / 2` is a float, and SQLite's own STRICT tables agree.
    func accepts(_ value: OutputScalar) -> Bool {
        switch (self, value) {
        case (.integer, .integer), (.real, .integer), (.real, .number), (.text, .string), (.boolean, .boolean): return true
        case (.integer, .number(let d)): return d.rounded() == d && abs(d) < 9.2e18
        default: return false
        }
    }
}

/// What one table of a database gets from a script: the options of `toolkit.write.sqlite` and of
/// `toolkit.write.open(name, {format = "sqlite", ...})`, checked before any row is written.
struct SQLiteTableSpec: Sendable {
    var table: String
    /// The columns in order; nil: the keys of the first row, sorted (or the table's columns when
    /// an earlier call of the run wrote it).
    var columns: [String]?
    var types: [String: SQLiteColumnType] = [:]
    /// For a whole table given at once: the union of its records' keys, sorted, taken when neither
    /// `columns` nor an earlier call give the columns (so a field missing from the first row is no
    /// error), as the other whole-table writers do. Not an option.
    var keysOfAllRows: [String]?
    var primaryKey: [String]?
    /// Each index's columns, in order.
    var indexes: [[String]] = []
    /// A value whose kind differs from its column's type is an error instead of being stored as
    /// SQLite's column affinity converts it.
    var strict = false

    /// The option names this spec reads, for the declarations.
    static let optionNames = ["table", "columns", "types", "primary_key", "indexes", "strict"]

    init(table: String, columns: [String]? = nil, types: [String: SQLiteColumnType] = [:], primaryKey: [String]? = nil,
         indexes: [[String]] = [], strict: Bool = false) throws(OutputProblem)
    {
        self.table = table
        self.columns = columns
        self.types = types
        self.primaryKey = primaryKey
        self.indexes = indexes
        self.strict = strict
        try check()
    }

    /// Reads the options a script gave (keys other than the six above are left to the caller,
    /// which checks them against its declaration). `name` is the output name: its base name
    /// without the extension is the default table.
    init(options: LuaTable?, name: String) throws(OutputProblem) {
        func problem(_ option: String, _ message: String) -> OutputProblem {
            OutputProblem(message, place: "option '\(option)'")
        }
        func names(_ value: LuaValue, _ option: String) throws(OutputProblem) -> [String] {
            switch value {
            case .string(let s): return [s.string]
            case .table(let t) where t.fields.isEmpty && !t.array.isEmpty:
                var out: [String] = []
                for item in t.array {
                    guard let s = item.stringValue else { throw problem(option, "must be a column name or a list of column names (got a \(item.typeName) in the list)") }
                    out.append(s)
                }
                return out
            default: throw problem(option, "must be a column name or a list of column names (got a \(value.typeName))")
            }
        }
        let options = options ?? LuaTable(array: [])
        var table = SQLiteTableSpec.baseName(of: name)
        switch options["table"] {
        case .nil: break
        case .string(let s): table = s.string
        case let other: throw problem("table", "must be a string (got a \(other.typeName))")
        }
        var columns: [String]?
        switch options["columns"] {
        case .nil: break
        case .table(let t) where t.fields.isEmpty && t.array.allSatisfy({ $0.stringValue != nil }) && !t.array.isEmpty:
            columns = t.array.compactMap { $0.stringValue }
        case let other: throw problem("columns", "must be a list of column names (got a \(other.typeName == "table" ? "table that is not a list of strings" : other.typeName))")
        }
        var types: [String: SQLiteColumnType] = [:]
        switch options["types"] {
        case .nil: break
        case .table(let t) where t.array.isEmpty:
            for (key, value) in t.fields {
                guard let column = key.stringValue else { throw problem("types", "keys must be column names (got a \(key.typeName))") }
                guard let text = value.stringValue, let type = SQLiteColumnType(rawValue: text) else {
                    let got = value.stringValue.map { "'\($0)'" } ?? "a \(value.typeName)"
                    throw problem("types", "column '\(column)': the type must be one of \(SQLiteColumnType.allCases.map(\.rawValue).joined(separator: ", ")) (got \(got))")
                }
                types[column] = type
            }
        case let other: throw problem("types", "must be a table of column = type, like { id = \"integer\", title = \"text\" } (got a \(other.typeName == "table" ? "list" : other.typeName))")
        }
        var primaryKey: [String]?
        if !options["primary_key"].isNil { primaryKey = try names(options["primary_key"], "primary_key") }
        var indexes: [[String]] = []
        switch options["indexes"] {
        case .nil: break
        case .table(let t) where t.fields.isEmpty:
            for item in t.array { indexes.append(try names(item, "indexes")) }
        case let other: throw problem("indexes", "must be a list of column names or lists of column names, like { \"article_id\", { \"name\", \"kind\" } } (got a \(other.typeName))")
        }
        var strict = false
        switch options["strict"] {
        case .nil: break
        case .boolean(let b): strict = b
        case let other: throw problem("strict", "must be true or false (got a \(other.typeName))")
        }
        try self.init(table: table, columns: columns, types: types, primaryKey: primaryKey, indexes: indexes, strict: strict)
    }

    /// `tables/corpus.db` gives `corpus`.
    static func baseName(of name: String) -> String {
        let last = name.split(separator: "/").last.map(String.init) ?? name
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return last }
        return String(last[..<dot])
    }

    /// Names SQLite can hold, and options that name columns the table has.
    private func check() throws(OutputProblem) {
        try SQLiteTableSpec.checkName(table, what: "table")
        if let columns {
            for column in columns { try SQLiteTableSpec.checkName(column, what: "column") }
            if let twin = SQLiteTableSpec.firstDuplicate(columns) {
                throw OutputProblem("column '\(twin)' is given twice (SQLite's names ignore the case of A-Z)", place: "option 'columns'")
            }
        }
        let known = columns.map { Set($0) }
        func checkColumns(_ names: [String], _ option: String) throws(OutputProblem) {
            for name in names {
                try SQLiteTableSpec.checkName(name, what: "column")
                if let known, !known.contains(name) {
                    throw OutputProblem("'\(name)' is not among options.columns (\(columns!.joined(separator: ", ")))", place: "option '\(option)'")
                }
            }
        }
        try checkColumns(Array(types.keys).sorted(), "types")
        try checkColumns(primaryKey ?? [], "primary_key")
        for index in indexes { try checkColumns(index, "indexes") }
    }

    static func checkName(_ name: String, what: String) throws(OutputProblem) {
        if name.isEmpty { throw OutputProblem("a \(what) name cannot be empty") }
        if name.utf8.contains(0) { throw OutputProblem("the \(what) name '\(name.replacingOccurrences(of: "\0", with: "\\0"))' holds a NUL character, which SQLite names cannot") }
    }

    /// SQLite compares names ignoring the case of ASCII letters only.
    static func folded(_ name: String) -> String {
        String(decoding: name.utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    /// A name as SQL: always a quoted identifier, so any text (spaces, quotes, keywords, any
    /// script) is a name and never SQL.
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func firstDuplicate(_ names: [String]) -> String? {
        var seen = Set<String>()
        return names.first { !seen.insert(folded($0)).inserted }
    }
}
