internal import CLibXML2

/// An element that starts a block, as the walk met it: enough to name it in a DOM path and to
/// judge it (its hints, the text and link text below it).
struct HTMLElement {
    var tag: String
    var parent: Int
    var id: String
    var classes: String
    var itemprop: String
    var role: String
    /// Visible characters of text below it, and those inside links.
    var textCharacters = 0
    var linkCharacters = 0
    var depth: Int

    /// `div#main.story` for DOM paths.
    var label: String {
        if id.isEmpty && classes.isEmpty { return tag }
        let first = Self.firstClass(classes)
        var label = tag
        label.reserveCapacity(tag.utf8.count + 1 + id.utf8.count + 1 + (first?.utf8.count ?? 0))
        if !id.isEmpty {
            label.append("#")
            label.append(id)
        }
        if let first {
            label.append(".")
            label.append(contentsOf: first)
        }
        return label
    }

    /// The first of the space-separated classes. By bytes while they are ASCII, up to the space
    /// that ends the first class and the byte after it: there each byte is a Character, and that
    /// space is one, so bytes split as Characters do (splitting the whole list by Character cost a
    /// quarter of the extraction's time). Where a non-ASCII byte comes first, as before: a space
    /// can join a combining mark into one Character.
    static func firstClass(_ classes: String) -> Substring? {
        var classes = classes
        let span: Range<Int>?? = classes.withUTF8 { bytes in
            var i = 0
            while i < bytes.count, bytes[i] == 0x20 { i += 1 }
            let start = i
            while i < bytes.count, bytes[i] != 0x20 {
                if bytes[i] >= 0x80 { return nil }
                i += 1
            }
            if i + 1 < bytes.count, bytes[i + 1] >= 0x80 { return nil }
            return .some(start < i ? start..<i : nil)
        }
        guard let span else { return classes.split(separator: " ").first }
        guard let span else { return nil }
        let utf8 = classes.utf8
        return Substring(utf8[utf8.index(utf8.startIndex, offsetBy: span.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: span.upperBound)])
    }
}

/// A run of visible text between block boundaries, whitespace collapsed as a browser shows it;
/// `<br>` kept as a line break.
struct HTMLTextBlock {
    var text: String
    /// The innermost block element around it (index into `HTMLWalk.elements`).
    var element: Int
    var linkCharacters: Int
    var characters: Int
    var commas: Int
}

/// What the page's head and markup say about it, gathered on the same walk.
struct HTMLHeadData {
    var title: String?
    /// `<meta name|property|itemprop=... content=...>`, keys lowercased, in page order.
    var metas: [(key: String, value: String)] = []
    var jsonLD: [String] = []
    var htmlLang: String?
    /// `<time datetime>` values with the element they sit in.
    var times: [(value: String, element: Int)] = []
    var canonical: String?
    var frames: [String] = []
    var scripts = 0
    var hasBody = false
}

/// One pass over libxml2's tree: blocks of visible text in document order, the elements that hold
/// them, and the head's metadata. Hidden subtrees (`hidden`, `display:none`) are not visible text.
final class HTMLWalk {
    private(set) var elements: [HTMLElement] = []
    private(set) var blocks: [HTMLTextBlock] = []
    var head = HTMLHeadData()

    private var buffer: [UInt8] = []
    private var bufferLinks = 0
    private var bufferCharacters = 0
    private var bufferCommas = 0
    /// A scalar from U+0300 up (lead byte 0xCC or more): only those can change when composed.
    private var bufferMayCompose = false
    private var pendingSpace = false
    private var current = -1
    private var linkDepth = 0

    init(document: xmlDocPtr) {
        buffer.reserveCapacity(4096)
        if let root = xmlDocGetRootElement(document) { visit(root, depth: 0) }
        flush()
    }

    private func visit(_ node: xmlNodePtr, depth: Int) {
        var child: xmlNodePtr? = node
        // Siblings by loop, children by recursion: depth is bounded by libxml2 (256 without
        // XML_PARSE_HUGE), the number of siblings is not.
        while let n = child {
            switch n.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = n.pointee.content { append(content) }
            case XML_ELEMENT_NODE:
                element(n, depth: depth)
            default:
                break
            }
            if depth == 0 { break }
            child = n.pointee.next
        }
    }

    private func element(_ node: xmlNodePtr, depth: Int) {
        guard let rawName = node.pointee.name else { return }
        let tag = String(cString: rawName).lowercased()
        if tag == "html", head.htmlLang == nil { head.htmlLang = attribute(node, "lang") ?? attribute(node, "xml:lang") }
        if tag == "body" { head.hasBody = true }
        let role = HTMLTagRole.of(tag)
        // A <noscript> holds a line for browsers without scripts, but an element left open in it
        // makes libxml2 put the rest of the page inside: one with a page's worth of text is read.
        if tag == "noscript", (textContent(node)?.utf8.count ?? 0) >= 1000 {
            flush()
            if let first = node.pointee.children { visit(first, depth: depth + 1) }
            flush()
            return
        }
        if role == .skipped {
            collectSkipped(node, tag: tag)
            return
        }
        if isHidden(node) { return }
        if role == .lineBreak {
            if !buffer.isEmpty, buffer.last != 0x0A { buffer.append(0x0A) }
            pendingSpace = false
            return
        }
        if tag == "time", let value = attribute(node, "datetime") { head.times.append((value, current)) }
        if role == .inline {
            if tag == "a" { linkDepth += 1 }
            if let first = node.pointee.children { visit(first, depth: depth + 1) }
            if tag == "a" { linkDepth -= 1 }
            return
        }
        flush()
        let saved = current
        current = elements.count
        elements.append(HTMLElement(tag: tag, parent: saved, id: attribute(node, "id") ?? "",
                                    classes: attribute(node, "class") ?? "", itemprop: attribute(node, "itemprop") ?? "",
                                    role: attribute(node, "role") ?? "", depth: depth))
        if let first = node.pointee.children { visit(first, depth: depth + 1) }
        flush()
        current = saved
    }

    /// Elements whose subtree is no visible text but says something about the page.
    private func collectSkipped(_ node: xmlNodePtr, tag: String) {
        switch tag {
        case "head":
            if let first = node.pointee.children { headChildren(first) }
        case "title":
            if head.title == nil { head.title = textContent(node) }
        case "meta":
            meta(node)
        case "link":
            if attribute(node, "rel")?.lowercased() == "canonical" { head.canonical = attribute(node, "href") }
        case "script":
            head.scripts += 1
            if attribute(node, "type")?.lowercased().contains("ld+json") == true, let text = textContent(node) {
                head.jsonLD.append(text)
            }
        case "frame", "iframe":
            if let src = attribute(node, "src"), !src.isEmpty { head.frames.append(src) }
        case "frameset", "noscript", "object":
            // A frameset's frames and a noscript's markup (libxml2 parses it as elements).
            var child = node.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE, let name = c.pointee.name {
                    let inner = String(cString: name).lowercased()
                    if HTMLTagRole.of(inner) == .skipped { collectSkipped(c, tag: inner) }
                    else if inner == "frameset" { collectSkipped(c, tag: inner) }
                }
                child = c.pointee.next
            }
        default:
            break
        }
    }

    private func headChildren(_ first: xmlNodePtr) {
        var child: xmlNodePtr? = first
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE, let name = c.pointee.name {
                collectSkipped(c, tag: String(cString: name).lowercased())
            }
            child = c.pointee.next
        }
    }

    private func meta(_ node: xmlNodePtr) {
        guard let content = attribute(node, "content") else { return }
        let key = attribute(node, "property") ?? attribute(node, "name") ?? attribute(node, "itemprop")
            ?? attribute(node, "http-equiv")
        guard let key, !key.isEmpty else { return }
        head.metas.append((key.lowercased(), content))
    }

    private func isHidden(_ node: xmlNodePtr) -> Bool {
        var attr = node.pointee.properties
        while let a = attr {
            if let name = a.pointee.name {
                if strcasecmp(name, "hidden") == 0 { return true }
                if strcasecmp(name, "style") == 0, let value = value(of: a), Self.hidesText(style: value) { return true }
            }
            attr = a.pointee.next
        }
        return false
    }

    /// Whether an inline style hides the element, spaces and case aside. By bytes when the style is
    /// ASCII, as it nearly always is: lowercasing, filtering and searching it as Characters cost
    /// a quarter of the walk. Elsewhere as Characters, where no non-ASCII letter but the Kelvin
    /// sign lowercases to ASCII, and "k" is in neither phrase.
    static func hidesText(style: String) -> Bool {
        let utf8 = style.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            let style = style.lowercased().filter { $0 != " " }
            return style.contains("display:none") || style.contains("visibility:hidden")
        }
        let compact = Array(utf8.lazy.filter { $0 != 0x20 }.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
        return compact.withUnsafeBufferPointer { compact in
            hidingStyles.contains { HTMLHints.occurs($0, in: compact) }
        }
    }

    private static let hidingStyles = [Array("display:none".utf8), Array("visibility:hidden".utf8)]

    private func attribute(_ node: xmlNodePtr, _ name: StaticString) -> String? {
        var attr = node.pointee.properties
        while let a = attr {
            if let n = a.pointee.name, strcasecmp(n, name) == 0 { return value(of: a) }
            attr = a.pointee.next
        }
        return nil
    }

    private func value(of attr: xmlAttrPtr) -> String? {
        guard let text = attr.pointee.children, let content = text.pointee.content else { return "" }
        return String(cString: content).trimmingASCIISpace()
    }

    /// The text below a node (a title, a script's JSON), read from the tree without libxml2's
    /// allocating xmlNodeGetContent.
    private func textContent(_ node: xmlNodePtr) -> String? {
        var bytes: [UInt8] = []
        func gather(_ first: xmlNodePtr?) {
            var child = first
            while let c = child {
                if c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_CDATA_SECTION_NODE, let content = c.pointee.content {
                    var p = content
                    while p.pointee != 0 { bytes.append(p.pointee); p += 1 }
                } else if c.pointee.type == XML_ELEMENT_NODE {
                    gather(c.pointee.children)
                }
                child = c.pointee.next
            }
        }
        gather(node.pointee.children)
        return Self.collapsingWhitespace(bytes)
    }

    /// Runs of white space as one space, none at the ends. ASCII text (most JSON-LD) by bytes, where
    /// the white space Characters are the bytes 0x09-0x0D and 0x20 (CR LF is one Character, and
    /// white space too); splitting by Character cost a quarter of the walk. Other text as before,
    /// where a combining mark after a space joins it into one Character.
    static func collapsingWhitespace(_ bytes: [UInt8]) -> String {
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = true
                continue
            }
            if pendingSpace, !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func strcasecmp(_ a: UnsafePointer<xmlChar>, _ b: StaticString) -> Int32 {
        xmlStrcasecmp(a, b.utf8Start)
    }

    /// Text as a browser lays it out: runs of white space (NBSP included) become one space.
    private func append(_ content: UnsafePointer<xmlChar>) {
        var p = content
        while p.pointee != 0 {
            let byte = p.pointee
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                pendingSpace = true
                p += 1
                continue
            }
            if byte == 0xC2, p[1] == 0xA0 {
                pendingSpace = true
                p += 2
                continue
            }
            if pendingSpace, !buffer.isEmpty, buffer.last != 0x0A { buffer.append(0x20) }
            pendingSpace = false
            buffer.append(byte)
            if byte & 0xC0 != 0x80 {
                if byte >= 0xCC { bufferMayCompose = true }
                bufferCharacters += 1
                if linkDepth > 0 { bufferLinks += 1 }
                if byte == 0x2C { bufferCommas += 1 }
            } else if byte == 0x8C, buffer.count >= 2, buffer[buffer.count - 2] == 0xD8 {
                bufferCommas += 1  // ، (U+060C), the Arabic comma
            }
            p += 1
        }
    }

    private func flush() {
        while let last = buffer.last, last == 0x20 || last == 0x0A { buffer.removeLast() }
        pendingSpace = false
        guard !buffer.isEmpty else { bufferLinks = 0; bufferCharacters = 0; bufferCommas = 0; bufferMayCompose = false; return }
        var text = String(decoding: buffer, as: UTF8.self)
        if bufferMayCompose { text = HTMLTextComposition.composed(text) }
        blocks.append(HTMLTextBlock(text: text, element: current, linkCharacters: bufferLinks, characters: bufferCharacters,
                                    commas: bufferCommas))
        var e = current
        while e >= 0 {
            elements[e].textCharacters += bufferCharacters
            elements[e].linkCharacters += bufferLinks
            e = elements[e].parent
        }
        buffer.removeAll(keepingCapacity: true)
        bufferLinks = 0
        bufferCharacters = 0
        bufferCommas = 0
        bufferMayCompose = false
    }
}

extension String {
    func trimmingASCIISpace() -> String {
        // On the view, not a copy of the bytes: every attribute value read comes through here.
        let utf8 = self.utf8
        guard let first = utf8.firstIndex(where: { $0 > 0x20 }), let last = utf8.lastIndex(where: { $0 > 0x20 }) else { return "" }
        return first == utf8.startIndex && utf8.index(after: last) == utf8.endIndex ? self : String(Substring(utf8[first...last]))
    }
}
