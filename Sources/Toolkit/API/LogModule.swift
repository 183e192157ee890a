import LuaBridge

/// `toolkit.log`: lines on standard error, leaving standard output to the script's results.
enum LogModule {
    static var module: APIModule {
        APIModule(
            "toolkit.log",
            doc: """
                Write a line to standard error (`info: ...`), leaving standard output to the script's \
                results. `print` writes to standard output. Arguments are joined with spaces after \
                `tostring`, as `print` does.
                """,
            functions: ["info", "warn", "error"].map(level),
            examples: ["""
                local n = 0
                for _ in toolkit.articles() do n = n + 1 end
                toolkit.log.info("read", n, "articles")
                """])
    }

    static func level(_ name: String) -> APIFunction {
        APIFunction(
            "toolkit.log.\(name)",
            parameters: [APIParameter("...", "any", "values to write")],
            doc: "Writes `\(name): ` and the values, separated by spaces, as one line on standard error."
        ) { binding in
            let console = binding.api.console
            return { call in
                var parts: [String] = []
                for i in 0..<call.count { parts.append(String(decoding: try call.describe(i + 1), as: UTF8.self)) }
                console.err("\(name): \(parts.joined(separator: " "))")
                return []
            }
        }
    }
}
