import ArgumentParser
import Foundation
import Toolkit

struct Plugins: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show installed plugins.",
        discussion: """
            Plugins are folders holding plugin.lua (a manifest), init.lua and optional kb/ and markers/
            data. They are searched in: --plugin DIR, ./Plugins, $TOOLKIT_PLUGINS, $XDG_DATA_HOME/toolkit/plugins,
            and the plugins bundled with toolkit (beside the binary; TOOLKIT_NO_BUNDLED_PLUGINS=1 leaves them
            out). The first plugin of a name wins.

            Examples:
              toolkit plugins list
              toolkit plugins info world
              toolkit plugins list --plugin ~/my-plugins
            """,
        subcommands: [List.self, Info.self]
    )

    struct Options: ParsableArguments {
        @Option(name: .customLong("plugin"), help: ArgumentHelp("Another plugin folder (or folder of plugins) to search first; repeatable. Example: --plugin ./my-plugin", valueName: "dir"))
        var folders: [String] = []
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List plugins: name, version, where from, description.")
        @OptionGroup var options: Options

        func run() throws {
            let catalog = try PluginCatalog.discover(extra: options.folders)
            if catalog.plugins.isEmpty {
                Console.standard.err("toolkit: no plugins found; searched, in order:\n"
                    + catalog.searchPath.descriptions.map { "  " + $0 }.joined(separator: "\n")
                    + "\n(install the bundled ones with `make install PREFIX=...`, or pass --plugin DIR)")
            }
            for plugin in catalog.plugins {
                let m = plugin.manifest
                print([m.name, m.version.description, plugin.folder.relativePath, m.description].joined(separator: "\t"))
            }
            for shadowed in catalog.shadowed {
                Console.standard.err("toolkit: warning: plugin \(shadowed) is shadowed by one found earlier")
            }
        }
    }

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Everything a plugin's manifest says, and its data files.")
        @Argument(help: "The plugin's name.") var name: String
        @OptionGroup var options: Options

        func run() throws {
            let catalog = try PluginCatalog.discover(extra: options.folders)
            guard let plugin = catalog.plugins.first(where: { $0.manifest.name == name }) else {
                throw ToolkitError.usage("no plugin named '\(name)' (see `toolkit plugins list`)")
            }
            let m = plugin.manifest
            let lines: [(String, String)] = [
                ("name", m.name), ("version", m.version.description), ("toolkit", m.toolkit.description),
                ("folder", plugin.folder.relativePath), ("found via", plugin.origin),
                ("description", m.description), ("authors", m.authors.joined(separator: ", ")),
                ("license", m.license), ("categories", m.categories.joined(separator: ", ")),
                ("languages", m.languages.joined(separator: ", ")), ("requires", m.requires.joined(separator: ", ")),
                ("args", m.args.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")),
                ("kb files", plugin.knowledgeBaseFiles.map(\.lastPathComponent).joined(separator: ", ")),
                ("marker files", plugin.markerFiles.map(\.lastPathComponent).joined(separator: ", ")),
            ]
            for (key, value) in lines where !value.isEmpty { print("\(key):\t\(value)") }
        }
    }
}
