import ArgumentParser
import Toolkit

struct API: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api",
        abstract: "Print the Lua API reference, generated from its declarations.",
        discussion: """
            Without NAME, the whole reference: Markdown (docs/lua-api.md), LuaLS annotations for
            editors (types/toolkit.lua) or the declared names, one a line. With NAME, the reference
            of one function, field, module or record.

            Examples:
              toolkit api toolkit.re.gsub
              toolkit api Article
              toolkit api --format luals > types/toolkit.lua
              toolkit api --format names
            """
    )

    @Argument(help: ArgumentHelp("A function, field, module or record, like toolkit.re.find or Article.", valueName: "name"))
    var name: String?

    @Option(help: ArgumentHelp("markdown, luals or names. Example: --format luals", valueName: "format"))
    var format: String = "markdown"

    func validate() throws {
        guard ["markdown", "luals", "names"].contains(format) else {
            throw ValidationError("--format must be markdown, luals or names (got '\(format)')")
        }
    }

    func run() throws {
        if let name {
            guard let text = APIReference.describe(name) else {
                throw ValidationError("nothing named '\(name)' in the Lua API; `toolkit api --format names` lists every name")
            }
            print(text, terminator: "")
            return
        }
        switch format {
        case "luals": print(APIReference.luaLS, terminator: "")
        case "names": print((APIReference.allNames + APIReference.articleFields.map { "article." + $0 }).joined(separator: "\n"))
        default: print(APIReference.markdown, terminator: "")
        }
    }
}
