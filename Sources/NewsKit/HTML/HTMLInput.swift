import Foundation

/// Reads web pages: `*.html` and `*.htm` files, gzipped or not, and the HTML responses of WARC
/// files. A page that gives no article (binary, no visible text, frames, script only) is one
/// problem naming it; a page cut short is read as far as it goes, with a warning.
public enum HTMLInput {
    /// The page of one file (`*.html`, `*.htm`, `*.html.gz`).
    public static func read(file data: Data, origin: String, problems report: (InputProblem) throws -> Void,
                            _ body: (InputRecord) throws -> Void) rethrows
    {
        let record: InputRecord? = try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            if GzipMembers.isGzip(bytes) {
                switch GzipMembers.inflateAll(bytes) {
                case .success(let inflated):
                    return try inflated.withUnsafeBufferPointer { try page($0, origin: origin, charset: nil, url: nil, fetched: nil, problems: report) }
                case .failure(.truncated):
                    try report(InputProblem(.unreadable, place: origin, detail: "gzip stream cut short"))
                case .failure(.corrupt(let why)):
                    try report(InputProblem(.unreadable, place: origin, detail: "not readable as gzip (\(why))"))
                }
                return nil
            }
            return try page(bytes, origin: origin, charset: nil, url: nil, fetched: nil, problems: report)
        }
        if let record { try body(record) }
    }

    /// The record of one page's bytes, or nil when the page gives no article (reported).
    static func page(_ bytes: UnsafeBufferPointer<UInt8>, origin: String, charset: String?, url: String?, fetched: String?,
                     problems report: (InputProblem) throws -> Void) rethrows -> InputRecord?
    {
        let decoded: DecodedInput
        switch HTMLCharset.decode(bytes, header: charset, origin: origin) {
        case .failure(let problem): try report(problem); return nil
        case .success(let text): decoded = text
        }
        var text = decoded.text
        let scan = text.withUTF8 { HTMLPageScan($0) }
        if let why = scan.emptiness {
            try report(InputProblem(.noPageText, place: origin, detail: why))
            return nil
        }
        var record = InputRecord(document: Document(origin: origin, decoded: decoded))
        if scan.truncated {
            record.document.problems.append(InputProblem(.truncated, place: origin, detail: "the markup ends early (no </body> or </html>)",
                                                         consequence: "read as far as it goes"))
        }
        record.url = url
        if let fetched { record.meta["warc_date"] = fetched }
        record.page = WebPage(html: text, url: url, fetched: fetched, encoding: decoded.encoding)
        return record
    }
}
