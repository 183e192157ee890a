import ArgumentParser
import Foundation
import Toolkit

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge the report states of toolkit run --map-state and finish the reports.",
        discussion: """
            The script's code runs (registering its reports, which must all have merge); the states
            are read from the files and merged in the order given with each report's merge, what the
            report callbacks printed is printed in that order, and finish writes the outputs into
            --out, as toolkit run over the parts one after the other would. With --map-state the
            merged states are written instead (one step of a tree of merges). See docs/scale.md.

            Examples:
              toolkit run scripts/cooccurrence.lua part1/ --map-state s1.json
              toolkit run scripts/cooccurrence.lua part2/ --map-state s2.json
              toolkit merge scripts/cooccurrence.lua s1.json s2.json --out results
            """
    )

    @Argument(help: ArgumentHelp("The Lua script that made the states.", valueName: "script"))
    var script: String

    @Argument(help: ArgumentHelp("State files written by toolkit run --map-state, in corpus order.", valueName: "state"))
    var states: [String] = []

    @OptionGroup var options: ScriptOptions
    @OptionGroup var mapState: ReportStateOptions

    func validate() throws {
        if states.isEmpty { throw ValidationError("give at least one state file (written by toolkit run SCRIPT --map-state FILE)") }
    }

    func run() throws {
        var run = try options.options(script: script, corpus: [])
        run.reportStates = .merge(from: states, to: mapState.url)
        _ = try ScriptRunner(options: run).run()
    }
}
