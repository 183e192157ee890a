import Foundation
import LuaBridge

/// JSON Lines: one compact JSON value per line, the format pandas (`lines=True`), jq and Spark
/// read a record at a time.
final class JSONLinesWriter: RowWriter {
    private let file: OutputFile
    private let encoder: LuaJSONEncoder

    init(file: OutputFile, sortKeys: Bool) {
        self.file = file
        var encoder = LuaJSONEncoder()
        encoder.sortKeys = sortKeys
        encoder.emptyAsObject = true
        self.encoder = encoder
    }

    func add(_ row: LuaValue, number: Int) throws {
        var bytes = try JSONArrayWriter.encode(row, number: number, with: encoder)
        bytes.append(0x0A)
        try file.append(bytes)
    }

    func finish() throws -> URL { try file.commit() }
    func discard() { file.discard() }
}

/// A JSON array written one element at a time: `[`, the rows separated by commas, `]`.
final class JSONArrayWriter: RowWriter {
    private let file: OutputFile
    private let encoder: LuaJSONEncoder
    private var count = 0

    init(file: OutputFile, pretty: Bool, sortKeys: Bool) {
        self.file = file
        var encoder = LuaJSONEncoder()
        encoder.pretty = pretty
        encoder.sortKeys = sortKeys
        encoder.emptyAsObject = true
        self.encoder = encoder
    }

    func add(_ row: LuaValue, number: Int) throws {
        let bytes = try JSONArrayWriter.encode(row, number: number, with: encoder)
        try file.append(count == 0 ? (encoder.pretty ? "[\n" : "[") : (encoder.pretty ? ",\n" : ","))
        try file.append(bytes)
        count += 1
    }

    func finish() throws -> URL {
        try file.append(count == 0 ? "[]\n" : (encoder.pretty ? "\n]\n" : "]\n"))
        return try file.commit()
    }

    func discard() { file.discard() }

    /// A row as JSON; a value JSON cannot hold is a problem naming the row and the key path.
    static func encode(_ row: LuaValue, number: Int, with encoder: LuaJSONEncoder) throws(OutputProblem) -> [UInt8] {
        do {
            return try encoder.encode(row, root: "row")
        } catch {
            throw OutputProblem(error.message, place: "row \(number)")
        }
    }
}
