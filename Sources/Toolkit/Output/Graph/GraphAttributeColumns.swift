/// The attributes of a graph's nodes (or edges) as a file format declares them: one column per
/// name, with one type for all values under it.
///
/// Lua 5.4 keeps `3` and `3.0` apart, but a count that was once divided is still a count, so
/// integers and floats under one name make a `double` column; any other mix (a number here, a
/// string there) makes a `string` column, where every value is written as text. Integers that fit
/// in 32 bits make an `integer` column, larger ones a `long` column, as GEXF and GraphML both keep
/// the two apart.
struct GraphAttributeColumns {
    enum Kind: Equatable {
        case integer, long, double, boolean, string
    }

    struct Column {
        var name: String
        var kind: Kind
    }

    /// Sorted by name, so files come out the same whatever order the script built its tables in.
    private(set) var columns: [Column] = []
    private var index: [String: Int] = [:]

    init(_ attributeLists: some Sequence<[(name: String, value: OutputScalar)]>) {
        var kinds: [String: Kind] = [:]
        for attributes in attributeLists {
            for (name, value) in attributes {
                let kind = GraphAttributeColumns.kind(of: value)
                kinds[name] = kinds[name].map { GraphAttributeColumns.widen($0, kind) } ?? kind
            }
        }
        columns = kinds.map { Column(name: $0.key, kind: $0.value) }.sorted { $0.name < $1.name }
        for (position, column) in columns.enumerated() { index[column.name] = position }
    }

    /// The column's position for an attribute name (every name of the lists given has one).
    func position(of name: String) -> Int { index[name]! }

    private static func kind(of value: OutputScalar) -> Kind {
        switch value {
        case .integer(let i): return Int64(Int32.min)...Int64(Int32.max) ~= i ? .integer : .long
        case .number: return .double
        case .boolean: return .boolean
        case .string: return .string
        }
    }

    private static func widen(_ a: Kind, _ b: Kind) -> Kind {
        if a == b { return a }
        switch (a, b) {
        case (.integer, .long), (.long, .integer): return .long
        case (.integer, .double), (.double, .integer), (.long, .double), (.double, .long): return .double
        default: return .string
        }
    }
}
