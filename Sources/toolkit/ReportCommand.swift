import ArgumentParser
import Foundation
import Toolkit

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run one report of an installed plugin over a corpus.",
        discussion: """
            Plugins register reports with toolkit.report{...} in their init.lua. This runs the one
            named, on all cores when it has a merge function (--jobs), and writes its outputs.
            Without a name or with a wrong one, the reports that exist are listed.

            Examples:
              toolkit report cooccurrence ../shared/corpus --out results
              toolkit report cooccurrence seeds/ --plugin ./my-plugin --jobs 2
            """
    )

    @Argument(help: ArgumentHelp("The report's name.", valueName: "name"), completion: .custom(Completions.reportNames))
    var name: String

    @Argument(help: ArgumentHelp("Files, folders or - to read (default: the bundled sample articles).", valueName: "corpus"))
    var corpus: [String] = []

    @OptionGroup var script: ScriptOptions

    func run() throws {
        var options = try script.options(script: "", corpus: corpus)
        options.report = name
        _ = try ScriptRunner(options: options).run()
    }
}
