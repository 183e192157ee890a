import Foundation
import LuaBridge
import NewsKit

/// Runs a script's registered reports over the corpus once its top-level code has run. Reports
/// with `merge` run on `jobs` worker states in parallel: the corpus is cut into batches of
/// consecutive articles, each batch gets a fresh `init()` state, and the batch states are merged
/// on the main state in corpus order, so the result is the same for any number of workers. The
/// callbacks reach the workers by `LuaTransfer` (the script's top-level code runs once, on the
/// main state). Reports without `merge` run on the main state, in one pass.
final class ReportRunner {
    static let batchSize = 64

    let main: LuaState
    let api: ToolkitAPI
    let jobs: Int
    let makeWorker: (Int) throws -> ReportWorker
    /// Where what the callbacks print on workers goes, in corpus order: the console, or with
    /// `--map-state` the state file (`toolkit merge` prints it in order).
    var printed: ((String) -> Void)?

    init(main: LuaState, api: ToolkitAPI, jobs: Int, makeWorker: @escaping (Int) throws -> ReportWorker) {
        self.main = main
        self.api = api
        self.jobs = max(1, jobs)
        self.makeWorker = makeWorker
    }

    /// Runs every report in `reports` over a new pass of the corpus.
    func run(_ reports: [ScriptReport], source: ArticleSource) throws {
        let parallel = reports.filter { $0.merge != nil }
        let sequential = reports.filter { $0.merge == nil }
        if !parallel.isEmpty {
            let states = try accumulate(parallel, stream: try source.newPass())
            for (report, state) in zip(parallel, states) { try finish(report, state: state) }
        }
        if !sequential.isEmpty { try runSequential(sequential, stream: try source.newPass()) }
    }

    // MARK: One state

    private func runSequential(_ reports: [ScriptReport], stream: ArticleStream) throws {
        defer { stream.stop() }
        var states = try reports.map { try initialState(of: $0, on: main) }
        while let item = try stream.nextItem() {
            let article = ArticleObject(item, entities: api.entities)
            for (i, report) in reports.enumerated() {
                states[i] = try add(article, path: item.article.path, to: states[i], of: report, on: main)
            }
        }
        for (i, report) in reports.enumerated() { try finish(report, state: states[i]) }
    }

    // MARK: Workers

    /// The states of `reports` over the whole stream: batch states made on the workers, merged in
    /// corpus order on the main state.
    func accumulate(_ reports: [ScriptReport], stream: ArticleStream) throws -> [LuaReference] {
        defer { stream.stop() }
        let queue = BatchQueue()
        var workers: [ReportWorker] = []
        defer {
            queue.cancel()
            for worker in workers { worker.join() }
        }
        for index in 0..<jobs {
            let worker = try makeWorker(index)
            try worker.prepare(reports, from: main, extractors: api.entities.extractors.all)
            workers.append(worker)
        }
        for worker in workers { worker.start(queue) }

        var accumulated: [LuaReference?] = Array(repeating: nil, count: reports.count)
        var submitted = 0, merged = 0
        func mergeNext() throws {
            let result = queue.result(merged)
            merged += 1
            if !result.output.isEmpty { (printed ?? api.console.out)(result.output) }
            if let failure = result.failure {
                if failure is LuaError || failure is ToolkitError { throw failure }
                throw ToolkitError.script(message: "\(failure)", traceback: "")
            }
            for (i, report) in reports.enumerated() {
                let part = try main.reference(to: result.states[i].value)
                accumulated[i] = try accumulated[i].map { try mergedState(of: report, $0, part) } ?? part
            }
        }
        var items: [ArticleStream.Item] = []
        func submit() throws {
            queue.submit(Batch(sequence: submitted, items: items))
            submitted += 1
            items.removeAll(keepingCapacity: true)
            // Bounded memory: at most two batches per worker in flight.
            while submitted - merged > 2 * jobs { try mergeNext() }
            while merged < submitted, queue.hasResult(merged) { try mergeNext() }
        }
        while let item = try stream.nextItem() {
            items.append(item)
            if items.count == ReportRunner.batchSize { try submit() }
        }
        if !items.isEmpty { try submit() }
        queue.close()
        while merged < submitted { try mergeNext() }
        return try zip(reports, accumulated).map { report, state in try state ?? initialState(of: report, on: main) }
    }

    // MARK: Callbacks

    /// `merge(sofar, next)` on the main state: its result, or `sofar` changed in place.
    func mergedState(of report: ScriptReport, _ sofar: LuaReference, _ next: LuaReference) throws -> LuaReference {
        try callback(report, "merge", article: nil) {
            try main.callKeepingResult(report.merge!, [.reference(sofar), .reference(next)])
        } ?? sofar
    }

    func initialState(of report: ScriptReport, on state: LuaState) throws -> LuaReference {
        guard let made = try callback(report, "init", article: nil, { try state.callKeepingResult(report.initial) }) else {
            throw ToolkitError.script(message: "\(report.origin): report '\(report.name)': init() returned nil; return the empty state, like {}", traceback: "")
        }
        return made
    }

    private func add(_ article: ArticleObject, path: String, to current: LuaReference, of report: ScriptReport, on state: LuaState) throws -> LuaReference {
        if let seconds = api.options.articleTimeout {
            state.startSlice(seconds: seconds, message: "time limit per article exceeded on \(path) (raise it with --article-timeout)")
        }
        defer { state.endSlice() }
        return try callback(report, "article", article: path) {
            try state.callKeepingResult(report.article, [.reference(current), .object(article)])
        } ?? current
    }

    func finish(_ report: ScriptReport, state: LuaReference) throws {
        guard let finish = report.finish else { return }
        let out = api.outputTable(for: "report '\(report.name)'")
        let returned = try callback(report, "finish", article: nil) { try main.callKeepingResult(finish, [.reference(state), .table(out)]) }
        if api.options.returnsResults, let returned {
            api.reportResults[report.name] = try ScriptValue(try main.value(of: returned), path: "report '\(report.name)': finish's result")
        }
    }

    /// Runs one callback, naming the report, the callback and the article in an error.
    private func callback<T>(_ report: ScriptReport, _ name: String, article: String?, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as LuaError {
            throw ReportRunner.failure(error, report: report, callback: name, article: article)
        }
    }

    static func failure(_ error: LuaError, report: ScriptReport, callback: String, article: String?) -> Error {
        if error.kind == .interrupted { return error }
        let place = article.map { " on article \($0)" } ?? ""
        return LuaError(kind: error.kind, message: "\(error.message) (in report '\(report.name)', \(callback)\(place))", traceback: error.traceback)
    }
}

/// Consecutive articles handed to one worker.
struct Batch: Sendable {
    var sequence: Int
    var items: [ArticleStream.Item]
}

/// What a worker made of a batch: one state per report (plain data), what it printed, or why it failed.
struct BatchResult: @unchecked Sendable {
    var sequence: Int
    var states: [PlainLuaValue]
    var output: String
    var failure: Error?
}

/// A Lua value that holds only tables, strings, numbers and booleans, so it can leave the thread
/// of the state it came from.
struct PlainLuaValue: @unchecked Sendable {
    let value: LuaValue

    init(_ value: LuaValue, path: String) throws {
        try PlainLuaValue.check(value, path: path)
        self.value = value
    }

    private static func check(_ value: LuaValue, path: String) throws {
        switch value {
        case .nil, .boolean, .integer, .number, .string: return
        case .table(let t):
            for (i, element) in t.array.enumerated() { try check(element, path: "\(path)[\(i + 1)]") }
            for (key, element) in t.fields {
                try check(key, path: "\(path) (a key)")
                try check(element, path: path + (key.stringValue.map { ".\($0)" } ?? "[\(key.typeName)]"))
            }
        default:
            throw LuaScriptError("\(path) is a \(value.typeName): a report's state must hold only tables, strings, numbers and booleans, so that the engine can merge the states of its workers")
        }
    }
}

/// Batches waiting for workers and results waiting to be merged.
final class BatchQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [Batch] = []
    private var results: [Int: BatchResult] = [:]
    private var closed = false

    func submit(_ batch: Batch) {
        condition.lock()
        pending.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch for a worker, or nil when there will be none.
    func take() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty && !closed { condition.wait() }
        return pending.isEmpty ? nil : pending.removeFirst()
    }

    func put(_ result: BatchResult) {
        condition.lock()
        results[result.sequence] = result
        condition.broadcast()
        condition.unlock()
    }

    func hasResult(_ sequence: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return results[sequence] != nil
    }

    /// Waits for the result of a batch.
    func result(_ sequence: Int) -> BatchResult {
        condition.lock()
        defer { condition.unlock() }
        while results[sequence] == nil { condition.wait() }
        return results.removeValue(forKey: sequence)!
    }

    /// No more batches will come.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Workers stop after their current batch.
    func cancel() {
        condition.lock()
        closed = true
        pending.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
