import Foundation

/// Reads JSON Lines: one JSON object per line with at least `text`. A bad line is reported with its
/// file and line and skipped; the other lines are read.
public struct JSONLinesReader: Sendable {
    public static let knownFields: Set<String> = ["text", "title", "date", "url", "source", "lang", "id"]

    public let origin: String

    public init(origin: String) { self.origin = origin }

    /// Calls `body` for each record, in order, with problems reported through `warn`.
    public func read(_ data: Data, warn: (String) -> Void, _ body: (InputRecord) throws -> Void) rethrows {
        var lineNumber = 0
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            lineNumber += 1
            let line = data[start..<end]
            start = end < data.endIndex ? data.index(after: end) : end
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            switch record(line, line: lineNumber) {
            case .success(let record): try body(record)
            case .failure(let problem): warn(problem.message)
            }
        }
    }

    struct Problem: Error { var message: String }

    func record(_ line: Data, line number: Int) -> Result<InputRecord, Problem> {
        let place = "\(origin):\(number)"
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: line, options: [])
        } catch {
            return .failure(Problem(message: "\(place): not valid JSON; line skipped (each line must be one JSON object)"))
        }
        guard let fields = object as? [String: Any] else {
            return .failure(Problem(message: "\(place): not a JSON object; line skipped"))
        }
        guard let text = fields["text"] as? String else {
            let why = fields["text"] == nil ? "has no field \"text\"" : "field \"text\" is not a string"
            return .failure(Problem(message: "\(place): \(why); line skipped"))
        }
        var record = InputRecord(document: Document(origin: place, text: text))
        func string(_ key: String) -> String? {
            guard let value = fields[key], !(value is NSNull) else { return nil }
            if let s = value as? String { return s.isEmpty ? nil : s }
            return "\(value)"
        }
        record.id = string("id")
        record.title = string("title")
        record.date = string("date")
        record.url = string("url")
        record.source = string("source")
        record.lang = string("lang")
        for (key, value) in fields where !Self.knownFields.contains(key) && !(value is NSNull) {
            if let s = value as? String {
                record.meta[key] = s
            } else if let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys]) {
                record.meta[key] = String(decoding: data, as: UTF8.self)
            }
        }
        return .success(record)
    }
}
