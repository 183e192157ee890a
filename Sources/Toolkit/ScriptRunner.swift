import Foundation
import LuaBridge
import NewsKit
import BundledData

/// What a finished run reports.
public struct RunSummary: Sendable {
    public var articles: Int
    public var outputs: [URL]
    public var warnings: Int
    /// What the script's top-level code returned, with `RunOptions.returnsResults`.
    public var results: [ScriptValue] = []
    /// What each report's `finish` returned, by report name, with `RunOptions.returnsResults`.
    public var reportResults: [String: ScriptValue] = [:]
}

/// Runs one analyst script over a corpus: resolves the inputs, makes a sandboxed Lua state with the
/// `toolkit` API, streams articles to it and writes its outputs into the output folder.
public final class ScriptRunner {
    public let options: RunOptions
    let console: Console
    /// Runs in place of the script file (`toolkit lua`), once the API and the plugins are loaded and
    /// before the registered reports run.
    var body: ((LuaState, ToolkitAPI) throws -> Void)?
    /// `toolkit plugins test`: counts the file's `toolkit.test.case`s; registered reports do not run.
    var testRecorder: PluginTestRecorder?

    public init(options: RunOptions, console: Console = .standard) {
        self.options = options
        self.console = console
    }

    public func run() throws -> RunSummary {
        if options.learnBoilerplate, case .map? = options.reportStates {
            throw ToolkitError.usage("--learn-boilerplate cannot be used with --map-state: each part of a split corpus would learn different lines, and the merged report would depend on how it was split; learn in one run over the whole corpus, or name the lines in a plugin's markers (docs/plugins.md)")
        }
        var code: Data?
        if let text = options.code, options.report == nil && body == nil {
            code = Data(text.utf8)
        } else if options.report == nil && body == nil {
            do {
                code = try Data(contentsOf: URL(fileURLWithPath: options.script))
            } catch {
                throw ToolkitError.usage("\(options.script): cannot read the script (\(error.localizedDescription)); give the path of a .lua file")
            }
        }
        var results: [ScriptValue] = []
        let requires = try code.map { try PluginRequirement.declared(inScript: Array($0), shownAs: options.script) } ?? []
        var plugins = try PluginCatalog.discover(extra: options.pluginFolders, selection: options.pluginSelection, requires: requires,
                                                  report: options.report)
        plugins.compiledTablesFolder = options.cacheFolder.map(ArticleCache.compiledTables(in:))
        let arguments = try PluginArguments(settings: options.settings, catalog: plugins)
        let corpus = try resolveCorpus()
        let warnings = WarningCounter(console: console)
        let reader = try LazyArticleReader(plugins: plugins, warn: { warnings.report($0) })
        let inputs = InputSummary(console: console)
        let learning = SourceBoilerplateLearning.requested(options.learnBoilerplate, corpus: corpus, warn: { warnings.report($0) })
        let source = ArticleSource(corpus: corpus, reader: reader, strict: options.strict, inputs: inputs, filter: options.filter,
                                   sourceBoilerplate: learning)
        defer { source.stopAll() }

        let lua: LuaState
        do {
            lua = try LuaState(limits: options.limits)
        } catch {
            throw ToolkitError.script(message: "cannot start Lua: \(error)", traceback: "")
        }
        let settings = arguments.script
        let entities = EntityContext(plugins: plugins, warn: { warnings.report($0) })
        entities.extractors.budget = options.limits
        let aids = CacheAndProgress(options: options, plugins: plugins, corpus: corpus, console: console)
        aids.attach(to: source, entities: entities)
        defer { aids.finish() }
        let trace = options.verbose ? RunTrace() : nil
        entities.extractors.trace = trace
        if trace != nil { for line in RunTrace.pluginLines(plugins) { console.err("toolkit: " + line) } }
        var reportSeconds: Double?
        let api = ToolkitAPI(state: lua, options: options, settings: settings, console: console, source: source,
                             entities: entities)
        api.testRecorder = testRecorder
        try api.install()
        ProcessGuard.running(lua)
        defer {
            ProcessGuard.finished(lua)
            lua.close()
        }
        do {
            try PluginLoader(state: lua, api: api).load(plugins, arguments: arguments)
            if let body {
                try body(lua, api)
            } else if let code {
                let returned = try lua.run(Array(code), chunkName: "@" + options.script)
                if options.returnsResults {
                    results = try returned.enumerated().map { try ScriptValue($1, path: "\(options.script): result \($0 + 1)") }
                }
            }
            let reports = testRecorder == nil ? try reportsToRun(api.registeredReports) : []
            let reportsStarted = ContinuousClock.now
            if !reports.isEmpty || options.reportStates != nil {
                let workers = WorkerFactory(main: lua, options: options, settings: settings, console: console,
                                            entities: entities.forWorkers(warn: { warnings.report($0) }), trace: trace)
                let runner = ReportRunner(main: lua, api: api, jobs: options.jobs, makeWorker: workers.make)
                if let mode = options.reportStates {
                    try runReportStates(mode, reports: reports, runner: runner, source: source, api: api)
                } else {
                    try runner.run(reports, source: source)
                }
            }
            reportSeconds = reports.isEmpty ? nil : RunTrace.seconds(since: reportsStarted)
            try api.closeOpenWriters()
        } catch let error as LuaError {
            api.discardOpenWriters()
            // Under --strict the articles iterator raised the input problem: exit 3, as that problem.
            if let stop = source.strictStop { throw ToolkitError.noReadableInput(stop.strictMessage) }
            throw failure(error, article: api.currentArticle, articles: source.count, outputs: api.outputs)
        }
        if let stop = source.strictStop { throw ToolkitError.noReadableInput(stop.strictMessage) }
        if api.articlesRequested && source.count == 0 && inputs.skipped > 0 {
            throw ToolkitError.noReadableInput("no article could be read: \(inputs.skipReasons)")
        }
        if api.articlesRequested, let line = inputs.line(articles: source.count) { console.err(line) }
        if let filter = options.filter, !filter.isEmpty, source.count + source.leftOut > 0 {
            console.err("toolkit: the filters (\(filter.description)) kept \(InputSummary.grouped(source.count)) article(s) and left out \(InputSummary.grouped(source.leftOut))")
        }
        if let trace {
            let reports = api.registeredReports.filter { report in options.report.map { $0 == report.name } ?? true }
            for line in trace.summary(catalog: plugins, extractors: entities.extractors.all, reports: reports,
                                      reportOutputs: api.outputsByWriter.reduce(into: [:]) { $0[String($1.key.dropFirst("report '".count).dropLast())] = $1.value },
                                      reportSeconds: reportSeconds) {
                console.err("toolkit: " + line)
            }
        }
        return RunSummary(articles: source.count, outputs: api.outputs, warnings: warnings.count + inputs.warnings,
                          results: results, reportResults: api.reportResults)
    }

    /// The one line a failed script ends with: where it failed and, inside the article loop, on
    /// which article; an interruption says what was kept.
    private func failure(_ error: LuaError, article: String?, articles: Int, outputs: [URL]) -> ToolkitError {
        if error.kind == .interrupted {
            let signal = ProcessGuard.signalReceived ?? SIGINT
            let kept = outputs.isEmpty ? "no output was written" : "\(outputs.count) output(s) written before it are complete"
            let place = error.location.map { " at \($0.chunk):\($0.line)" } ?? ""
            return .interrupted("interrupted (\(ProcessGuard.signalName(signal)))\(place) after \(articles) article(s); \(kept)", signal: signal)
        }
        var message = error.message
        if let article, !message.contains(article) { message += " (while reading article \(article))" }
        return .script(message: message, traceback: error.traceback)
    }

    /// All registered reports after a script; with `toolkit report NAME`, the one named.
    private func reportsToRun(_ registered: [ScriptReport]) throws -> [ScriptReport] {
        guard let name = options.report else { return registered }
        guard let report = registered.first(where: { $0.name == name }) else {
            let known = registered.map { "\($0.name) (\($0.origin))" }
            throw ToolkitError.usage("no report named '\(name)'; the loaded plugins register \(known.isEmpty ? "none" : known.joined(separator: ", ")) (add a plugin with --plugin DIR)")
        }
        return [report]
    }

    /// Makes the Lua states of parallel report workers: the run's limits (the time left of the
    /// run's), the toolkit API in worker role, `print` kept per batch.
    private struct WorkerFactory {
        let main: LuaState
        let options: RunOptions
        let settings: [String: String]
        let console: Console
        let entities: @Sendable () -> EntityContext
        let trace: RunTrace?
        let started = Date()

        func make(_ index: Int) throws -> ReportWorker {
            var limits = options.limits
            if let seconds = limits.seconds { limits.seconds = max(0.001, seconds - Date().timeIntervalSince(started)) }
            let state = try LuaState(limits: limits)
            let printed = PrintedText()
            let workerConsole = Console(out: { printed.append($0) }, err: console.err)
            let context = entities()
            context.extractors.budget = options.limits
            context.extractors.trace = trace
            let api = ToolkitAPI(state: state, options: options, settings: settings, console: workerConsole, source: nil,
                                 entities: context, role: .worker)
            try api.install()
            return ReportWorker(state: state, api: api, printed: printed)
        }
    }

    private func resolveCorpus() throws -> Corpus {
        // `toolkit merge` reads states, not articles.
        if case .merge = options.reportStates { return Corpus(inputs: []) }
        if !options.corpus.isEmpty {
            var corpus = try Corpus.resolve(options.corpus, format: options.inputFormat)
            corpus.records = options.articles
            return corpus
        }
        if !options.articles.isEmpty { return Corpus(inputs: [], records: options.articles) }
        guard let sample = BundledData.seeds else {
            throw ToolkitError.noReadableInput("no corpus given and the bundled sample corpus is missing; name files or folders to read")
        }
        let corpus = Corpus(inputs: Corpus.files(under: sample, shownAs: "seeds"))
        console.err("toolkit: no corpus given; reading the \(corpus.inputs.count) bundled sample articles")
        return corpus
    }
}

/// Counts and prints warnings (bad lines, undecodable bytes) as they come, from any thread.
final class WarningCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    private let console: Console

    init(console: Console) { self.console = console }

    func report(_ message: String) {
        lock.lock()
        n += 1
        lock.unlock()
        console.err("toolkit: warning: \(message)")
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return n
    }
}
