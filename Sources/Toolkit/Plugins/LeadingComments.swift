/// The `-- key: value` lines among a Lua file's leading comments (before its first line of code),
/// where a script says what it requires and a plugin's test which corpus it reads.
enum LeadingComments {
    /// Each value given for `key` with its 1-based line number, in file order.
    static func values(of key: String, in code: [UInt8]) -> [(line: Int, value: String)] {
        var found: [(line: Int, value: String)] = []
        let prefix = key + ":"
        let text = String(decoding: code.prefix(16_384), as: UTF8.self)
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmed(of: " \t\r")
            if line.isEmpty || line.hasPrefix("#!") { continue }
            guard line.hasPrefix("--") else { break }
            let comment = line.dropFirst(2).trimmed(of: " \t")
            guard comment.hasPrefix(prefix) else { continue }
            found.append((index + 1, comment.dropFirst(prefix.count).trimmed(of: " \t")))
        }
        return found
    }
}
