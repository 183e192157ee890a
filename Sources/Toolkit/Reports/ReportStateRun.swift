import Foundation
import LuaBridge

/// The two halves of a report run split across processes or machines (docs/scale.md): the map
/// half runs the reports over the articles it is given and writes their states; the merge half
/// reads states, merges them in the order given with the reports' `merge`, and finishes. For a
/// report whose `merge` is associative with `init()` as its identity (what running on workers
/// already asks), map on consecutive parts of a corpus and merge in their order give what one
/// run over the whole corpus gives.
extension ScriptRunner {
    func runReportStates(_ mode: ReportStateMode, reports: [ScriptReport], runner: ReportRunner, source: ArticleSource,
                         api: ToolkitAPI) throws
    {
        let command: String
        switch mode {
        case .map: command = "toolkit run --map-state"
        case .merge: command = "toolkit merge"
        }
        // A loop in the script's own code would see a part of the corpus (map) or none (merge):
        // a quietly wrong answer either way.
        if api.articlesRequested {
            throw ToolkitError.usage("\(command): \(options.script) reads articles in its own code (toolkit.articles); only reports with merge can run on parts of a corpus: move the loop into a report's article(state, article)")
        }
        guard !reports.isEmpty else {
            throw ToolkitError.usage("\(command): \(options.script) registers no report; register one with toolkit.report{ name, init, article, merge, finish }")
        }
        let unmergeable = reports.filter { $0.merge == nil }
        guard unmergeable.isEmpty else {
            let names = unmergeable.map { "'\($0.name)' (\($0.origin))" }.joined(separator: ", ")
            throw ToolkitError.usage("\(command): report\(unmergeable.count == 1 ? "" : "s") \(names) \(unmergeable.count == 1 ? "has" : "have") no merge function, so \(unmergeable.count == 1 ? "its state" : "their states") cannot be combined from parts of the corpus; give \(unmergeable.count == 1 ? "it" : "each") merge(a, b), or run the script without splitting the corpus")
        }
        switch mode {
        case .map(let url):
            var printed = ""
            runner.printed = { printed += $0 }
            let states = try runner.accumulate(reports, stream: try source.newPass())
            try ReportStates(script: options.script, articles: source.count, printed: printed,
                             states: try copies(of: states, reports: reports, on: runner.main)).write(to: url)
        case .merge(let paths, let url):
            var merged: [LuaReference?] = Array(repeating: nil, count: reports.count)
            var articles = 0, printed = ""
            for path in paths {
                let part = try ReportStates.read(path)
                try check(part, from: path, against: reports)
                articles += part.articles
                if url == nil { console.out(part.printed) } else { printed += part.printed }
                for (i, report) in reports.enumerated() {
                    let value = part.states.first { $0.report == report.name }!.value
                    let next: LuaReference
                    do {
                        next = try runner.main.reference(to: value)
                    } catch let error as LuaError {
                        throw ToolkitError.script(message: "\(path): report '\(report.name)': the state cannot be made in Lua: \(error.message)", traceback: "")
                    }
                    merged[i] = try merged[i].map { try runner.mergedState(of: report, $0, next) } ?? next
                }
            }
            let states = try zip(reports, merged).map { report, state in try state ?? runner.initialState(of: report, on: runner.main) }
            if let url {
                try ReportStates(script: options.script, articles: articles, printed: printed,
                                 states: try copies(of: states, reports: reports, on: runner.main)).write(to: url)
            } else {
                for (report, state) in zip(reports, states) { try runner.finish(report, state: state) }
            }
        }
    }

    /// The states copied out of Lua, each named by its report.
    private func copies(of states: [LuaReference], reports: [ScriptReport], on main: LuaState) throws -> [(report: String, value: LuaValue)] {
        try zip(reports, states).map { report, state in
            do {
                return (report.name, try main.value(of: state))
            } catch let error as LuaError {
                throw ToolkitError.script(message: "report '\(report.name)': the state cannot be written: \(error.message); keep plain data (tables, strings, numbers, booleans) in it", traceback: "")
            }
        }
    }

    /// A state file must hold exactly the reports the script registers.
    private func check(_ part: ReportStates, from path: String, against reports: [ScriptReport]) throws {
        let names = reports.map(\.name), found = part.states.map(\.report)
        let registered = names.map { "'\($0)'" }.joined(separator: ", ")
        if let extra = found.first(where: { !names.contains($0) }) {
            throw ToolkitError.usage("\(path): holds the state of report '\(extra)', which \(options.script) does not register (it registers \(registered)); merge states made by the same script")
        }
        if let missing = names.first(where: { !found.contains($0) }) {
            throw ToolkitError.usage("\(path): has no state of report '\(missing)', which \(options.script) registers; make the states with the same script and plugins")
        }
        if part.toolkit != ToolkitVersion.current {
            console.err("toolkit: warning: \(path) was made by toolkit \(part.toolkit), this is \(ToolkitVersion.current); its articles may have been read differently")
        }
    }
}
