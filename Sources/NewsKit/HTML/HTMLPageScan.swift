/// A byte scan of a page before it is parsed, on the reading thread: whether any text would be
/// visible (outside tags, comments, `<title>`, scripts and styles), and what the page is
/// instead when none would (a frameset, a script-only page, markup with no body). It stops at the
/// first visible letter, so a normal page costs the bytes of its head.
struct HTMLPageScan {
    var visible = false
    var scripts = 0
    var frames = 0
    var body = false
    /// No `</html>` or `</body>` near the end: the markup was cut short.
    var truncated = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        var i = 0
        func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
        func startsWith(_ word: String, at j: Int) -> Bool {
            var k = j
            for c in word.utf8 {
                guard k < n, lower(bytes[k]) == c else { return false }
                k += 1
            }
            return true
        }
        /// Index after the closing tag `</name ...>` (or the end of a comment), or the end.
        func skipPast(_ closing: String, from j: Int) -> Int {
            var k = j
            let first = closing.utf8.first!
            while k < n {
                if bytes[k] == first, startsWith(closing, at: k) {
                    k += closing.utf8.count
                    if closing == "-->" { return k }
                    while k < n, bytes[k] != UInt8(ascii: ">") { k += 1 }
                    return min(k + 1, n)
                }
                k += 1
            }
            return n
        }
        while i < n, !visible {
            let b = bytes[i]
            if b == UInt8(ascii: "<") {
                if startsWith("<!--", at: i) { i = skipPast("-->", from: i + 4); continue }
                var j = i + 1
                let closing = j < n && bytes[j] == UInt8(ascii: "/")
                if closing { j += 1 }
                var name = [UInt8]()
                while j < n, name.count < 16, (bytes[j] >= 0x41 && bytes[j] <= 0x5A) || (bytes[j] >= 0x61 && bytes[j] <= 0x7A) || (bytes[j] >= 0x30 && bytes[j] <= 0x39) {
                    name.append(lower(bytes[j])); j += 1
                }
                if name.isEmpty && !closing && !(j < n && bytes[j] == UInt8(ascii: "!")) {
                    // A lone "<" in text is text.
                    visible = true
                    break
                }
                let tag = String(decoding: name, as: UTF8.self)
                // To the end of the tag, past quoted attribute values.
                var quote: UInt8 = 0
                while j < n {
                    let c = bytes[j]
                    if quote != 0 { if c == quote { quote = 0 } } else if c == 0x22 || c == 0x27 { quote = c } else if c == UInt8(ascii: ">") { break }
                    j += 1
                }
                i = j + 1
                guard !closing else { continue }
                switch tag {
                case "script", "style", "title", "textarea", "template", "noscript", "svg", "select", "button":
                    if tag == "script" { scripts += 1 }
                    i = skipPast("</" + tag, from: i)
                case "frameset", "frame", "iframe": frames += 1
                case "body": body = true
                default: break
                }
                continue
            }
            if b > 0x20 { visible = true }
            i += 1
        }
        // From the end backwards: the closing tags of a whole page are in its last bytes, and
        // scanning the 64 KB forwards cost as much as the scan for visible text.
        let tail = bytes.suffix(65_536)
        let words = [Array("</html".utf8), Array("</body".utf8)]
        var found = false
        var k = tail.endIndex - 6
        while !found, k >= tail.startIndex {
            if bytes[k] == 0x3C {
                found = words.contains { word in (0..<word.count).allSatisfy { lower(bytes[k + $0]) == word[$0] } }
            }
            k -= 1
        }
        truncated = !found
    }

    /// Why the page gives no article, when no text would be visible.
    var emptiness: String? {
        guard !visible else { return nil }
        if frames > 0 { return "a page of frames: its text is in the frames' own pages, not in this file" }
        if scripts > 0 { return "a script-only page: no text without running its JavaScript" }
        if !body { return "no <body> and no visible text" }
        return "no visible text"
    }
}
