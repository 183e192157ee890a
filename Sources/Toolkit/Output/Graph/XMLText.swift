/// Text made safe for an XML 1.0 document, as the graph writers need it.
///
/// XML 1.0 has no way to carry most C0 control characters (U+0000 to U+001F except tab, line feed
/// and carriage return) nor U+FFFE and U+FFFF, not even as character references: a file holding
/// one is not well formed, and Gephi and NetworkX refuse all of it. Those characters are replaced
/// by U+FFFD (the replacement character), so a label scraped with a stray control byte still
/// shows that something was there instead of silently losing it or breaking the whole file.
/// Invalid UTF-8 in a Lua string already arrives here as U+FFFD.
enum XMLText {
    /// For element content: `&` and `<` are escaped, and `>` too so that `]]>` cannot appear.
    static func content(_ text: String, into out: inout [UInt8]) {
        escape(text, quoting: false, into: &out)
    }

    /// For a double-quoted attribute value. Tab, line feed and carriage return are written as
    /// character references, because a reader normalises literal ones in attributes to spaces.
    static func attribute(_ text: String, into out: inout [UInt8]) {
        escape(text, quoting: true, into: &out)
    }

    private static let replacement = Array("\u{FFFD}".utf8)

    private static func escape(_ text: String, quoting: Bool, into out: inout [UInt8]) {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22 where quoting: out.append(contentsOf: "&quot;".utf8)
            case 0x09 where quoting: out.append(contentsOf: "&#9;".utf8)
            case 0x0A where quoting: out.append(contentsOf: "&#10;".utf8)
            case 0x0D: out.append(contentsOf: "&#13;".utf8)  // a literal one would become a line feed
            case 0x09, 0x0A: out.append(UInt8(scalar.value))
            case 0x00...0x1F, 0xFFFE, 0xFFFF: out.append(contentsOf: replacement)
            default: UTF8.encode(scalar) { out.append($0) }
            }
        }
    }
}

