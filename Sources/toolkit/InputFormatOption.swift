import ArgumentParser
import Toolkit

/// `--input-format`, for every command that reads a corpus (run, report, lua, parse, entities): one
/// reader for all inputs whatever their names, folders searched for every file. (`--format` names
/// what parse and entities print, hence the longer name.)
struct InputFormatOption: ParsableArguments {
    @Option(name: .customLong("input-format"), help: ArgumentHelp("How inputs are read: auto (by each file's name: *.txt, *.jsonl, *.html, *.warc ...; standard input by its first bytes), or txt, jsonl, html or warc for every file named, every file found in the folders named, and standard input. Example: --input-format html", valueName: "format"), completion: .list(InputFormat.allCases.map(\.rawValue)))
    var value: String = "auto"

    func validate() throws {
        do { _ = try InputFormat(option: value) } catch { throw ValidationError("--input-format: \(error)") }
    }

    var format: InputFormat { (try? InputFormat(option: value)) ?? .auto }
}
