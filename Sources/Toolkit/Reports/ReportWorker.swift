import Foundation
import LuaBridge
import NewsKit

/// One worker of a parallel report run: its own Lua state with the toolkit API in worker role,
/// the script's globals, reports' callbacks and extractors copied from the main state, and a
/// thread that turns batches of articles into report states.
final class ReportWorker: @unchecked Sendable {
    let state: LuaState
    let api: ToolkitAPI
    private let printed: PrintedText
    private var reports: [ScriptReport] = []
    private let done = DispatchSemaphore(value: 0)
    private var started = false

    init(state: LuaState, api: ToolkitAPI, printed: PrintedText) {
        self.state = state
        self.api = api
        self.printed = printed
    }

    /// Copies what the callbacks need from the main state. Runs on the main thread.
    func prepare(_ reports: [ScriptReport], from main: LuaState, extractors: [ScriptExtractor]) throws {
        let transfer = LuaTransfer(from: main, to: state)
        do {
            try transfer.copyMissingGlobals()
            self.reports = try reports.map {
                ScriptReport(name: $0.name, initial: try transfer.copy($0.initial), article: try transfer.copy($0.article),
                             merge: nil, finish: nil, origin: $0.origin)
            }
            for extractor in extractors {
                api.entities.extractors.add(ScriptExtractor(
                    name: extractor.name, kinds: extractor.kinds, languages: extractor.languages,
                    extract: try transfer.copy(extractor.extract), origin: extractor.origin))
            }
        } catch let error as LuaError {
            throw ToolkitError.script(message: "cannot hand the reports to the workers: \(error.message) (use --jobs 1, or keep the values report callbacks use plain)", traceback: "")
        }
    }

    func start(_ queue: BatchQueue) {
        started = true
        ProcessGuard.running(state)
        let thread = Thread { [self] in
            while let batch = queue.take() { queue.put(process(batch)) }
            done.signal()
        }
        thread.name = "toolkit.report"
        thread.start()
    }

    /// Waits for the thread to finish its last batch.
    func join() {
        guard started else { return }
        done.wait()
        started = false
        ProcessGuard.finished(state)
    }

    private func process(_ batch: Batch) -> BatchResult {
        var result = BatchResult(sequence: batch.sequence, states: [], output: "", failure: nil)
        var current: [LuaReference] = []
        var path: String?
        var callbackName = "init"
        var index = 0
        do {
            for report in reports {
                guard let made = try state.callKeepingResult(report.initial) else {
                    throw ToolkitError.script(message: "\(report.origin): report '\(report.name)': init() returned nil; return the empty state, like {}", traceback: "")
                }
                current.append(made)
            }
            callbackName = "article"
            for item in batch.items {
                path = item.article.path
                let article = ArticleObject(item, entities: api.entities)
                if let seconds = api.options.articleTimeout {
                    state.startSlice(seconds: seconds, message: "time limit per article exceeded on \(item.article.path) (raise it with --article-timeout)")
                }
                for (i, report) in reports.enumerated() {
                    index = i
                    if let next = try state.callKeepingResult(report.article, [.reference(current[i]), .object(article)]) {
                        current[i] = next
                    }
                }
                state.endSlice()
            }
            path = nil
            for (i, report) in reports.enumerated() {
                index = i
                callbackName = "state"
                result.states.append(try PlainLuaValue(try state.value(of: current[i]), path: "report '\(report.name)': the state"))
            }
        } catch let error as LuaError {
            result.failure = reports.indices.contains(index)
                ? ReportRunner.failure(error, report: reports[index], callback: callbackName, article: path) : error
        } catch {
            result.failure = error
        }
        result.output = printed.take()
        return result
    }
}

/// What `print` writes on a worker: kept per batch and printed by the main thread in corpus order.
final class PrintedText: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""

    func append(_ more: String) {
        lock.lock()
        text += more
        lock.unlock()
    }

    func take() -> String {
        lock.lock()
        defer { lock.unlock() }
        let all = text
        text = ""
        return all
    }
}
