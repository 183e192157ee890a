import ArgumentParser
import Foundation
import Toolkit

extension Plugins {
    struct Pack: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Pack a plugin folder as NAME-VERSION.tar.gz with its .sha256, to share.",
            discussion: """
                The archive holds one folder, NAME, without hidden files; packing the same files again \
                gives the same bytes. Give the .tar.gz and its .sha256 together; `toolkit plugins install` \
                checks one against the other.

                Example:
                  toolkit plugins pack ./sahel-watch --out dist
                """)
        @Argument(help: ArgumentHelp("The plugin's folder.", valueName: "dir")) var folder: String
        @Option(help: ArgumentHelp("Folder the archive is written into (default: the current folder).", valueName: "dir")) var out: String = "."

        func run() throws {
            let packed = try PluginPackage.pack(URL(fileURLWithPath: folder), into: URL(fileURLWithPath: out))
            print("\(packed.archive.relativePath)\n\(packed.checksumFile.relativePath)\nsha256 \(packed.sha256)")
        }
    }

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Install a plugin into the user folder from a folder, an archive or a git repository.",
            discussion: """
                SRC is a plugin folder; a .tar.gz (made by `plugins pack`), checked against SRC.sha256 \
                beside it or --sha256; or a git repository (a URL, or a local folder holding .git), \
                cloned with the system git at --ref (a tag, branch or commit; default its HEAD). The \
                plugin goes to $XDG_DATA_HOME/toolkit/plugins/NAME (default ~/.local/share/...) and is \
                recorded in toolkit.lock there: version, source, ref and commit, checksums. Nothing of \
                the plugin runs: its manifest is read as data, and a plugin made for another toolkit \
                version is refused with the range it asks for.

                Examples:
                  toolkit plugins install dist/sahel-watch-0.1.0.tar.gz
                  toolkit plugins install https://example.org/sahel-watch.git --ref v0.1.0
                  toolkit plugins install ./sahel-watch
                """)
        @Argument(help: ArgumentHelp("A folder, a .tar.gz, or a git URL or repository.", valueName: "src")) var source: String
        @Option(help: ArgumentHelp("Git: the tag, branch or commit to install.", valueName: "ref")) var ref: String?
        @Option(help: ArgumentHelp("Archives: the SHA-256 the archive must have (instead of SRC.sha256).", valueName: "hex")) var sha256: String?
        @Flag(help: "Replace an installed plugin of the same name.") var force = false

        func run() throws {
            let installer = PluginInstaller()
            let installed = try installer.install(source, ref: ref, sha256: sha256, replace: force)
            Plugins.describe(installed, verb: "installed")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a plugin installed in the user folder, and its toolkit.lock entry.")
        @Argument(help: "The plugin's name.", completion: .custom(Completions.pluginNames)) var name: String

        func run() throws {
            let folder = try PluginInstaller().remove(name)
            print("removed \(name) (\(folder.path))")
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Install a plugin again from the source recorded in toolkit.lock.",
            discussion: """
                A git source is cloned again at its recorded ref (a tag or branch may have moved; a \
                commit stays) or at --ref; an archive is checked again against its .sha256; a folder is \
                copied again.
                """)
        @Argument(help: "The plugin's name.", completion: .custom(Completions.pluginNames)) var name: String
        @Option(help: ArgumentHelp("Git: another tag, branch or commit to move to.", valueName: "ref")) var ref: String?

        func run() throws {
            Plugins.describe(try PluginInstaller().update(name, ref: ref), verb: "updated")
        }
    }

    static func describe(_ installed: PluginInstaller.Installed, verb: String) {
        let entry = installed.entry
        var line = "\(verb) \(installed.name) \(entry.version) into \(installed.folder.path)"
        if let replaced = installed.replaced { line += " (was \(replaced))" }
        print(line)
        print("from \(entry.kind.rawValue) \(entry.source)" + (entry.ref.map { " at \($0)" } ?? "") + (entry.commit.map { " (commit \($0))" } ?? ""))
        if let sha = entry.sha256 { print("sha256 \(sha) (verified)") }
        print("recorded in \(installed.folder.deletingLastPathComponent().appendingPathComponent(PluginLock.fileName).path)")
    }
}
