import LuaBridge

/// One cell or attribute value as every writer can hold it: what a CSV cell, a SQLite column, a
/// GEXF/GraphML attribute or an HTML table cell may be. Tables, functions and userdata are not
/// scalars; the writers say so with the row and field.
public enum OutputScalar: Equatable, Sendable {
    case string(String)
    case integer(Int64)
    case number(Double)
    case boolean(Bool)

    /// The scalar of a Lua value, nil for nil; a table, function or userdata is a problem.
    public static func from(_ value: LuaValue, place: String? = nil, field: String? = nil) throws(OutputProblem) -> OutputScalar? {
        switch value {
        case .nil: return nil
        case .boolean(let b): return .boolean(b)
        case .integer(let i): return .integer(i)
        case .number(let d):
            guard d.isFinite else { throw OutputProblem("\(d) cannot be written (numbers must be finite)", place: place, field: field) }
            return .number(d)
        case .string(let s): return .string(s.string)
        case .object(let o) where o is JSONNull: return nil
        default:
            throw OutputProblem("a \(value.typeName) cannot be written here; cells are strings, numbers, booleans or nil",
                                place: place, field: field)
        }
    }

    /// The text a text format writes: integers without a point, whole floats below 2^53 too.
    public var text: String {
        switch self {
        case .string(let s): return s
        case .integer(let i): return String(i)
        case .number(let d):
            if d.rounded() == d && abs(d) < 9.0e15 { return String(Int64(d)) }
            return String(d)
        case .boolean(let b): return b ? "true" : "false"
        }
    }
}
