/// The formats a writer opened with `toolkit.write.open` can stream, and the file extensions that
/// name them when no `format` option does.
enum OutputFormat: String, CaseIterable {
    case csv, json, jsonl, markdown, sqlite

    static let extensions: [String: OutputFormat] = [
        "csv": .csv, "json": .json, "jsonl": .jsonl, "ndjson": .jsonl, "md": .markdown, "markdown": .markdown,
        "db": .sqlite, "sqlite": .sqlite, "sqlite3": .sqlite,
    ]

    /// The format a file name's extension names, case-insensitively.
    static func of(name: String) -> OutputFormat? {
        guard let dot = name.lastIndex(of: "."), !name[dot...].contains("/") else { return nil }
        return extensions[name[name.index(after: dot)...].lowercased()]
    }
}
