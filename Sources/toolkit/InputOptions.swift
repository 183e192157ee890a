import ArgumentParser
import Toolkit

/// How every command that reads a corpus (run, report, lua, parse, entities) reads it.
/// `--input-format`: one reader for all inputs whatever their names, folders searched for every
/// file (`--format` names what parse and entities print, hence the longer name).
/// `--learn-boilerplate`: a site's repeated lines learnt over the whole corpus first.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("input-format"), help: ArgumentHelp("How inputs are read: auto (by each file's name: *.txt, *.jsonl, *.html, *.warc ...; standard input by its first bytes), or txt, jsonl, html or warc for every file named, every file found in the folders named, and standard input. Example: --input-format html", valueName: "format"), completion: .list(InputFormat.allCases.map(\.rawValue)))
    var value: String = "auto"

    @Flag(name: .customLong("learn-boilerplate"), help: ArgumentHelp("Before parsing, read the corpus's JSON Lines once and type as boilerplate every short line found in at least 5 articles and 2% of the articles of one source (its source field, else its URL's host): a site's app notices and slogans that no marker names. What is learnt depends on the whole corpus, so it is off by default, and not available with --map-state or from standard input."))
    var learnBoilerplate = false

    func validate() throws {
        do { _ = try InputFormat(option: value) } catch { throw ValidationError("--input-format: \(error)") }
    }

    var format: InputFormat { (try? InputFormat(option: value)) ?? .auto }
}
