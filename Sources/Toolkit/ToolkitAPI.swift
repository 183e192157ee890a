import Foundation
import LuaBridge
import NewsKit

/// The `toolkit` table a script sees, bound to one run. See docs/lua-api.md for the contract.
final class ToolkitAPI {
    /// The main state runs the script's top-level code; worker states run report callbacks only.
    enum Role { case main, worker }

    let state: LuaState
    let options: RunOptions
    let settings: [String: String]
    let console: Console
    /// Where `toolkit.articles()` reads; nil on worker states.
    let source: ArticleSource?
    let role: Role
    let output: OutputFolder
    /// The SQLite files this run wrote and their tables: later tables join the same file.
    let sqliteDatabases = SQLiteDatabases()
    let entities: EntityContext
    private(set) var outputs: [URL] = []
    private(set) var articlesRequested = false
    /// The path of the article the script is working on, for error messages.
    private(set) var currentArticle: String?
    /// The run's `toolkit.json.null` (see `JSONModule.nullValue(in:)`).
    var jsonNull: LuaValue?
    /// Under `toolkit plugins test`: what `toolkit.test.case` counted (nil in other runs).
    var testRecorder: PluginTestRecorder?

    /// What reports' `finish` returned, by report name (with `RunOptions.returnsResults`).
    var reportResults: [String: ScriptValue] = [:]

    /// Reports the script and plugins registered, in order.
    private(set) var registeredReports: [ScriptReport] = []
    func addReport(_ report: ScriptReport) { registeredReports.append(report) }

    init(state: LuaState, options: RunOptions, settings: [String: String], console: Console, source: ArticleSource?,
         entities: EntityContext, role: Role = .main)
    {
        self.state = state
        self.entities = entities
        self.options = options
        self.settings = settings
        self.console = console
        self.source = source
        self.role = role
        self.output = OutputFolder(url: options.outputFolder)
    }

    func install() throws {
        try state.register(ArticleObject.luaClass)
        try state.register(WriterObject.luaClass)
        try state.setGlobal("toolkit", .table(try APIReference.toolkitTable(for: self)))
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

    /// `filter` is applied in the stream; `predicate` (a `where` function) here, on each article it
    /// keeps. A pass with a predicate does not annotate ahead: what it leaves out is never annotated.
    func articlesIterator(filter: ArticleFilter? = nil, where predicate: LuaReference? = nil) throws -> LuaValue {
        guard role == .main, let source else {
            throw LuaScriptError("toolkit.articles: not available inside a report's callbacks (the engine hands each article to article(state, article))")
        }
        articlesRequested = true
        // Parsing waits until the script reads a field that needs it: a script that reads only what
        // the records give (titles, ids) reads the corpus without parsing it.
        let stream = try source.newPass(parseAhead: false, filter: filter)
        let parse: (InputRecord) -> Article = { record in
            stream.parseAhead()
            return source.article(from: record)
        }
        let entities = self.entities
        // Once the script asks for entities, articles are annotated ahead, in parallel.
        if predicate == nil {
            entities.onEnrichment = { stream.enrich(with: $0) }
        }
        let state = self.state
        let perArticle = options.articleTimeout
        let pass = PassHandle(stream)
        return .function(LuaFunction("articles iterator") { [weak self] call in
            while true {
                // Waiting for the parser is not the script's time.
                state.endSlice()
                guard let item = try pass.stream.nextItem() else {
                    self?.currentArticle = nil
                    return [.nil]
                }
                self?.currentArticle = item.article.path
                if let perArticle {
                    state.startSlice(seconds: perArticle, message: "time limit per article exceeded on \(item.article.path) (raise it with --article-timeout)")
                }
                let article = ArticleObject(item, entities: entities, parse: parse)
                if let predicate {
                    let kept = try call.call(predicate, [.object(article)]).first ?? .nil
                    if kept == .nil || kept == .boolean(false) { continue }
                }
                return [.object(article)]
            }
        })
    }

    /// Writes one output file into the output folder and remembers it for the run's summary.
    func write(_ data: Data, toName name: [UInt8]) throws -> URL {
        let file = try open(name)
        do {
            try data.withUnsafeBytes { try file.append($0) }
        } catch {
            file.discard()
            throw error
        }
        return finished(try file.commit())
    }

    /// Opens an output file to be written piece by piece; `finished(_:)` records it once committed.
    func open(_ name: [UInt8]) throws -> OutputFile {
        guard role == .main else {
            throw LuaScriptError("toolkit.write: reports write in finish(state, out), which runs once at the end; init, article and merge only build the state")
        }
        return try output.open(name)
    }

    /// Records a committed output (once: a database written by several calls is one output).
    @discardableResult
    func finished(_ url: URL) -> URL {
        if !outputs.contains(url) { outputs.append(url) }
        if let writer = currentWriter, !(outputsByWriter[writer] ?? []).contains(url) { outputsByWriter[writer, default: []].append(url) }
        return url
    }

    /// Who writes now (`report 'x'`, from `outputTable(for:)`; nil: the script) and what each wrote, for `--verbose`.
    private var currentWriter: String?
    private(set) var outputsByWriter: [String: [URL]] = [:]

    /// Writers of `toolkit.write.open` not closed yet, in the order they were opened.
    private var openWriters: [WriterObject] = []
    func opened(_ writer: WriterObject) { openWriters.append(writer) }
    func closed(_ writer: WriterObject) { openWriters.removeAll { $0 === writer } }

    /// At the end of a script that succeeded: what it left open is closed, and said.
    func closeOpenWriters() throws {
        for writer in openWriters {
            let url = try writer.close()
            console.err("toolkit: \(url.path) was still open when the script ended; it was closed then (call writer:close())")
        }
    }

    /// At the end of a script that failed: what it left open is removed.
    func discardOpenWriters() {
        for writer in openWriters { writer.discard() }
    }

    /// The `out` table a report's `finish` receives: the declared `toolkit.write` functions of this
    /// run (`out.csv` is `toolkit.write.csv`). `owner` names who writes, for the lead's messages.
    func outputTable(for owner: String) -> LuaTable {
        currentWriter = owner
        var table = LuaTable(array: [])
        for function in WriteModule.module.functions {
            table[String(function.name.split(separator: ".").last!)] = .function(function.luaFunction(in: self))
        }
        return table
    }
}

public enum ToolkitVersion {
    public static let current = "0.1.0"
}
