import LuaBridge

/// The columns of a table written row by row, and each row's cells in their order. Columns are
/// given, or else the first row sets them: a record's keys, sorted (a whole table given at once
/// passes the union of its records' keys instead, see `union(of:)`); a list sets none, and later
/// rows must be lists too. A row of another shape, or a record with a key outside the columns, is a
/// problem naming the row and the field: a stream cannot add a column after its header is out.
/// Columns the script gave select: keys outside them are left out, as a chosen set of columns means.
struct RowColumns {
    private(set) var names: [String]?
    private var index: [String: Int] = [:]
    private var sawFirst = false
    private var recordRows = false
    private let chosen: Bool

    init(_ names: [String]? = nil) {
        chosen = names != nil
        if let names { set(names) }
    }

    private mutating func set(_ names: [String]) {
        self.names = names
        index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The union of the records' keys, sorted; nil when the rows are lists (as the first row says).
    static func union(of rows: [LuaValue]) -> [String]? {
        guard case .table(let first)? = rows.first, !first.fields.isEmpty else { return nil }
        var seen = Set<String>()
        for row in rows {
            guard case .table(let t) = row else { continue }
            for (key, _) in t.fields { if let name = key.stringValue { seen.insert(name) } }
        }
        return seen.isEmpty ? nil : seen.sorted()
    }

    /// The cells of a row, in column order (nil where a record has no value).
    mutating func cells(of row: LuaValue, number: Int) throws(OutputProblem) -> [LuaValue] {
        guard case .table(let table) = row else {
            throw .row(number, "it is a \(row.typeName); rows are tables: lists ({\"Putin\", 3}) or records ({name = \"Putin\", count = 3})")
        }
        if !table.array.isEmpty && !table.fields.isEmpty {
            throw .row(number, "it mixes list items and named fields; a row is either a list or a record")
        }
        let isRecord = !table.fields.isEmpty
        if !sawFirst {
            sawFirst = true
            recordRows = isRecord
            if names == nil && isRecord {
                set(table.fields.compactMap { $0.key.stringValue }.sorted())
            }
        } else if isRecord != recordRows && !table.isEmpty {
            throw .row(number, "it is a \(isRecord ? "record" : "list") but row 1 was a \(recordRows ? "record" : "list"); all rows must have one shape")
        }
        guard isRecord else {
            if let names, table.array.count > names.count {
                throw .row(number, "it has \(table.array.count) cells but there are \(names.count) columns (\(names.joined(separator: ", ")))")
            }
            return table.array
        }
        guard let names else { return [] }
        var cells = [LuaValue](repeating: .nil, count: names.count)
        for (key, value) in table.fields {
            guard let name = key.stringValue else {
                throw .row(number, "it has a key of type \(key.typeName); record keys are strings")
            }
            guard let position = index[name] else {
                if chosen { continue }
                throw .row(number, field: name, "not one of the columns (\(names.joined(separator: ", "))); give options.columns to set them")
            }
            cells[position] = value
        }
        return cells
    }

    /// The scalars of a row's cells (nil for empty), each problem naming its field.
    func scalars(_ cells: [LuaValue], number: Int) throws(OutputProblem) -> [OutputScalar?] {
        var out: [OutputScalar?] = []
        out.reserveCapacity(cells.count)
        for (i, cell) in cells.enumerated() {
            out.append(try OutputScalar.from(cell, place: "row \(number)", field: names.map { i < $0.count ? $0[i] : "\(i + 1)" } ?? "\(i + 1)"))
        }
        return out
    }
}
