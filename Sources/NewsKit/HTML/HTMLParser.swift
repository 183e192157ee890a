internal import CLibXML2

/// The page through libxml2's HTML parser (which recovers from broken markup as browsers do) and
/// one walk of its tree.
enum HTMLParser {
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    static func walk(_ html: String, url: String?) -> HTMLWalk? {
        precondition(initialised)
        var html = html
        return html.withUTF8 { bytes -> HTMLWalk? in
            guard let base = bytes.baseAddress, bytes.count > 0, bytes.count < Int(Int32.max) else { return nil }
            // The text is UTF-8 already: the page's own charset declaration must not make libxml2
            // decode it a second time.
            let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
            let document = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                htmlReadMemory(chars, Int32(bytes.count), url, "UTF-8", Int32(options))
            }
            guard let document else { return nil }
            defer { xmlFreeDoc(document) }
            return HTMLWalk(document: document)
        }
    }
}
