import ArgumentParser
import Foundation
import Toolkit

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check this installation: Lua, plugins, knowledge base, models, cache, output folder.",
        discussion: """
            One line per part, ok, note (works with less) or broken, each with what to do when it is
            not ok. Exits 1 when something is broken, 0 otherwise.

            Examples:
              toolkit doctor
              toolkit doctor --plugin ./my-plugin --out results
            """
    )

    @Option(name: .customLong("plugin"), help: ArgumentHelp("Another plugin folder (or folder of plugins) to search first, as runs take it; repeatable. Example: --plugin ./my-plugin", valueName: "dir"))
    var plugins: [String] = []

    @Option(name: .long, help: ArgumentHelp("The output folder to check, as runs take it. Example: --out results", valueName: "dir"))
    var out: String = "out"

    func run() throws {
        let findings = Doctor.examine(pluginFolders: plugins, outputFolder: URL(fileURLWithPath: out))
        for finding in findings { Console.standard.out(finding.description + "\n") }
        let broken = findings.filter { $0.status == .broken }.count
        if broken > 0 {
            // Exit code 1, as for a failed run: the installation cannot do all it should.
            throw ToolkitError.script(message: "doctor: \(broken) part\(broken == 1 ? " is" : "s are") broken (the lines marked broken say what to do)", traceback: "")
        }
    }
}
