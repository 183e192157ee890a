import ArgumentParser
import Toolkit

struct Entities: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the entities, dates and amounts found in articles.",
        discussion: """
            People, organisations and places are linked to the knowledge base of the installed plugins
            (one id for بوتين, پوتین and Putin); people outside it are found by titles, roles and names
            and get an id derived from their folded name. Offsets are 1-based bytes into the article's
            text (lede and body).

            Examples:
              toolkit entities seeds/
              toolkit entities seeds/ --kind person --format csv > people.csv
              toolkit entities ../shared/corpus/fa-fars-news.jsonl --format jsonl | head
            """
    )

    @Argument(help: ArgumentHelp("Files, folders or - to read.", valueName: "corpus"))
    var corpus: [String]

    @Option(help: ArgumentHelp("Only mentions of this kind (person, org, place, date, money, percent, quantity); repeatable. Example: --kind person", valueName: "kind"))
    var kind: [String] = []

    @Option(help: ArgumentHelp("table, csv or jsonl (one mention per line, with `article` = article id). Example: --format jsonl", valueName: "format"))
    var format: String = "table"

    @Option(name: .customLong("plugin"), help: ArgumentHelp("Another plugin folder (knowledge base, markers); repeatable. Example: --plugin ./my-kb", valueName: "dir"))
    var plugins: [String] = []

    @Flag(help: ArgumentHelp("Stop at the first input problem with exit code 3: a file skipped (binary, empty, unreadable), a bad JSON line, bytes that are not valid text, or an encoding that had to be guessed. Without it such inputs are skipped or read with a warning, and a summary line counts them. Mentions of articles before the problem are printed."))
    var strict = false

    @OptionGroup var input: InputOptions

    func validate() throws {
        guard !corpus.isEmpty else { throw ValidationError("name at least one file or folder") }
        if let unknown = kind.first(where: { !EntityReport.kinds.contains($0) }) {
            throw ValidationError("--kind \(unknown): unknown kind (valid: \(EntityReport.kinds.joined(separator: ", ")))")
        }
        guard EntityReport.Format(rawValue: format) != nil else {
            throw ValidationError("--format must be table, csv or jsonl (got '\(format)')")
        }
    }

    func run() throws {
        try EntityReport.run(corpus: corpus, kinds: kind.isEmpty ? nil : Set(kind),
                             format: EntityReport.Format(rawValue: format)!, pluginFolders: plugins, strict: strict,
                             inputFormat: input.format, learnBoilerplate: input.learnBoilerplate)
    }
}

struct KB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "Look names up in the knowledge base.",
        subcommands: [Lookup.self]
    )

    struct Lookup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the profiles a name may refer to, with all their spellings.",
            discussion: """
                Examples:
                  toolkit kb lookup بوتين
                  toolkit kb lookup "Xi Jinping"
                  toolkit kb lookup Urusi --lang sw
                """
        )

        @Argument(help: "A name in any language or script.") var name: String
        @Option(help: ArgumentHelp("The language the name is written in, to settle ambiguous spellings. Example: --lang ar", valueName: "code"))
        var lang: String?
        @Option(name: .customLong("plugin"), help: ArgumentHelp("Another plugin folder with a kb/; repeatable.", valueName: "dir"))
        var plugins: [String] = []

        func run() throws {
            let found = try KnowledgeBaseReport.lookup(name, lang: lang, pluginFolders: plugins)
            guard !found.isEmpty else {
                throw ToolkitError.noReadableInput("'\(name)' is not in the knowledge base (add it with a kb/*.jsonl file in a plugin, or toolkit.kb.add in a script)")
            }
            print(found, terminator: "")
        }
    }
}
