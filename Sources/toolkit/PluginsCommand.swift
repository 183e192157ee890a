import ArgumentParser
import Foundation
import Toolkit

struct Plugins: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find, check, make, test, pack and install plugins.",
        discussion: """
            Plugins are folders holding plugin.lua (a manifest), init.lua and optional kb/, markers/, rules/,
            lua/ and tests/. They are searched in: --plugin DIR, ./Plugins, $TOOLKIT_PLUGINS,
            $XDG_DATA_HOME/toolkit/plugins, and the plugins bundled with toolkit (beside the binary;
            TOOLKIT_NO_BUNDLED_PLUGINS=1 leaves them out). The first plugin of a name wins. A run loads
            the plugins of category default, those named with --plugin, and what they require;
            --plugins EXPR chooses others.

            Examples:
              toolkit plugins list
              toolkit plugins list --plugins "default or experimental"
              toolkit plugins info world
              toolkit plugins check
              toolkit plugins check my-plugin --plugin ./my-plugin
              toolkit plugins new my-plugin && toolkit plugins test my-plugin --plugin my-plugin
              toolkit plugins pack my-plugin && toolkit plugins install my-plugin-0.1.0.tar.gz
            """,
        subcommands: [List.self, Info.self, Check.self, New.self, Test.self, Pack.self, Install.self, Remove.self, Update.self]
    )

    struct Options: ParsableArguments {
        @Option(name: .customLong("plugin"), help: ArgumentHelp("Another plugin folder (or folder of plugins) to search first; repeatable. Example: --plugin ./my-plugin", valueName: "dir"))
        var folders: [String] = []

        @Option(name: .customLong("plugins"), help: ArgumentHelp("A selection to show, as runs take it: names and categories with and, or, not, parentheses and * wildcards. Example: --plugins \"default and not experimental\"", valueName: "expr"))
        var selection: String?

        /// Every plugin found, with the selection made when it can be; a selection that fails is
        /// returned beside the catalog so that the listing still shows what is there.
        func survey() throws -> (PluginCatalog, Error?) {
            var catalog = try PluginCatalog.survey(extra: folders)
            do {
                try catalog.select(try selection.map { try PluginSelection(parsing: $0) })
                return (catalog, nil)
            } catch {
                return (catalog, error)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List plugins: name, version, where from, categories, and whether a run loads them and why.")
        @OptionGroup var options: Options

        func run() throws {
            let (catalog, failure) = try options.survey()
            if catalog.available.isEmpty && catalog.broken.isEmpty {
                Console.standard.err("toolkit: no plugins found; searched, in order:\n"
                    + catalog.searchPath.descriptions.map { "  " + $0 }.joined(separator: "\n")
                    + "\n(install the bundled ones with `make install PREFIX=...`, or pass --plugin DIR)")
            }
            var rows = [["NAME", "VERSION", "FROM", "CATEGORIES", "LOADED"]]
            for plugin in catalog.available {
                let loaded = failure == nil ? catalog.plugins.contains { $0.name == plugin.name } : false
                let why = failure == nil ? catalog.reasons[plugin.name] ?? "" : "selection failed (see below)"
                rows.append([plugin.name, plugin.manifest.version.description, "\(plugin.origin) \(plugin.folder.relativePath)",
                             plugin.manifest.categories.joined(separator: ",").ifEmpty("-"),
                             (loaded ? "yes: " : "no: ") + why.replacingOccurrences(of: "not selected: ", with: "")
                                + (plugin.incompatibility.map { "; \($0)" } ?? "")])
            }
            for shadowed in catalog.shadowed {
                let plugin = shadowed.plugin
                rows.append([plugin.name, plugin.manifest.version.description, "\(plugin.origin) \(plugin.folder.relativePath)",
                             plugin.manifest.categories.joined(separator: ",").ifEmpty("-"),
                             "no: shadowed by \(shadowed.by.relativePath)"])
            }
            for broken in catalog.broken {
                rows.append(["?", "?", "\(broken.origin) \(broken.folder.relativePath)", "-", "no: broken manifest (see below)"])
            }
            // Tab-separated, so that `cut -f1` and spreadsheets read it as well as people do.
            if rows.count > 1 { print(rows.map { $0.joined(separator: "\t") }.joined(separator: "\n")) }
            for broken in catalog.broken { Console.standard.err("toolkit: \(broken.problems)") }
            if let failure { throw failure }
        }
    }

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Everything a plugin's manifest says: args with types and defaults, what it provides and requires, its licence and data files.")
        @Argument(help: "The plugin's name.", completion: .custom(Completions.pluginNames)) var name: String
        @OptionGroup var options: Options

        func run() throws {
            let (catalog, failure) = try options.survey()
            guard let plugin = catalog.available.first(where: { $0.name == name }) else {
                throw ToolkitError.usage("no plugin named '\(name)'; the plugins found are \(catalog.available.map(\.name).joined(separator: ", ").ifEmpty("none")) (see `toolkit plugins list`)")
            }
            let m = plugin.manifest
            let loaded = failure == nil && catalog.plugins.contains { $0.name == name }
            var lines: [(String, String)] = [
                ("name", m.name), ("version", m.version.description), ("toolkit", m.toolkit.description + (plugin.incompatibility.map { " (\($0))" } ?? "")),
                ("description", m.description), ("authors", m.authors.joined(separator: ", ")),
                ("license", m.license.ifEmpty("not stated")), ("homepage", m.homepage),
                ("folder", plugin.folder.relativePath), ("found via", plugin.origin),
                ("loaded", failure == nil ? "\(loaded ? "yes" : "no"): \(catalog.reasons[name] ?? "")" : "selection failed: \(failure!)"),
                ("main", m.main + (plugin.initScript == nil ? " (absent: no code)" : "")),
                ("categories", m.categories.joined(separator: ", ").ifEmpty("none (counts as default)")),
                ("languages", m.languages.joined(separator: ", ")),
                ("requires", m.requires.map(\.description).joined(separator: ", ")),
            ]
            if let provides = m.provides {
                lines += [("provides extractors", provides.extractors.joined(separator: ", ").ifEmpty("none")),
                          ("provides reports", provides.reports.joined(separator: ", ").ifEmpty("none")),
                          ("provides kb kinds", provides.kb.joined(separator: ", ").ifEmpty("none"))]
            }
            for argument in m.args {
                let value = argument.defaultValue.map { "default \($0.shown)" } ?? "no default"
                lines.append(("arg \(argument.name)", "\(argument.kind.rawValue), \(value)"
                    + (argument.description.isEmpty ? "" : ": \(argument.description)") + " (--set \(m.name).\(argument.name)=...)"))
            }
            lines += [
                ("kb files", plugin.knowledgeBaseFiles.map(\.lastPathComponent).joined(separator: ", ")),
                ("marker files", plugin.markerFiles.map(\.lastPathComponent).joined(separator: ", ")),
                ("rule files", plugin.ruleFiles.map(\.lastPathComponent).joined(separator: ", ")),
                ("tests", plugin.testFiles.map(\.lastPathComponent).joined(separator: ", ")),
            ]
            // An installed plugin: where it came from, as toolkit.lock recorded it.
            let installer = PluginInstaller()
            if plugin.folder.standardizedFileURL.deletingLastPathComponent().path == installer.folder.standardizedFileURL.path,
               let entry = try PluginLock.read(installer.lockFile).plugins[name]
            {
                lines += [("installed from", "\(entry.kind.rawValue) \(entry.source)" + (entry.ref.map { " at \($0)" } ?? "")),
                          ("commit", entry.commit ?? ""), ("sha256", entry.sha256 ?? ""),
                          ("installed", "\(entry.installed) (\(installer.lockFile.path))")]
            }
            for shadowed in catalog.shadowed where shadowed.plugin.name == name {
                lines.append(("shadows", "\(shadowed.plugin.manifest.version) at \(shadowed.plugin.folder.relativePath) (\(shadowed.plugin.origin))"))
            }
            for (key, value) in lines where !value.isEmpty { print("\(key):\t\(value)") }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check plugins' health: manifest, requires, data files, code and tests.",
            discussion: """
                For each plugin (or the one named): the manifest, whether what it requires is there in \
                range, every kb/, markers/ and rules/ file parsed (errors with file and line), its code \
                loaded in a sandbox and compared with its manifest's provides, and whether it has tests \
                and a README. Exit codes: 0 healthy (warnings allowed), 1 a problem found, 2 no such plugin.
                """)
        @Argument(help: "The plugin to check (default: every plugin found).", completion: .custom(Completions.pluginNames)) var name: String?
        @OptionGroup var options: Options

        func run() throws {
            let catalog = try PluginCatalog.survey(extra: options.folders)
            var reports: [PluginHealth] = []
            if let name {
                if let plugin = catalog.available.first(where: { $0.name == name }) {
                    reports = [PluginHealth(plugin, in: catalog)]
                } else if let broken = catalog.broken.first(where: { $0.folder.lastPathComponent == name }) {
                    reports = [PluginHealth(broken: broken)]
                } else {
                    throw ToolkitError.usage("no plugin named '\(name)'; the plugins found are \(catalog.available.map(\.name).joined(separator: ", ").ifEmpty("none"))")
                }
            } else {
                reports = catalog.available.map { PluginHealth($0, in: catalog) } + catalog.broken.map(PluginHealth.init(broken:))
            }
            for report in reports {
                print(report.title)
                for finding in report.findings { print(finding.description) }
            }
            let sick = reports.filter { !$0.healthy }.count
            print("\(reports.count) plugin(s) checked: \(reports.count - sick) healthy, \(sick) with problems")
            Console.flushStandardOutput()
            if sick > 0 { Foundation.exit(1) }
        }
    }
}

extension String {
    func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
