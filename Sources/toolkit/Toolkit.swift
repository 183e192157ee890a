import ArgumentParser
import Foundation
import Toolkit

@main
struct ToolkitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toolkit",
        abstract: "Turn raw scraped news articles into structured articles and entities, and analyse them with Lua scripts.",
        discussion: """
            Examples:
              toolkit run scripts/overview.lua                 # the bundled sample articles
              toolkit run scripts/overview.lua corpus/ --out results
              toolkit run report.lua news.jsonl --set top=20

            Exit codes: 0 success, 1 script error, 2 usage error, 3 no readable input,
            130 interrupted (SIGINT), 143 terminated (SIGTERM).
            """,
        version: ToolkitVersion.current,
        subcommands: [Run.self, Report.self, Merge.self, Parse.self, Entities.self, KB.self, Plugins.self, API.self, LuaCommand.self, CheckCommand.self, CacheCommand.self, DoctorCommand.self]
    )

    /// ArgumentParser exits 64 on usage errors; this tool promises 2, and 0 for --help.
    static func main() {
        ProcessGuard.install()
        fixMallocMapThreshold()
        do {
            var command = try parseAsRoot()
            try command.run()
            Console.flushStandardOutput()
        } catch let error as ToolkitError {
            Console.flushStandardOutput()
            Console.standard.err("toolkit: \(error.description)")
            if case .script(_, let traceback) = error, !traceback.isEmpty,
                ProcessInfo.processInfo.environment["TOOLKIT_TRACEBACK"] != "0"
            {
                Console.standard.err(traceback)
            }
            Foundation.exit(error.exitCode)
        } catch {
            Console.flushStandardOutput()
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            Console.standard.err(fullMessage(for: error))
            Foundation.exit(code == .failure || code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a Lua script over a corpus.",
        discussion: """
            CORPUS is any mix of files, folders (searched recursively for *.txt and *.jsonl) and - for
            standard input. Without CORPUS the script reads the bundled sample articles. Reports the
            script registers with toolkit.report run after its own code, on all cores (--jobs).

            Examples:
              toolkit run scripts/overview.lua
              toolkit run scripts/overview.lua seeds/ --out /tmp/results
              toolkit run people.lua ../shared/corpus --set top=20 --max-memory 512
              toolkit run scripts/cooccurrence.lua ../shared/corpus --jobs 2
            """
    )

    @Argument(help: ArgumentHelp("The Lua script to run.", valueName: "script"))
    var script: String

    @Argument(help: ArgumentHelp("Files, folders or - to read (default: the bundled sample articles).", valueName: "corpus"))
    var corpus: [String] = []

    @OptionGroup var options: ScriptOptions
    @OptionGroup var mapState: ReportStateOptions

    func run() throws {
        _ = try ScriptRunner(options: mapState.applied(to: try options.options(script: script, corpus: corpus))).run()
    }
}

/// The options every command that runs Lua code shares: outputs, values, plugins, limits, input
/// strictness and parallelism.
struct ScriptOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder the script's outputs are written into (created if missing). Example: --out results", valueName: "dir"))
    var out: String = "out"

    @Option(name: .customLong("set"), help: ArgumentHelp("A value for the script (key=value, read as toolkit.args.key) or for a plugin (plugin.key=value, typed by its manifest); repeatable. Example: --set top=20 --set sco.since=2001", valueName: "key=value"))
    var settings: [String] = []

    @Option(name: .customLong("plugin"), help: ArgumentHelp("A plugin folder (or folder of plugins) to search before ./Plugins and the others, and to load; repeatable. Example: --plugin ./my-plugin", valueName: "dir"))
    var plugins: [String] = []

    @Option(name: .customLong("plugins"), help: ArgumentHelp("Which plugins load: names and categories with and, or, not, parentheses and * wildcards (default: category default, the --plugin folders, and what they and the script require). Example: --plugins \"default and not experimental\"", valueName: "expr"), completion: .custom(Completions.pluginWords))
    var selection: String?

    @Option(name: .long, help: ArgumentHelp("Memory the script may use, in MiB (0: no limit). Example: --max-memory 512", valueName: "MiB"))
    var maxMemory: Int = 2048

    @Option(name: .long, help: ArgumentHelp("Lua instructions the script may run (0: no limit). Example: --max-instructions 1000000000", valueName: "count"))
    var maxInstructions: Int = 200_000_000_000

    @Option(name: .long, help: ArgumentHelp("Seconds the script may run (0: no limit). Example: --timeout 60", valueName: "seconds"))
    var timeout: Double = 3600

    @Flag(help: ArgumentHelp("Stop at the first input problem with exit code 3: a file skipped (binary, empty, unreadable), a bad JSON line, bytes that are not valid text, or an encoding that had to be guessed. The script's article loop raises the error when it reaches that input, so outputs it writes after the loop are not written."))
    var strict = false

    @Option(name: .long, help: ArgumentHelp("Seconds the script may spend on one article (0: no limit). Example: --article-timeout 5", valueName: "seconds"))
    var articleTimeout: Double = 0

    @Option(name: .long, help: ArgumentHelp("Lua states that run reports with a merge function in parallel (default: one per core). Example: --jobs 2", valueName: "count"))
    var jobs: Int?

    @OptionGroup var trace: VerboseOption

    @OptionGroup(title: "Cache and progress") var speed: CacheOptions

    @OptionGroup(title: "Filters") var filters: FilterOptions

    @OptionGroup var input: InputOptions

    func validate() throws {
        guard maxMemory >= 0, maxInstructions >= 0, timeout >= 0, articleTimeout >= 0 else {
            throw ValidationError("limits cannot be negative (0 means no limit)")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func options(script: String, corpus: [String]) throws -> RunOptions {
        var values: [String: String] = [:]
        for setting in settings {
            let (key, value) = try RunOptions.parseSetting(setting)
            values[key] = value
        }
        let limits = ScriptLimits(
            memoryBytes: maxMemory == 0 ? nil : maxMemory << 20,
            instructions: maxInstructions == 0 ? nil : maxInstructions,
            seconds: timeout == 0 ? nil : timeout)
        var options = RunOptions(
            script: script, corpus: corpus, outputFolder: URL(fileURLWithPath: out),
            settings: values, limits: limits)
        options.pluginFolders = plugins
        options.pluginSelection = selection
        options.strict = strict
        options.verbose = trace.verbose
        speed.apply(to: &options)
        options.articleTimeout = articleTimeout == 0 ? nil : articleTimeout
        if let jobs { options.jobs = jobs }
        options.filter = try filters.filter()
        options.inputFormat = input.format
        options.learnBoilerplate = input.learnBoilerplate
        return options
    }
}

/// glibc raises its mmap threshold each time a large block is freed, after which blocks up to
/// 32 MB come from heaps it does not give back: a long article's windows and copies then stay in
/// the peak after they are freed (`parse --format json` of a 30 MB article: 3.5x its size, 2.8x
/// with a fixed threshold of 1 MiB). `mallopt` is not in Swift's Glibc module, hence the look-up;
/// -3 is M_MMAP_THRESHOLD in glibc's malloc.h.
private func fixMallocMapThreshold() {
    #if canImport(Glibc)
    typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
    _ = unsafeBitCast(symbol, to: MallOpt.self)(-3, 1 << 20)
    #endif
}
