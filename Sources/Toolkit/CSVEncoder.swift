import LuaBridge

/// RFC 4180 CSV from Lua rows: CRLF line ends, fields quoted when they hold a comma, quote, CR or LF.
/// Rows are either sequences (`{"Putin", 3}`) or records (`{name = "Putin", count = 3}`); records
/// take their columns from `columns`, or else from the union of their keys in sorted order.
struct CSVEncoder {
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    static func encode(rows: LuaTable, columns: [String]?) throws -> [UInt8] {
        var out: [UInt8] = []
        let records = try rows.array.enumerated().map { index, row -> LuaTable in
            guard case .table(let t) = row else {
                throw Problem(description: "row \(index + 1) is a \(row.typeName), not a table")
            }
            return t
        }
        let isRecords = records.contains { !$0.fields.isEmpty }
        var header = columns
        if header == nil && isRecords {
            var seen = Set<String>()
            header = []
            for record in records {
                for (key, _) in record.fields {
                    guard let name = key.stringValue else { continue }
                    if seen.insert(name).inserted { header!.append(name) }
                }
            }
            header!.sort()
        }
        if let header {
            appendLine(header.map { LuaValue($0) }, to: &out, row: 0)
        }
        for (index, record) in records.enumerated() {
            let cells: [LuaValue]
            if let header, !record.fields.isEmpty {
                cells = header.map { record[$0] }
            } else {
                cells = record.array
            }
            try check(cells, row: index + 1)
            appendLine(cells, to: &out, row: index + 1)
        }
        return out
    }

    private static func check(_ cells: [LuaValue], row: Int) throws {
        for cell in cells {
            switch cell {
            case .nil, .boolean, .integer, .number, .string: continue
            default: throw Problem(description: "row \(row) has a \(cell.typeName) cell; cells must be strings, numbers, booleans or nil")
            }
        }
    }

    private static func appendLine(_ cells: [LuaValue], to out: inout [UInt8], row: Int) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendField(text(of: cell), to: &out)
        }
        out += [0x0D, 0x0A]
    }

    static func text(of value: LuaValue) -> [UInt8] {
        switch value {
        case .nil: return []
        case .boolean(let b): return Array((b ? "true" : "false").utf8)
        case .integer(let i): return Array(String(i).utf8)
        case .number(let d):
            if d.rounded() == d && abs(d) < 1e15 { return Array(String(Int64(d)).utf8) }
            return Array(String(d).utf8)
        case .string(let s): return s.bytes
        default: return []
        }
    }

    /// One CSV record of plain strings, with its CRLF.
    static func line(_ cells: [String]) -> String {
        var out: [UInt8] = []
        for (i, cell) in cells.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendField(Array(cell.utf8), to: &out)
        }
        return String(decoding: out + [0x0D, 0x0A], as: UTF8.self)
    }

    private static func appendField(_ bytes: [UInt8], to out: inout [UInt8]) {
        let needsQuotes = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { out += bytes; return }
        out.append(UInt8(ascii: "\""))
        for b in bytes {
            if b == UInt8(ascii: "\"") { out.append(b) }
            out.append(b)
        }
        out.append(UInt8(ascii: "\""))
    }
}
