import Foundation

/// The text of a web page's bytes. The order is the one browsers follow, save one exception: a
/// byte-order mark, then the charset the HTTP header gave (WARC records keep it), then the page's
/// own `<meta charset>` or `http-equiv` declaration, then detection. The exception: bytes that are
/// valid UTF-8 with multi-byte characters are read as UTF-8 whatever they declare, since a page
/// saved as UTF-8 that still says `iso-8859-1` is far more common than Latin text that happens to
/// form valid UTF-8 sequences.
enum HTMLCharset {
    /// `header` is the charset label the HTTP header gave, if any.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, header: String?, origin: String) -> Result<DecodedInput, InputProblem> {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return InputDecoder.decode(buffer: bytes, origin: origin)
        }
        if bytes.isEmpty { return .failure(InputProblem(.empty, place: origin, detail: "empty file")) }
        // NUL looked for in the bytes with memchr: the same test on the string's UTF-8 view went
        // byte by byte through its iterator and cost as much as the rest of decoding.
        if memchr(bytes.baseAddress!, 0, bytes.count) == nil, let text = String(validating: bytes, as: UTF8.self) {
            return .success(DecodedInput(text: text, encoding: "UTF-8", problems: []))
        }
        if let name = BinarySignature.name(of: bytes) {
            return .failure(InputProblem(.binary, place: origin, detail: "binary file (\(name)), not a web page"))
        }
        if ByteStatistics(bytes).utf16Order == nil, let reason = ByteStatistics(bytes).binaryReason {
            return .failure(InputProblem(.binary, place: origin, detail: "binary file (\(reason)), not a web page"))
        }
        let label = header ?? declared(in: bytes)
        if let label, let iconvName = iconvName(label), iconvName != "UTF-8",
           let utf8 = Iconv.utf8(from: bytes, encoding: iconvName)
        {
            let how = header != nil ? "the HTTP header's charset" : "the page's <meta> charset"
            let note = InputProblem(.otherEncoding, place: origin, detail: "not UTF-8",
                                    consequence: "read as \(label) (\(how))", isProblem: false)
            return .success(DecodedInput(text: String(decoding: utf8, as: UTF8.self), encoding: label, problems: [note]))
        }
        return InputDecoder.decode(buffer: bytes, origin: origin)
    }

    /// The charset parameter of a Content-Type value ("text/html; charset=windows-1256").
    static func fromContentType(_ value: String) -> String? {
        let lower = value.lowercased()
        guard let range = lower.range(of: "charset=") else { return nil }
        let rest = lower[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
        let name = rest.prefix { !";\"' \t\r\n>/".contains($0) }
        return name.isEmpty ? nil : String(name)
    }

    /// The charset a `<meta>` in the page's first 16 KB declares. A byte scan, not a parse: the
    /// encoding must be known before the parser can read the page.
    static func declared(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let head = Array(bytes.prefix(16_384).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
        let needle = Array("charset".utf8)
        var i = 0
        while i + needle.count < head.count {
            guard head[i] == needle[0], head[i..<(i + needle.count)].elementsEqual(needle) else { i += 1; continue }
            // Only inside a meta tag: the word also turns up in scripts and text.
            var j = i
            while j > 0, head[j] != UInt8(ascii: "<"), head[j] != UInt8(ascii: ">") { j -= 1 }
            guard head[j] == UInt8(ascii: "<"), head[(j + 1)...].starts(with: Array("meta".utf8)) else { i += needle.count; continue }
            var k = i + needle.count
            while k < head.count, head[k] == 0x20 { k += 1 }
            guard k < head.count, head[k] == UInt8(ascii: "=") else { i = k; continue }
            k += 1
            while k < head.count, [0x20, 0x22, 0x27].contains(head[k]) { k += 1 }
            var name = [UInt8]()
            while k < head.count, !"\"' ;/>\t\r\n".utf8.contains(head[k]) { name.append(head[k]); k += 1 }
            if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
            i = k
        }
        return nil
    }

    /// The name iconv knows a WHATWG label by; Latin-1 and ASCII labels mean Windows-1252 in
    /// browsers, and so here.
    static func iconvName(_ label: String) -> String? {
        switch label.lowercased() {
        case "utf-8", "utf8", "unicode-1-1-utf-8": return "UTF-8"
        case "iso-8859-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252", "x-cp1252", "iso8859-1", "iso_8859-1":
            return "CP1252"
        case "windows-1256", "cp1256", "x-cp1256": return "CP1256"
        case "iso-8859-6", "arabic": return "ISO-8859-6"
        case "gb2312", "gbk", "x-gbk": return "GBK"
        case "x-sjis", "shift_jis", "sjis": return "SHIFT_JIS"
        case "": return nil
        default:
            // Names such as windows-1250, iso-8859-2, koi8-r or euc-kr are iconv names too.
            return label.uppercased()
        }
    }
}
