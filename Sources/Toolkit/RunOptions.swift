import Foundation
import LuaBridge
import NewsKit

/// Resource limits of a script (memory, instructions, wall clock), from LuaBridge.
public typealias ScriptLimits = LuaLimits

/// Everything a script run needs; the CLI fills it from its arguments, an embedding program directly.
public struct RunOptions: Sendable {
    /// Path of the Lua script, as the user named it (errors quote it like that).
    public var script: String
    /// Files, folders or `-`; empty means the bundled sample corpus.
    public var corpus: [String]
    /// The reader of every input (`--input-format`); auto: by each file's name.
    public var inputFormat: InputFormat = .auto
    /// `--learn-boilerplate`: lines repeated across many articles of one source are boilerplate
    /// (see `SourceBoilerplateLearning`); not with `reportStates`, whose parts would learn apart.
    public var learnBoilerplate = false
    public var outputFolder: URL
    /// `--set` pairs: `key=value` for the script's `toolkit.args`, `plugin.key=value` for a plugin's.
    public var settings: [String: String]
    public var limits: LuaLimits
    /// Seconds the script may spend on one article (`--article-timeout`), beside the run's limits.
    public var articleTimeout: Double?
    /// `toolkit report NAME`: run only this report of the plugins, and no script.
    public var report: String?
    /// Lua states that run reports with `merge` in parallel (`--jobs`); default: one per core.
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// `--plugin DIR` folders, searched before the standard plugin path.
    public var pluginFolders: [String] = []
    /// `--plugins EXPR`: which plugins load (nil: category default, those named with --plugin, and
    /// what they and the script require).
    public var pluginSelection: String?
    /// `--strict`: the first input problem (a skipped input, a bad JSON line, bytes replaced, an
    /// encoding guessed) ends the run with exit code 3 instead of a warning.
    public var strict = false
    /// `--lang`, `--since`, `--until`, `--source`: the articles every pass hands out (nil: all).
    public var filter: ArticleFilter?
    /// The script's text, for a program that holds it in memory; `script` then only names it in
    /// messages (nil: read the file `script`).
    public var code: String?
    /// Articles handed over in memory by an embedding program, read after `corpus`'s inputs (with
    /// articles and no corpus, the bundled sample is not read).
    public var articles: [InputRecord] = []
    /// Copy what the script's top-level code returns and what each report's `finish` returns into
    /// `RunSummary.results` and `RunSummary.reportResults` (then a function or userdata among them is
    /// an error). The command line does not ask for them.
    public var returnsResults = false
    /// `--map-state` and `toolkit merge`: reports' states written to a file, or read from files,
    /// merged and finished, instead of one run over the whole corpus (see `ReportStateMode`).
    public var reportStates: ReportStateMode?
    /// `--verbose`: say what loaded and what each extractor and report produced (`RunTrace`).
    public var verbose = false
    /// The folder of the article cache (parsed and annotated articles kept between runs; see
    /// `ArticleCache`); nil: none. The command line passes `ArticleCache.defaultFolder()` unless
    /// `--no-cache`.
    public var cacheFolder: URL?
    /// Whether a progress line is drawn on standard error (`--quiet`, `--progress`).
    public var progress = ProgressDisplay.never

    /// Limits for untrusted scripts: generous for real corpora, finite against runaway loops.
    public static let defaultLimits = LuaLimits(
        memoryBytes: 2 << 30, instructions: 200_000_000_000, seconds: 3600)

    public init(script: String, corpus: [String] = [], outputFolder: URL = URL(fileURLWithPath: "out"),
                settings: [String: String] = [:], limits: LuaLimits = RunOptions.defaultLimits)
    {
        self.script = script
        self.corpus = corpus
        self.outputFolder = outputFolder
        self.settings = settings
        self.limits = limits
    }

    /// Parses `key=value`; the key must be a name a script can write as `toolkit.args.key`.
    public static func parseSetting(_ text: String) throws -> (String, String) {
        guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
            throw ToolkitError.usage("--set \(text): expected key=value, like --set top=20")
        }
        let key = String(text[..<eq])
        guard key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" }) else {
            throw ToolkitError.usage("--set \(text): the key may hold letters, digits, '_', '-' and '.' only")
        }
        return (key, String(text[text.index(after: eq)...]))
    }
}
