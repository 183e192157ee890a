import ArgumentParser
import Toolkit

struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what the core understood of articles: typed blocks and fields.",
        discussion: """
            The text format lists every block (title, lede, dateline, byline, source, heading, paragraph,
            caption, credit, related, boilerplate) with its byte offsets, the marker that classified it
            and the quotes found. The json format prints one object per article (JSON Lines) with the
            fields of the Lua API and the blocks.

            Examples:
              toolkit parse seeds/001_*.txt
              toolkit parse seeds/ --format json > parsed.jsonl
              toolkit parse ../shared/corpus/sw-masakhanews.jsonl --format json | head -1
            """
    )

    @Argument(help: ArgumentHelp("Files, folders or - to read.", valueName: "file"))
    var files: [String]

    @Option(help: ArgumentHelp("text (for people) or json (one object per article). Example: --format json", valueName: "format"))
    var format: String = "text"

    @Option(name: .customLong("plugin"), help: ArgumentHelp("A plugin folder whose markers/*.tsv extend the parser; repeatable. Example: --plugin ./my-site-markers", valueName: "dir"))
    var plugins: [String] = []

    @Flag(help: ArgumentHelp("Stop at the first input problem with exit code 3: a file skipped (binary, empty, unreadable), a bad JSON line, bytes that are not valid text, or an encoding that had to be guessed. Without it such inputs are skipped or read with a warning, and a summary line counts them. Articles before the problem are printed."))
    var strict = false

    @OptionGroup var input: InputOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one file or folder to parse") }
        guard ParseReport.Format(rawValue: format) != nil else {
            throw ValidationError("--format must be text or json (got '\(format)')")
        }
    }

    func run() throws {
        try ParseReport.run(corpus: files, format: ParseReport.Format(rawValue: format)!, pluginFolders: plugins, strict: strict,
                             inputFormat: input.format, learnBoilerplate: input.learnBoilerplate)
    }
}
