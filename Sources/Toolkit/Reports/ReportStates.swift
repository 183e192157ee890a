import Foundation
import LuaBridge

/// What a run does with its reports' states instead of (or before) finishing them: the map and
/// merge halves of a report run split across processes or machines (docs/scale.md).
public enum ReportStateMode: Sendable, Equatable {
    /// `toolkit run SCRIPT --map-state OUT CORPUS`: the states after the corpus, written to OUT;
    /// `finish` does not run.
    case map(to: URL)
    /// `toolkit merge SCRIPT STATE...`: the states read from the files and merged in their order,
    /// then finished; with `to`, written there instead (a step of a tree of merges).
    case merge(from: [String], to: URL?)
}

/// One state file: the states of a script's reports after some consecutive articles of a corpus,
/// with what their callbacks printed, as one line of JSON:
///
///     {"format":"toolkit-report-states","version":1,"toolkit":"0.1.0","script":"cooccurrence.lua",
///      "articles":639,"printed":"","reports":[{"name":"cooccurrence","state":{...}}]}
///
/// States are written as `ReportStateJSON` says.
struct ReportStates {
    static let format = "toolkit-report-states"
    static let version: Int64 = 1

    /// The script as it was named when the file was made (for people reading the file).
    var script: String
    var toolkit = ToolkitVersion.current
    var articles: Int
    /// What the report callbacks printed over these articles, in corpus order.
    var printed: String
    var states: [(report: String, value: LuaValue)]

    func encoded() throws(ReportStateJSON.Problem) -> [UInt8] {
        var out: [UInt8] = []
        func member(_ name: String, _ text: String) {
            out += Array("\"\(name)\":".utf8)
            try? LuaJSONEncoder.string(Array(text.utf8), path: name, into: &out)
            out.append(UInt8(ascii: ","))
        }
        out.append(UInt8(ascii: "{"))
        member("format", ReportStates.format)
        out += Array("\"version\":\(ReportStates.version),".utf8)
        member("toolkit", toolkit)
        member("script", script)
        out += Array("\"articles\":\(articles),".utf8)
        member("printed", printed)
        out += Array("\"reports\":[".utf8)
        for (i, state) in states.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out += Array("{\"name\":".utf8)
            try? LuaJSONEncoder.string(Array(state.report.utf8), path: "name", into: &out)
            out += Array(",\"state\":".utf8)
            try ReportStateJSON.encode(state.value, path: "report '\(state.report)': the state", into: &out)
            out.append(UInt8(ascii: "}"))
        }
        out += Array("]}\n".utf8)
        return out
    }

    /// Writes the file whole or not at all (a temporary file beside it, then renamed).
    func write(to url: URL) throws {
        let bytes: [UInt8]
        do {
            bytes = try encoded()
        } catch {
            throw ToolkitError.script(message: "\(error.message); keep plain data in the state", traceback: "")
        }
        do {
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw ToolkitError.output("\(url.path): cannot write the report states (\(error.localizedDescription)); check that the folder exists and is writable")
        }
    }

    /// Reads a state file; `shownAs` names it in messages.
    static func read(_ path: String) throws -> ReportStates {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ToolkitError.noReadableInput("\(path): cannot read the report states (\(error.localizedDescription)); give a file written by toolkit run --map-state")
        }
        return try decode(Array(data), shownAs: path)
    }

    static func decode(_ bytes: [UInt8], shownAs name: String) throws -> ReportStates {
        func bad(_ why: String) -> ToolkitError {
            .noReadableInput("\(name): \(why); give a file written by toolkit run --map-state")
        }
        var decoder = LuaJSONDecoder(bytes, null: .nil)
        let json: LuaValue
        do {
            json = try decoder.decode()
        } catch {
            throw bad("not JSON (\(error.message))")
        }
        guard case .table(let top) = json, top["format"].stringValue == format else {
            throw bad("not a report state file (it has no \"format\": \"\(format)\")")
        }
        guard let version = top["version"].intValue, version <= ReportStates.version else {
            throw bad("made by a newer toolkit (state format version \(top["version"].intValue.map(String.init) ?? "?"), this toolkit reads \(ReportStates.version))")
        }
        guard let script = top["script"].stringValue, let toolkit = top["toolkit"].stringValue,
              let articles = top["articles"].intValue, let printed = top["printed"].stringValue,
              case .table(let list) = top["reports"], list.fields.isEmpty
        else {
            throw bad("a field of the header is missing or of the wrong type (script, toolkit, articles, printed, reports)")
        }
        var states: [(report: String, value: LuaValue)] = []
        for (i, entry) in list.array.enumerated() {
            guard case .table(let report) = entry, let name = report["name"].stringValue, !report["state"].isNil else {
                throw bad("reports[\(i + 1)] must be {\"name\": ..., \"state\": ...}")
            }
            do {
                states.append((name, try ReportStateJSON.decode(report["state"], path: "report '\(name)': the state")))
            } catch {
                throw bad(error.message)
            }
        }
        return ReportStates(script: script, toolkit: toolkit, articles: Int(articles), printed: printed, states: states)
    }
}
