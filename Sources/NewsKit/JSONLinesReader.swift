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

    /// Reads a file a few megabytes at a time, so that memory does not grow with the file: each
    /// line is read as soon as it is whole. What `read(file:)` checks first is checked on the
    /// first chunk; a file that looks like anything but UTF-8 there (UTF-16, NULs, a binary
    /// signature) is read whole and decoded as `read(file:)` does.
    public func read(path: String, problems report: (InputProblem) throws -> Void,
                     _ body: (InputRecord) throws -> Void) throws
    {
        try read(path: path, chunkSize: 4 << 20, problems: report, body)
    }

    func read(path: String, chunkSize: Int, problems report: (InputProblem) throws -> Void,
              _ body: (InputRecord) throws -> Void) throws
    {
        var lines = LineAssembler()
        var first = true
        var wholeFile: Data?
        var lineNumber = 0
        var sawText = false
        func line(_ bytes: UnsafeBufferPointer<UInt8>) throws {
            lineNumber += 1
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
            sawText = true
            switch record(bytes, line: lineNumber) {
            case .success(let record): try body(record)
            case .failure(let problem): try report(problem)
            }
        }
        let failure = try InputFile.chunks(path: path, shownAs: origin, chunkSize: chunkSize) { chunk in
            if wholeFile != nil {
                wholeFile!.append(chunk)
                return
            }
            var chunk = chunk
            if first {
                first = false
                if chunk.starts(with: [0xEF, 0xBB, 0xBF]) {
                    chunk = UnsafeBufferPointer(rebasing: chunk.dropFirst(3))
                } else if Self.suspicious(chunk) {
                    wholeFile = Data(chunk)
                    return
                }
            }
            try lines.add(chunk, line)
        }
        if let failure { return try report(failure) }
        if let wholeFile { return try read(file: wholeFile, problems: report, body) }
        try lines.finish(line)
        if !sawText {
            try report(InputProblem(.empty, place: origin, detail: lineNumber == 0 && lines.bytesSeen == 0 ? "empty file" : "only whitespace"))
        }
    }

    /// Cuts chunks of bytes into lines (without their line feed), keeping only the unfinished line.
    struct LineAssembler {
        private var pending: [UInt8] = []
        private(set) var bytesSeen = 0

        mutating func add(_ chunk: UnsafeBufferPointer<UInt8>, _ line: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
            bytesSeen += chunk.count
            var start = 0
            while start < chunk.count {
                let found = memchr(chunk.baseAddress! + start, 0x0A, chunk.count - start)
                guard let found else { break }
                let end = chunk.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if pending.isEmpty {
                    try line(UnsafeBufferPointer(rebasing: chunk[start..<end]))
                } else {
                    pending.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start..<end]))
                    try pending.withUnsafeBufferPointer { try line($0) }
                    pending.removeAll(keepingCapacity: false)
                }
                start = end + 1
            }
            if start < chunk.count { pending.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start...])) }
        }

        /// The last line, when the file does not end with a line feed.
        mutating func finish(_ line: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
            guard !pending.isEmpty else { return }
            try pending.withUnsafeBufferPointer { try line($0) }
            pending = []
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
            let read = line.withUnsafeBytes { record($0.bindMemory(to: UInt8.self), line: lineNumber) }
            switch read {
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
            guard Self.suspicious(bytes) else { return .success((data, [])) }
            switch InputDecoder.decode(buffer: bytes, origin: origin) {
            case .failure(let problem): return .failure(problem)
            case .success(let decoded): return .success((Data(decoded.text.utf8), decoded.problems))
            }
        }
    }

    /// Bytes that may be another encoding than UTF-8, or no text at all.
    static func suspicious(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
            || (!bytes.isEmpty && memchr(bytes.baseAddress!, 0, bytes.count) != nil)
            || BinarySignature.name(of: bytes) != nil
    }

    func record(_ line: UnsafeBufferPointer<UInt8>, line number: Int) -> Result<InputRecord, InputProblem> {
        let place = "\(origin):\(number)"
        if let members = FlatJSONObject.members(line), let record = record(members, place: place) {
            return .success(record)
        }
        return generalRecord(line, place: place)
    }

    /// Any line, through `JSONSerialization`: values of every type, and the reason a line is refused.
    func generalRecord(_ line: UnsafeBufferPointer<UInt8>, place: String) -> Result<InputRecord, InputProblem> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(line), options: [])
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

    /// The record of a line whose values are all strings or null (`FlatJSONObject`), made as the
    /// general path makes it; nil when the line is one that path refuses (it then says why).
    private func record(_ members: [(key: String, value: String?)], place: String) -> InputRecord? {
        func string(_ key: String) -> String? {
            guard let value = members.first(where: { $0.key == key })?.value else { return nil }
            return value.isEmpty ? nil : value
        }
        guard let text = members.first(where: { $0.key == "text" })?.value else { return nil }
        var record = InputRecord(document: Document(origin: place, text: text))
        record.id = string("id")
        record.title = string("title")
        if text.allSatisfy(\.isWhitespace), (record.title ?? "").allSatisfy(\.isWhitespace) { return nil }
        record.date = string("date")
        record.url = string("url")
        record.source = string("source")
        record.lang = string("lang")
        for (key, value) in members where !Self.knownFields.contains(key) {
            if let value { record.meta[key] = value }
        }
        return record
    }
}
