import BundledData
import Foundation
import LuaBridge

/// `toolkit plugins test`: runs each `tests/*.lua` of a plugin as a script of its own, in the
/// sandbox, with the plugin (and what it and the test require) loaded and nothing else, over the
/// corpus the test names in a leading comment (`-- corpus: tests/data`, relative to the plugin's
/// folder) or the bundled sample articles. `toolkit.test.case` counts cases; a file that calls none
/// counts as one test. Reports the plugin registers are not run: a test calls what it checks.
public struct PluginTester {
    /// One test file's result.
    public struct FileResult: Sendable {
        public var plugin: String
        public var file: URL
        public var passed: Int
        /// One line each: `file:line: [case] message`.
        public var failures: [String]
    }

    /// `--plugin` folders to search as a run would (the plugin under test is searched first).
    public var extraFolders: [String]
    public var console: Console
    /// Limits of each test file's run.
    public var limits = RunOptions.defaultLimits

    public init(extraFolders: [String] = [], console: Console = .standard) {
        self.extraFolders = extraFolders
        self.console = console
    }

    /// Runs every test file of the plugin, in name order.
    public func run(_ plugin: Plugin) -> [FileResult] {
        plugin.testFiles.map { run($0, of: plugin) }
    }

    func run(_ file: URL, of plugin: Plugin) -> FileResult {
        var result = FileResult(plugin: plugin.name, file: file, passed: 0, failures: [])
        let shown = file.relativePath
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("toolkit-plugin-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        do {
            guard let code = FileManager.default.contents(atPath: file.path) else {
                throw ToolkitError.usage("\(shown): cannot read the test file")
            }
            var options = RunOptions(script: shown, corpus: try corpus(of: Array(code), plugin: plugin, shownAs: shown),
                                     outputFolder: output, limits: limits)
            options.pluginFolders = [plugin.folder.path] + extraFolders
            // The plugin, and what it and the file's `-- requires:` lines need (with their ranges).
            options.pluginSelection = plugin.name
            let recorder = PluginTestRecorder()
            let runner = ScriptRunner(options: options, console: console)
            runner.testRecorder = recorder
            do {
                _ = try runner.run()
            } catch let error as ToolkitError {
                result.failures.append(Self.line(error.description, file: shown))
            } catch {
                result.failures.append(Self.line("\(error)", file: shown))
            }
            result.passed = recorder.passedCount
            for failure in recorder.failures {
                result.failures.append(Self.line(failure.message, case: failure.name, file: shown, at: failure.location))
            }
            // A file that calls no case is one test: it passed when it ran to the end.
            if recorder.cases == 0 && result.failures.isEmpty { result.passed = 1 }
        } catch {
            result.failures.append(Self.line("\(error)", file: shown))
        }
        return result
    }

    /// The corpus a test names (`-- corpus: PATH` among its leading comments, relative to the
    /// plugin's folder; repeatable), else the bundled sample articles.
    func corpus(of code: [UInt8], plugin: Plugin, shownAs path: String) throws -> [String] {
        var paths: [String] = []
        for (line, named) in LeadingComments.values(of: "corpus", in: code) {
            let url = named.hasPrefix("/") ? URL(fileURLWithPath: named) : plugin.folder.appendingPathComponent(named)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw ToolkitError.usage("\(path):\(line): the corpus \(quoted(named)) does not exist (paths are relative to the plugin's folder, \(plugin.folder.relativePath))")
            }
            paths.append(url.path)
        }
        if !paths.isEmpty { return paths }
        guard let seeds = BundledData.seeds else {
            throw ToolkitError.usage("\(path): the bundled sample articles are missing; name a corpus with `-- corpus: tests/data` in the test's leading comments")
        }
        return [seeds.path]
    }

    /// A failure as one line that starts with `file:line:`: the error's own location when it has
    /// one, else where the case was declared, else the file; the case's name in brackets after it.
    static func line(_ message: String, case name: String? = nil, file: String, at location: String? = nil) -> String {
        let tag = name.map { "[\($0)] " } ?? ""
        let parts = message.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        if parts.count == 3, Int(parts[1]) != nil, parts[0].hasSuffix(".lua") {
            return "\(parts[0]):\(parts[1]): \(tag)\(parts[2].drop { $0 == " " })"
        }
        return "\(location ?? file): \(tag)\(message)"
    }
}
