import ArgumentParser
import Foundation
import Toolkit

extension Plugins {
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a new plugin folder that works at once: manifest, an extractor and a report, a test, a README.",
            discussion: """
                Writes DIR/NAME (default ./NAME); an existing folder is never written into. Its test \
                passes as made: `toolkit plugins test NAME --plugin DIR/NAME`.

                Example:
                  toolkit plugins new sahel-watch --dir Plugins
                """)
        @Argument(help: "The plugin's name: lowercase letters, digits, '-' and '_'.") var name: String
        @Option(help: ArgumentHelp("The folder to make it in (default: the current folder).", valueName: "dir")) var dir: String = "."

        func run() throws {
            let folder = try PluginSkeleton.create(name: name, in: URL(fileURLWithPath: dir))
            print("""
                made \(folder.relativePath): plugin.lua, init.lua, tests/\(name).lua, README.md
                next: toolkit plugins test \(name) --plugin \(folder.relativePath)
                """)
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run plugins' tests/*.lua with the toolkit.test assertions; print each failure and N passed, N failed.",
            discussion: """
                Each test file runs as a script in the sandbox, with its plugin (and what the plugin and \
                the file's `-- requires:` line need) loaded and no other, over the corpus its leading \
                comment names (`-- corpus: tests/data`, relative to the plugin's folder) or the bundled \
                sample articles. toolkit.test.case counts cases (a file without cases is one test); every \
                failure is printed as file:line: [case] message. Reports the plugin registers do not \
                run by themselves: a test calls what it checks. Exit codes: 0 all passed, 1 a test \
                failed or a plugin has no tests, 2 no such plugin.

                Examples:
                  toolkit plugins test                         # every plugin found
                  toolkit plugins test sco
                  toolkit plugins test my-plugin --plugin ./my-plugin
                """)
        @Argument(help: "The plugin to test (default: every plugin found that has tests).", completion: .custom(Completions.pluginNames)) var name: String?
        @OptionGroup var options: Options

        func run() throws {
            let catalog = try PluginCatalog.survey(extra: options.folders)
            var plugins = catalog.available
            if let name {
                guard let plugin = catalog.available.first(where: { $0.name == name }) else {
                    throw ToolkitError.usage("no plugin named '\(name)'; the plugins found are \(catalog.available.map(\.name).joined(separator: ", ").ifEmpty("none")) (pass its folder with --plugin DIR)")
                }
                plugins = [plugin]
            }
            let tester = PluginTester(extraFolders: options.folders)
            var passed = 0, failed = 0
            for plugin in plugins {
                if plugin.testFiles.isEmpty {
                    // Named, a plugin without tests is a failure; among all, it is said and skipped.
                    if name != nil {
                        Console.standard.err("toolkit: \(plugin.name) (\(plugin.folder.relativePath)) has no tests/*.lua; `toolkit plugins new` shows what a test looks like")
                        failed += 1
                    } else {
                        print("\(plugin.name): no tests (\(plugin.folder.relativePath)/tests/*.lua)")
                    }
                    continue
                }
                for result in tester.run(plugin) {
                    let file = result.file.lastPathComponent
                    print("\(plugin.name) tests/\(file): \(result.passed) passed, \(result.failures.count) failed")
                    for failure in result.failures { print("  FAIL \(failure)") }
                    Console.flushStandardOutput()
                    passed += result.passed
                    failed += result.failures.count
                }
            }
            print("\(passed) passed, \(failed) failed")
            Console.flushStandardOutput()
            if failed > 0 { Foundation.exit(1) }
        }
    }
}
