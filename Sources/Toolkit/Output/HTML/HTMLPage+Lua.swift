import LuaBridge

/// The page a script gave, checked: an unknown key is an error listing the valid ones (a typo
/// never passes as nothing), and every problem names the section and the field
/// (`section 3, field 'data': item 4, field 'value': ...`).
extension HTMLPage {
    static let pageKeys = ["title", "notes", "sections"]
    static let sectionKeys: [String: [String]] = [
        "text": ["kind", "title", "notes", "text"],
        "table": ["kind", "title", "notes", "rows", "columns", "limit"],
        "bar": ["kind", "title", "notes", "data", "limit"],
        "timeline": ["kind", "title", "notes", "dates", "data", "by"],
        "network": ["kind", "title", "notes", "graph", "size", "color", "limit"],
    ]
    static let kinds = ["text", "table", "bar", "timeline", "network"]

    public init(lua value: LuaValue) throws(OutputProblem) {
        guard case .table(let page) = value else {
            throw OutputProblem("the page must be a table { title = ..., notes = ..., sections = {...} }, not a \(value.typeName)")
        }
        try HTMLPage.checkKeys(page, HTMLPage.pageKeys, what: "page key", place: nil)
        guard let title = try HTMLPage.text(page["title"], place: nil, field: "title"), !title.isEmpty else {
            throw OutputProblem("missing; the page needs a title", field: "title")
        }
        self.title = title
        notes = try HTMLPage.text(page["notes"], place: nil, field: "notes")
        let list = try HTMLPage.list(page["sections"], place: nil, field: "sections")
        sections = []
        for (index, item) in list.enumerated() {
            sections.append(try HTMLPage.section(item, place: "section \(index + 1)"))
        }
    }

    private static func section(_ value: LuaValue, place: String) throws(OutputProblem) -> Section {
        guard case .table(let table) = value else {
            throw OutputProblem("a section is a table { kind = \"bar\", ... }, not a \(value.typeName)", place: place)
        }
        guard let kind = try text(table["kind"], place: place, field: "kind") else {
            throw OutputProblem("missing; one of \(kinds.joined(separator: ", "))", place: place, field: "kind")
        }
        guard let keys = sectionKeys[kind] else {
            throw OutputProblem("'\(kind)' is not a kind of section; one of \(kinds.joined(separator: ", "))", place: place, field: "kind")
        }
        try checkKeys(table, keys, what: "key for a \(kind) section", place: place)
        let title = try text(table["title"], place: place, field: "title")
        let notes = try text(table["notes"], place: place, field: "notes")
        let content: Content
        switch kind {
        case "text":
            guard let body = try text(table["text"], place: place, field: "text") else {
                throw OutputProblem("missing; a text section needs its text", place: place, field: "text")
            }
            content = .text(body)
        case "table": content = .table(try self.table(table, place: place))
        case "bar": content = .bar(try bars(table, place: place))
        case "timeline": content = .timeline(try timeline(table, place: place))
        default: content = .network(try network(table, place: place))
        }
        return Section(title: title, notes: notes, content: content)
    }

    private static func table(_ section: LuaTable, place: String) throws(OutputProblem) -> Table {
        guard !section["rows"].isNil else {
            throw OutputProblem("missing; a table section needs its rows (lists or records)", place: place, field: "rows")
        }
        let rows = try list(section["rows"], place: place, field: "rows")
        var columns: [String]?
        if !section["columns"].isNil {
            let names = try list(section["columns"], place: place, field: "columns")
            columns = []
            for (i, name) in names.enumerated() {
                guard let column = name.stringValue else {
                    throw OutputProblem("item \(i + 1) is a \(name.typeName); columns are names (strings)", place: place, field: "columns")
                }
                columns!.append(column)
            }
        }
        let limit = try self.limit(section, place: place, fallback: Caps.tableRows, maximum: Caps.tableRowsMaximum)
        var records: [LuaTable] = []
        var recordsGiven: Bool?
        for (i, row) in rows.enumerated() {
            guard case .table(let t) = row else {
                throw OutputProblem("row \(i + 1) is a \(row.typeName); rows are lists or records", place: place, field: "rows")
            }
            let isRecord = !t.fields.isEmpty
            if !t.isEmpty, let earlier = recordsGiven, earlier != isRecord {
                throw OutputProblem("row \(i + 1) is a \(isRecord ? "record" : "list") but the rows before it are \(earlier ? "records" : "lists"); give one or the other",
                                    place: place, field: "rows")
            }
            if !t.isEmpty { recordsGiven = isRecord }
            if isRecord && !t.array.isEmpty {
                throw OutputProblem("row \(i + 1) mixes list items and named fields", place: place, field: "rows")
            }
            records.append(t)
        }
        if recordsGiven == true && columns == nil {
            var seen = Set<String>()
            var names: [String] = []
            for record in records {
                for (key, _) in record.fields {
                    guard let name = key.stringValue else {
                        throw OutputProblem("a row has a key of type \(key.typeName); record keys are names (strings)", place: place, field: "rows")
                    }
                    if seen.insert(name).inserted { names.append(name) }
                }
            }
            columns = names.sorted()
        }
        var kept: [[OutputScalar?]] = []
        for (i, record) in records.enumerated() {
            let cells: [LuaValue] = recordsGiven == true ? columns!.map { record[$0] } : record.array
            var row: [OutputScalar?] = []
            for (c, cell) in cells.enumerated() {
                let column = recordsGiven == true ? columns![c] : String(c + 1)
                do {
                    row.append(try OutputScalar.from(cell, place: "row \(i + 1)", field: column))
                } catch {
                    throw OutputProblem(error.description, place: place, field: "rows")
                }
            }
            if i < limit { kept.append(row) }
        }
        return Table(columns: columns, rows: kept, total: records.count, limit: limit)
    }

    private static func bars(_ section: LuaTable, place: String) throws(OutputProblem) -> Bars {
        guard !section["data"].isNil else {
            throw OutputProblem("missing; a bar section needs data = { { label = ..., value = ... }, ... }", place: place, field: "data")
        }
        let items = try list(section["data"], place: place, field: "data")
        var bars: [Bar] = []
        for (i, item) in items.enumerated() {
            let record = try self.record(item, place: place, field: "data", number: i + 1, keys: ["label", "value"])
            let label: String
            switch record["label"] {
            case .string(let s): label = s.string
            case .integer, .number: label = try OutputScalar.from(record["label"])?.text ?? ""
            case let other:
                throw OutputProblem("item \(i + 1), field 'label': \(other.isNil ? "missing" : "must be a string, not a \(other.typeName)")",
                                    place: place, field: "data")
            }
            bars.append(Bar(label: label, value: try amount(record["value"], place: place, field: "data", item: i + 1, name: "value")))
        }
        return Bars(bars: bars, limit: try limit(section, place: place, fallback: Caps.bars, maximum: Caps.barsMaximum))
    }

    private static func timeline(_ section: LuaTable, place: String) throws(OutputProblem) -> Timeline {
        var points: [TimelineBuckets.Point] = []
        let field: String
        switch (section["dates"].isNil, section["data"].isNil) {
        case (false, false):
            throw OutputProblem("give either dates (one count each) or data (a value per date), not both", place: place, field: "data")
        case (true, true):
            throw OutputProblem("missing; a timeline needs dates = { \"2024-07-03\", ... } or data = { { date = ..., value = ... }, ... }", place: place, field: "dates")
        case (false, true):
            field = "dates"
            for (i, item) in try list(section["dates"], place: place, field: field).enumerated() {
                points.append(TimelineBuckets.Point(when: try date(item, place: place, field: field, item: i + 1)))
            }
        case (true, false):
            field = "data"
            for (i, item) in try list(section["data"], place: place, field: field).enumerated() {
                let record = try self.record(item, place: place, field: field, number: i + 1, keys: ["date", "value"])
                let when = try date(record["date"], place: place, field: field, item: i + 1, name: "date")
                let value = record["value"].isNil ? 1 : try amount(record["value"], place: place, field: field, item: i + 1, name: "value")
                points.append(TimelineBuckets.Point(when: when, value: value))
            }
        }
        var unit: TimelineBuckets.Unit?
        if !section["by"].isNil {
            guard let name = section["by"].stringValue, let given = TimelineBuckets.Unit(rawValue: name) else {
                throw OutputProblem("must be \"day\", \"week\" or \"month\"", place: place, field: "by")
            }
            unit = given
        }
        do {
            return Timeline(series: try TimelineBuckets.series(points, by: unit), unitGiven: unit != nil)
        } catch {
            throw OutputProblem(error.message, place: place, field: unit == nil ? field : "by")
        }
    }

    private static func network(_ section: LuaTable, place: String) throws(OutputProblem) -> Network {
        guard !section["graph"].isNil else {
            throw OutputProblem("missing; a network section needs graph = { nodes = {...}, edges = {...} }", place: place, field: "graph")
        }
        let graph: OutputGraph
        do {
            graph = try OutputGraph(lua: section["graph"])
        } catch {
            throw OutputProblem(error.description, place: place, field: "graph")
        }
        let size = try text(section["size"], place: place, field: "size")
        if let size {
            for (i, node) in graph.nodes.enumerated() {
                guard let value = node.attributes.first(where: { $0.name == size })?.value else { continue }
                switch value {
                case .integer(let n) where n >= 0: continue
                case .number(let d) where d >= 0: continue
                default:
                    throw OutputProblem("node \(i + 1)'s '\(size)' is \(value.text); a size must be a number of at least 0", place: place, field: "size")
                }
            }
        }
        return Network(graph: graph, size: size, color: try text(section["color"], place: place, field: "color"),
                       limit: try limit(section, place: place, fallback: Caps.nodes, maximum: Caps.nodesMaximum))
    }

    // MARK: - Pieces

    private static func checkKeys(_ table: LuaTable, _ valid: [String], what: String, place: String?) throws(OutputProblem) {
        for (key, _) in table.fields {
            guard let name = key.stringValue, valid.contains(name) else {
                let shown = key.stringValue.map { "'\($0)'" } ?? "of type \(key.typeName)"
                throw OutputProblem("unknown \(what) \(shown) (valid keys: \(valid.joined(separator: ", ")))", place: place)
            }
        }
        if !table.array.isEmpty {
            throw OutputProblem("has list items; give named fields (\(valid.joined(separator: ", ")))", place: place)
        }
    }

    private static func text(_ value: LuaValue, place: String?, field: String) throws(OutputProblem) -> String? {
        switch value {
        case .nil: return nil
        case .string(let s): return s.string
        case .integer, .number: return try OutputScalar.from(value, place: place, field: field)?.text
        default: throw OutputProblem("must be a string, not a \(value.typeName)", place: place, field: field)
        }
    }

    private static func list(_ value: LuaValue, place: String?, field: String) throws(OutputProblem) -> [LuaValue] {
        switch value {
        case .nil: return []
        case .table(let t) where t.fields.isEmpty: return t.array
        case .table: throw OutputProblem("must be a list (keys 1 to n)", place: place, field: field)
        default: throw OutputProblem("must be a list, not a \(value.typeName)", place: place, field: field)
        }
    }

    private static func record(_ value: LuaValue, place: String, field: String, number: Int, keys: [String]) throws(OutputProblem) -> LuaTable {
        guard case .table(let record) = value else {
            throw OutputProblem("item \(number) is a \(value.typeName); items are tables { \(keys.map { "\($0) = ..." }.joined(separator: ", ")) }",
                                place: place, field: field)
        }
        for (key, _) in record.fields {
            guard let name = key.stringValue, keys.contains(name) else {
                let shown = key.stringValue.map { "'\($0)'" } ?? "of type \(key.typeName)"
                throw OutputProblem("item \(number) has the unknown key \(shown) (valid keys: \(keys.joined(separator: ", ")))", place: place, field: field)
            }
        }
        if !record.array.isEmpty {
            throw OutputProblem("item \(number) has list items; give \(keys.joined(separator: " and ")) by name", place: place, field: field)
        }
        return record
    }

    private static func amount(_ value: LuaValue, place: String, field: String, item: Int, name: String) throws(OutputProblem) -> Double {
        guard let number = value.doubleValue else {
            throw OutputProblem("item \(item), field '\(name)': \(value.isNil ? "missing" : "must be a number, not a \(value.typeName)")", place: place, field: field)
        }
        guard number.isFinite, number >= 0 else {
            throw OutputProblem("item \(item), field '\(name)': \(HTMLFormat.number(number)) cannot be drawn; values are finite numbers of at least 0",
                                place: place, field: field)
        }
        return number
    }

    private static func date(_ value: LuaValue, place: String, field: String, item: Int, name: String? = nil) throws(OutputProblem) -> TimelineBuckets.When {
        let prefix = "item \(item)" + (name.map { ", field '\($0)'" } ?? "")
        guard let text = value.stringValue else {
            throw OutputProblem("\(prefix): \(value.isNil ? "missing" : "a date is a string like \"2024-07-03\", not a \(value.typeName)")", place: place, field: field)
        }
        guard let when = TimelineBuckets.parse(text) else {
            throw OutputProblem("\(prefix): '\(HTMLFormat.shortened(text, to: 40))' is not an ISO 8601 date (2024-07-03, 2024-07, 2024-07-03T10:00Z)",
                                place: place, field: field)
        }
        return when
    }

    private static func limit(_ section: LuaTable, place: String, fallback: Int, maximum: Int) throws(OutputProblem) -> Int {
        let value = section["limit"]
        if value.isNil { return fallback }
        guard let n = value.intValue, n >= 1, n <= maximum else {
            throw OutputProblem("must be a whole number from 1 to \(HTMLFormat.number(Double(maximum)))", place: place, field: "limit")
        }
        return Int(n)
    }
}
