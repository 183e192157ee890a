import Foundation
import LuaBridge
import NewsKit

/// The `toolkit` table a script sees, bound to one run. See docs/lua-api.md for the contract.
final class ToolkitAPI {
    let state: LuaState
    let options: RunOptions
    let settings: [String: String]
    let console: Console
    let stream: ArticleStream
    let output: OutputFolder
    let entities: EntityContext
    private(set) var outputs: [URL] = []
    private(set) var articlesRequested = false
    /// The path of the article the script is working on, for error messages.
    private(set) var currentArticle: String?

    init(state: LuaState, options: RunOptions, settings: [String: String], console: Console, stream: ArticleStream,
         entities: EntityContext)
    {
        self.state = state
        self.entities = entities
        self.options = options
        self.settings = settings
        self.console = console
        self.stream = stream
        self.output = OutputFolder(url: options.outputFolder)
    }

    func install() throws {
        try state.register(ArticleObject.luaClass)
        var toolkit = try APIReference.toolkitTable(for: self)
        toolkit["version"] = LuaValue(ToolkitVersion.current)
        toolkit["articles"] = .function(LuaFunction("articles") { [weak self] _ in
            guard let self else { throw LuaScriptError("toolkit.articles: the run has ended") }
            return [articlesIterator()]
        })
        toolkit["args"] = .table(settingsTable())
        toolkit["log"] = .table(logTable())
        toolkit["write"] = .table(writeTable())
        toolkit["kb"] = .table(knowledgeBaseTable())
        try state.setGlobal("toolkit", .table(toolkit))
        let console = self.console
        try state.setGlobal("print", .function(LuaFunction("print") { call in
            var line: [UInt8] = []
            for i in 0..<call.count {
                if i > 0 { line.append(0x09) }
                line += try call.describe(i + 1)
            }
            line.append(0x0A)
            console.out(String(decoding: line, as: UTF8.self))
            return []
        }))
    }

    private func articlesIterator() -> LuaValue {
        articlesRequested = true
        let stream = self.stream
        let entities = self.entities
        // Once the script asks for entities, articles are annotated ahead, in parallel.
        entities.onAnnotator = { annotator, generation in
            stream.enrich(with: ArticleStream.Enrichment(generation: generation) { annotator.annotate($0) })
        }
        let state = self.state
        let perArticle = options.articleTimeout
        return .function(LuaFunction("articles iterator") { [weak self] _ in
            // Waiting for the parser is not the script's time.
            state.endSlice()
            guard let item = try stream.nextItem() else {
                self?.currentArticle = nil
                return [.nil]
            }
            self?.currentArticle = item.article.path
            if let perArticle {
                state.startSlice(seconds: perArticle, message: "time limit per article exceeded on \(item.article.path) (raise it with --article-timeout)")
            }
            return [.object(ArticleObject(item, entities: entities))]
        })
    }

    private func knowledgeBaseTable() -> LuaTable {
        let entities = self.entities
        return [
            "lookup": .function(LuaFunction("lookup") { call in
                let found = try entities.knowledgeBase().lookup(try call.string(1), lang: try call.optionalString(2))
                return [.table(LuaTable(array: found.map(EntityTables.profile)))]
            }),
            "add": .function(LuaFunction("add") { call in
                let profile = try EntityTables.profile(from: try call.table(1), function: "toolkit.kb.add")
                try entities.add(profile)
                return [LuaValue(profile.id)]
            }),
        ]
    }

    private func settingsTable() -> LuaTable {
        var table = LuaTable(array: [])
        for (key, value) in settings.sorted(by: { $0.key < $1.key }) { table[key] = LuaValue(value) }
        return table
    }

    private func logTable() -> LuaTable {
        let console = self.console
        func level(_ name: String) -> LuaValue {
            .function(LuaFunction(name) { call in
                var parts: [String] = []
                for i in 0..<call.count { parts.append(String(decoding: try call.describe(i + 1), as: UTF8.self)) }
                console.err("\(name): \(parts.joined(separator: " "))")
                return []
            })
        }
        return ["info": level("info"), "warn": level("warn"), "error": level("error")]
    }

    private func writeTable() -> LuaTable {
        ["csv": .function(LuaFunction("csv") { [weak self] call in
            guard let self else { throw LuaScriptError("toolkit.write.csv: the run has ended") }
            let nameBytes = try call.bytes(1)
            let name = String(decoding: nameBytes, as: UTF8.self)
            let rows = try call.table(2)
            let options = try call.optionalTable(3)
            var columns: [String]?
            if let spec = options?["columns"], !spec.isNil {
                guard case .table(let list) = spec, list.array.allSatisfy({ $0.stringValue != nil }) else {
                    throw LuaScriptError("toolkit.write.csv: columns must be a list of strings")
                }
                columns = list.array.compactMap(\.stringValue)
            }
            let bytes: [UInt8]
            do {
                // The encoded file is about as large as the rows' copy, which is charged already.
                try call.reserve(call.state.heldBytes)
                bytes = try CSVEncoder.encode(rows: rows, columns: columns)
            } catch let problem as CSVEncoder.Problem {
                throw LuaScriptError("toolkit.write.csv(\"\(name)\"): \(problem.description)")
            }
            let url = try output.write(Data(bytes), toName: nameBytes)
            outputs.append(url)
            return [LuaValue(url.path)]
        })]
    }
}

public enum ToolkitVersion {
    public static let current = "0.1.0"
}
