import Foundation

/// Reads WARC files (ISO 28500; `*.warc`, and `*.warc.gz` with one gzip member per record, as
/// Common Crawl writes them): one article per HTML response (or resource) record, with the
/// record's target URI and date. Other records (requests, metadata, images) are passed over
/// without a word. A damaged or cut-short record is one problem naming the file and the record's
/// offset (in the compressed file for `*.warc.gz`, as CDX indexes give it); what follows a damaged
/// gzip member cannot be found again, what follows a bad uncompressed record can.
public struct WARCReader: Sendable {
    public let origin: String

    public init(origin: String) { self.origin = origin }

    public func read(file data: Data, problems report: (InputProblem) throws -> Void, _ body: (InputRecord) throws -> Void) rethrows {
        try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard !bytes.isEmpty else {
                try report(InputProblem(.empty, place: origin, detail: "empty file"))
                return
            }
            if GzipMembers.isGzip(bytes) {
                var members = GzipMembers(bytes)
                var pending = [UInt8]()
                var pendingOffset = 0
                while let (offset, result) = members.next() {
                    switch result {
                    case .success(let member):
                        if pending.isEmpty { pendingOffset = offset }
                        pending += member
                        // A record may span members when a writer did not follow the one-record-
                        // per-member advice: keep inflating until a whole record is there.
                        let used = try pending.withUnsafeBufferPointer { try records($0, base: pendingOffset, compressed: true, final: members.atEnd, problems: report, body) }
                        pending.removeFirst(used)
                    case .failure(let failure):
                        let why = failure == .truncated ? "gzip member cut short" : "damaged gzip member"
                        try report(InputProblem(.unreadable, place: "\(origin)@\(offset)", detail: "\(why); the rest of the file is not read",
                                                consequence: "record skipped"))
                        return
                    }
                }
                if !pending.isEmpty {
                    try report(InputProblem(.unreadable, place: "\(origin)@\(pendingOffset)", detail: "WARC record cut short", consequence: "record skipped"))
                }
            } else {
                let used = try records(bytes, base: 0, compressed: false, final: true, problems: report, body)
                _ = used
            }
        }
    }

    /// Reads the whole records at the start of `bytes`; returns how many bytes they used. With
    /// `final`, what is left is a record cut short.
    private func records(_ bytes: UnsafeBufferPointer<UInt8>, base: Int, compressed: Bool, final: Bool,
                         problems report: (InputProblem) throws -> Void, _ body: (InputRecord) throws -> Void) rethrows -> Int
    {
        var position = 0
        while position < bytes.count {
            // Blank lines between records.
            while position < bytes.count, bytes[position] == 0x0D || bytes[position] == 0x0A { position += 1 }
            guard position < bytes.count else { break }
            let place = "\(origin)@\(compressed ? base : base + position)"
            guard let headerEnd = find([0x0D, 0x0A, 0x0D, 0x0A], in: bytes, from: position) else {
                if final { try report(InputProblem(.unreadable, place: place, detail: "WARC record cut short (in its header)", consequence: "record skipped")) }
                return final ? bytes.count : position
            }
            let header = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<headerEnd]), as: UTF8.self)
            guard header.hasPrefix("WARC/") else {
                try report(InputProblem(.unreadable, place: place, detail: "not a WARC record (no WARC/ version line)",
                                        consequence: "the rest of the file is not read"))
                return bytes.count
            }
            let fields = Self.fields(header)
            guard let length = fields["content-length"].flatMap({ Int($0) }), length >= 0 else {
                try report(InputProblem(.unreadable, place: place, detail: "WARC record without a Content-Length",
                                        consequence: "the rest of the file is not read"))
                return bytes.count
            }
            let contentStart = headerEnd + 4
            guard contentStart + length <= bytes.count else {
                if final {
                    try report(InputProblem(.unreadable, place: place,
                                            detail: "WARC record cut short (\(bytes.count - contentStart) of \(length) bytes)",
                                            consequence: "record skipped"))
                    return bytes.count
                }
                return position
            }
            let content = UnsafeBufferPointer(rebasing: bytes[contentStart..<(contentStart + length)])
            position = contentStart + length
            if let record = try page(of: fields, content, place: place, problems: report) { try body(record) }
        }
        return position
    }

    private func page(of fields: [String: String], _ content: UnsafeBufferPointer<UInt8>, place: String,
                      problems report: (InputProblem) throws -> Void) rethrows -> InputRecord?
    {
        let type = fields["warc-type"]?.lowercased() ?? ""
        let url = fields["warc-target-uri"].map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "<>")) }
        let date = fields["warc-date"]
        switch type {
        case "response":
            guard (fields["content-type"] ?? "").lowercased().contains("application/http") else { return nil }
            guard let headEnd = find([0x0D, 0x0A, 0x0D, 0x0A], in: content, from: 0) else { return nil }
            let head = String(decoding: UnsafeBufferPointer(rebasing: content[0..<headEnd]), as: UTF8.self)
            guard head.hasPrefix("HTTP/") else { return nil }
            let status = head.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0
            guard (200..<300).contains(status) else { return nil }
            let http = Self.fields(head)
            let contentType = http["content-type"] ?? ""
            var payload = Array(UnsafeBufferPointer(rebasing: content[(headEnd + 4)...]))
            guard Self.isHTML(contentType, payload) else { return nil }
            if http["transfer-encoding"]?.lowercased().contains("chunked") == true, let whole = Self.dechunk(payload) { payload = whole }
            if let encoding = http["content-encoding"]?.lowercased(), encoding.contains("gzip") {
                let inflated = payload.withUnsafeBufferPointer { GzipMembers.inflateAll($0) }
                guard case .success(let bytes) = inflated else {
                    try report(InputProblem(.unreadable, place: place, detail: "gzip-encoded response that does not inflate"))
                    return nil
                }
                payload = bytes
            }
            return try payload.withUnsafeBufferPointer {
                try HTMLInput.page($0, origin: place, charset: HTMLCharset.fromContentType(contentType), url: url, fetched: date, problems: report)
            }
        case "resource":
            let contentType = fields["content-type"] ?? ""
            guard Self.isHTML(contentType, Array(content.prefix(1024))) else { return nil }
            return try HTMLInput.page(content, origin: place, charset: HTMLCharset.fromContentType(contentType), url: url, fetched: date, problems: report)
        default:
            return nil
        }
    }

    static func isHTML(_ contentType: String, _ payload: [UInt8]) -> Bool {
        let type = contentType.lowercased()
        if type.contains("html") { return true }
        guard type.isEmpty else { return false }
        let start = String(decoding: payload.prefix(512), as: UTF8.self).lowercased()
        return start.contains("<html") || start.contains("<!doctype html")
    }

    /// Header lines as lowercased names and their values; the first line (version or status) is
    /// left out.
    static func fields(_ header: String) -> [String: String] {
        var fields: [String: String] = [:]
        for line in header.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\r\n" || $0 == "\n" }).dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimming(.whitespaces).lowercased()
            if fields[name] == nil { fields[name] = line[line.index(after: colon)...].trimming(.whitespaces) }
        }
        return fields
    }

    /// A chunked HTTP body joined, or nil when it is not one (many archives store it dechunked
    /// while keeping the header).
    static func dechunk(_ body: [UInt8]) -> [UInt8]? {
        var out = [UInt8]()
        var i = 0
        while i < body.count {
            guard let lineEnd = body[i...].firstIndex(of: 0x0A) else { return nil }
            let sizeText = String(decoding: body[i..<lineEnd], as: UTF8.self)
                .split(separator: ";").first?.trimming(.whitespacesAndNewlines) ?? ""
            guard let size = Int(sizeText, radix: 16) else { return nil }
            if size == 0 { return out }
            let start = lineEnd + 1
            guard start + size <= body.count else { return nil }
            out += body[start..<(start + size)]
            i = start + size
            while i < body.count, body[i] == 0x0D || body[i] == 0x0A { i += 1 }
        }
        return out
    }

    private func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0], bytes[i + 1] == needle[1], bytes[i + 2] == needle[2], bytes[i + 3] == needle[3] { return i }
            i += 1
        }
        return nil
    }
}
