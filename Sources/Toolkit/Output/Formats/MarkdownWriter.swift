import Foundation
import LuaBridge

/// A Markdown (GitHub-flavoured) table: a header row, an alignment row (numbers to the right, as
/// the first row's cells show), then one line per row. A pipe in a cell is escaped and a line break
/// becomes `<br>`, so a cell never breaks the table.
final class MarkdownWriter: RowWriter {
    private let file: OutputFile
    private var columns: RowColumns
    private var wroteHeader = false

    init(file: OutputFile, columns: [String]?) {
        self.file = file
        self.columns = RowColumns(columns)
    }

    func add(_ row: LuaValue, number: Int) throws {
        let cells = try columns.cells(of: row, number: number)
        guard let names = columns.names else {
            throw OutputProblem.row(number, "it is a list, and a Markdown table needs a header: give options.columns")
        }
        let scalars = try columns.scalars(cells, number: number)
        if !wroteHeader {
            wroteHeader = true
            try writeHeader(names, numeric: names.indices.map { i in
                switch i < scalars.count ? scalars[i] : nil {
                case .integer?, .number?: return true
                default: return false
                }
            })
        }
        var padded = scalars.map { $0?.text ?? "" }
        while padded.count < names.count { padded.append("") }
        try file.append(MarkdownWriter.line(padded))
    }

    private func writeHeader(_ names: [String], numeric: [Bool]) throws {
        try file.append(MarkdownWriter.line(names))
        try file.append("|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n")
    }

    func finish() throws -> URL {
        if !wroteHeader, let names = columns.names { try writeHeader(names, numeric: names.map { _ in false }) }
        return try file.commit()
    }

    func discard() { file.discard() }

    static func line(_ cells: [String]) -> String {
        "|" + cells.map { " " + escape($0) + " |" }.joined() + "\n"
    }

    static func escape(_ cell: String) -> String {
        var out = ""
        out.reserveCapacity(cell.utf8.count)
        var previousCR = false
        for scalar in cell.unicodeScalars {
            switch scalar {
            case "|": out += "\\|"
            case "\\": out += "\\\\"
            case "\r": out += "<br>"
            case "\n": if !previousCR { out += "<br>" }
            default: out.unicodeScalars.append(scalar)
            }
            previousCR = scalar == "\r"
        }
        return out
    }
}
