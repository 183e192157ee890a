import Foundation
import LuaBridge

/// RFC 4180 CSV: CRLF line ends, a field quoted when it holds a comma, quote, CR or LF; UTF-8,
/// with a byte order mark first when asked (Excel reads UTF-8 as a legacy code page without one).
final class CSVWriter: RowWriter {
    private let file: OutputFile
    private var columns: RowColumns
    private var wroteHeader = false

    init(file: OutputFile, columns: [String]?, byteOrderMark: Bool) throws {
        self.file = file
        self.columns = RowColumns(columns)
        if byteOrderMark { try file.append([0xEF, 0xBB, 0xBF]) }
    }

    func add(_ row: LuaValue, number: Int) throws {
        let cells = try columns.cells(of: row, number: number)
        let scalars = try columns.scalars(cells, number: number)
        if !wroteHeader {
            wroteHeader = true
            if let names = columns.names { try file.append(CSVWriter.line(names)) }
        }
        try file.append(CSVWriter.line(scalars.map { $0?.text ?? "" }))
    }

    func finish() throws -> URL {
        if !wroteHeader, let names = columns.names { try file.append(CSVWriter.line(names)) }
        return try file.commit()
    }

    func discard() { file.discard() }

    /// One CSV record with its CRLF.
    static func line(_ cells: [String]) -> String {
        var out = ""
        for (i, cell) in cells.enumerated() {
            if i > 0 { out += "," }
            if cell.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) {
                out += "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            } else {
                out += cell
            }
        }
        return out + "\r\n"
    }
}
