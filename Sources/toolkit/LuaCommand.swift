import ArgumentParser
import Foundation
import Toolkit

struct LuaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lua",
        abstract: "Run Lua code on a corpus: one-liners (-e), a script, standard input, or a prompt.",
        discussion: """
            The code runs as a script does under `toolkit run`: the same sandbox, limits, plugins, \
            toolkit API and output folder, and reports it registers run after it. An argument \
            ending in .lua is a script to run (after any -e code); the others are the corpus \
            (files, folders or - for standard input; default: the bundled sample articles).

            With no code and a terminal on standard input, a prompt opens: an expression prints \
            its value (1+1 or =1+1), an unfinished chunk asks for more lines (>>), an error is \
            printed and the session goes on; each line runs with the run's limits counted afresh. \
            Keys: left/right, home/end, backspace, up/down for the history (kept in \
            $XDG_STATE_HOME/toolkit/lua_history), Ctrl-C cancels the line being typed or stops \
            the line that runs, Ctrl-D leaves. Without a terminal, standard input is read whole \
            and run as one chunk.

            Examples:
              toolkit lua -e 'for a in toolkit.articles() do print(a.title) end' seeds/
              toolkit lua -e 'n = 0' -e 'for _ in toolkit.articles() do n = n + 1 end'
              echo 'print(toolkit.version)' | toolkit lua
              toolkit lua corpus/                # a prompt over corpus/
              toolkit lua -i people.lua corpus/  # people.lua, then a prompt in its state
            """
    )

    @Option(name: .customShort("e"), help: ArgumentHelp("Lua code to run; repeatable, run in order. Example: -e 'print(toolkit.version)'", valueName: "code"))
    var code: [String] = []

    @Flag(name: .customShort("i"), help: "Open the prompt after running the -e code or the script.")
    var interactive = false

    @Argument(help: ArgumentHelp("A script (*.lua) to run, then files, folders or - to read (default: the bundled sample articles).", valueName: "script-or-corpus"))
    var arguments: [String] = []

    @OptionGroup var options: ScriptOptions

    func run() throws {
        var corpus = arguments
        var chunks = code.map { LuaChunk(code: Array($0.utf8), name: "=(command line)") }
        var name = chunks.isEmpty ? "stdin" : "(command line)"
        if let index = corpus.firstIndex(where: { $0.lowercased().hasSuffix(".lua") }) {
            let script = corpus.remove(at: index)
            guard let data = FileManager.default.contents(atPath: script) else {
                throw ToolkitError.usage("\(script): cannot read the script; give the path of a .lua file (other arguments are the corpus)")
            }
            chunks.append(LuaChunk(code: Array(data), name: "@" + script))
            name = script
        }
        let terminal = isatty(0) == 1
        let prompt = interactive || chunks.isEmpty && terminal
        if prompt {
            guard terminal else {
                throw ToolkitError.usage("-i needs a terminal on standard input; pipe code in without -i, or give it with -e CODE")
            }
            if corpus.contains("-") {
                throw ToolkitError.usage("the prompt reads the terminal, so standard input (-) cannot be the corpus; give files or folders")
            }
        } else if chunks.isEmpty {
            if corpus.contains("-") {
                throw ToolkitError.usage("standard input (-) is the corpus, so it cannot also be the code; give the code with -e CODE or a script file")
            }
            chunks.append(LuaChunk(code: Array(FileHandle.standardInput.readDataToEndOfFile()), name: "=stdin"))
        }
        _ = try LuaSession.run(options: try options.options(script: name, corpus: corpus), chunks: chunks, interactive: prompt)
    }
}
