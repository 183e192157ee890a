import Foundation

/// Reads JSON Lines: one JSON object per line with at least `text`. A bad line is reported with its
/// file and line and skipped; the other lines are read.
public struct JSONLinesReader: Sendable {
    public static let knownFields: Set<String> = ["text", "title", "date", "url", "source", "lang", "id"]

    public let origin: String

    public init(origin: String) { self.origin = origin }

    /// Reads a whole file: checks first that it is text at all (not empty, not binary), reads
    /// UTF-16 (with a note) as JSON Lines too, then calls `body` for each record in order.
    public func read(file data: Data, problems report: (InputProblem) throws -> Void,
                     _ body: (InputRecord) throws -> Void) rethrows
    {
        switch prepare(data) {
        case .failure(let problem):
            try report(problem)
        case .success(let (utf8, notes)):
            for note in notes { try report(note) }
            try read(utf8, problems: report, body)
        }
    }

    /// Calls `body` for each record, in order, with problems reported through `warn`.
    public func read(_ data: Data, warn: (String) -> Void, _ body: (InputRecord) throws -> Void) rethrows {
        try read(data, problems: { warn($0.message) }, body)
    }

    /// Calls `body` for each record of UTF-8 JSON Lines, in order, with bad lines reported.
    public func read(_ data: Data, problems report: (InputProblem) throws -> Void, _ body: (InputRecord) throws -> Void) rethrows {
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
            case .failure(let problem): try report(problem)
            }
        }
    }

    /// The file as UTF-8 bytes, with notes on how it was read, or why it cannot be JSON Lines.
    /// Clean UTF-8 costs a NUL search; the lines themselves are checked by the JSON parser.
    func prepare(_ data: Data) -> Result<(Data, [InputProblem]), InputProblem> {
        data.withUnsafeBytes { raw -> Result<(Data, [InputProblem]), InputProblem> in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes.contains(where: { !($0 == 0x20 || (0x09...0x0D).contains($0)) }) else {
                return .failure(InputProblem(.empty, place: origin, detail: bytes.isEmpty ? "empty file" : "only whitespace"))
            }
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .success((data.dropFirst(3), [])) }
            let hasNUL = memchr(bytes.baseAddress!, 0, bytes.count) != nil
            let suspicious = hasNUL || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
                || BinarySignature.name(of: bytes) != nil
            guard suspicious else { return .success((data, [])) }
            switch InputDecoder.decode(buffer: bytes, origin: origin) {
            case .failure(let problem): return .failure(problem)
            case .success(let decoded): return .success((Data(decoded.text.utf8), decoded.problems))
            }
        }
    }

    func record(_ line: Data, line number: Int) -> Result<InputRecord, InputProblem> {
        let place = "\(origin):\(number)"
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: line, options: [])
        } catch {
            let why = String(validating: line, as: UTF8.self) == nil
                ? "not valid JSON (it holds bytes that are not UTF-8, and JSON Lines must be UTF-8: convert the file with iconv)"
                : "not valid JSON"
            return .failure(InputProblem(.notJSON, place: place, detail: why,
                                         consequence: "line skipped (each line must be one JSON object)"))
        }
        guard let fields = object as? [String: Any] else {
            return .failure(InputProblem(.notJSONObject, place: place, detail: "not a JSON object", consequence: "line skipped"))
        }
        guard let text = fields["text"] as? String else {
            let why = fields["text"] == nil ? "has no field \"text\"" : "field \"text\" is not a string"
            return .failure(InputProblem(.noText, place: place, detail: why, consequence: "line skipped"))
        }
        var record = InputRecord(document: Document(origin: place, text: text))
        func string(_ key: String) -> String? {
            guard let value = fields[key], !(value is NSNull) else { return nil }
            if let s = value as? String { return s.isEmpty ? nil : s }
            return "\(value)"
        }
        record.id = string("id")
        record.title = string("title")
        if text.allSatisfy(\.isWhitespace), (record.title ?? "").allSatisfy(\.isWhitespace) {
            return .failure(InputProblem(.empty, place: place, detail: "empty \"text\" and no title", consequence: "line skipped"))
        }
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
