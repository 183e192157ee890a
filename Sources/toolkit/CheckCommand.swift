import ArgumentParser
import Foundation
import Toolkit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check Lua scripts without running them.",
        discussion: """
            Reports, one line each with file and line: syntax errors (as Lua's compiler gives \
            them), toolkit.* names the API does not declare, and fields and methods read off an \
            article that articles do not have (on the loop variable of toolkit.articles() and on \
            the article parameter of an extractor's extract or a report's article function), with \
            the nearest valid name. Text inside strings and comments is never reported.

            Exit codes: 0 nothing found (and nothing printed), 1 something found, 2 a script \
            could not be read.

            Examples:
              toolkit check scripts/*.lua
              toolkit check people.lua && toolkit run people.lua corpus/
            """
    )

    @Argument(help: ArgumentHelp("The Lua scripts to check.", valueName: "script"))
    var scripts: [String]

    func validate() throws {
        if scripts.isEmpty { throw ValidationError("name at least one script to check, like: toolkit check people.lua") }
    }

    func run() throws {
        var found = false
        var unreadable: ToolkitError?
        for script in scripts {
            do {
                for finding in try ScriptChecker.check(file: script) {
                    Console.standard.out(finding.description + "\n")
                    found = true
                }
            } catch let error as ToolkitError {
                Console.standard.err("toolkit: \(error.description)")
                unreadable = error
            }
        }
        Console.flushStandardOutput()
        if let unreadable { Foundation.exit(unreadable.exitCode) }
        if found { Foundation.exit(1) }
    }
}
