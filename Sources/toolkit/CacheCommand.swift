import ArgumentParser
import Foundation
import Toolkit

struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Show where the article cache is and what it holds, or clear it.",
        discussion: """
            toolkit run, report and lua keep the articles they parse and annotate in an SQLite file, \
            by the content of each record, this build of the toolkit and the data of the loaded \
            plugins, so that a rerun over the same corpus skips that work. A changed plugin, \
            knowledge base or toolkit misses what it changes and stores it anew. The cache keeps at \
            most 4 GiB; the oldest entries go first. Beside it, in compiled/, every command keeps the \
            knowledge base's matcher tables (the last 4, some 13 MB each), so that the next process \
            reads them instead of building them; --no-cache neither reads nor writes them.

            Examples:
              toolkit cache
              toolkit cache clear
              toolkit cache --cache /tmp/toolkit-cache
            """,
        subcommands: [Show.self, Clear.self],
        defaultSubcommand: Show.self
    )

    struct Location: ParsableArguments {
        @Option(name: .customLong("cache"), help: ArgumentHelp("The cache's folder (default: $XDG_CACHE_HOME/toolkit, else ~/.cache/toolkit).", valueName: "dir"))
        var folder: String?

        func resolved() throws -> URL {
            if let folder { return URL(fileURLWithPath: folder) }
            guard let folder = ArticleCache.defaultFolder() else {
                throw ToolkitError.usage("no cache folder: neither XDG_CACHE_HOME nor HOME is set; pass --cache DIR")
            }
            return folder
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Where the cache is, its size and what it holds (the default).")

        @OptionGroup var location: Location

        func run() throws {
            let folder = try location.resolved()
            let file = folder.appendingPathComponent(ArticleCache.fileName)
            let size = ArticleCache.size(of: folder)
            var lines = ["location  \(file.path)"]
            let tables = ArticleCache.compiledTableFiles(in: folder).filter { $0.pathExtension == "automaton" }
            let tablesLine = tables.isEmpty ? nil
                : "compiled  \(tables.count) knowledge-base matcher table\(tables.count == 1 ? "" : "s") in \(ArticleCache.compiledTables(in: folder).path)"
            guard let contents = try ArticleCache.contents(of: folder) else {
                lines.append("size      \(Self.megabytes(size)) (no cache yet: the next run over a corpus starts it)")
                if let tablesLine { lines.append(tablesLine) }
                print(lines.joined(separator: "\n"))
                return
            }
            let files = ArticleCache.files(in: folder) + ArticleCache.compiledTableFiles(in: folder)
            lines.append("size      \(Self.megabytes(size)) in \(files.count) file\(files.count == 1 ? "" : "s")")
            if let tablesLine { lines.append(tablesLine) }
            lines.append("holds     \(contents.parsedArticles) parsed article\(contents.parsedArticles == 1 ? "" : "s"), \(contents.annotations) annotation\(contents.annotations == 1 ? "" : "s")")
            lines.append("check     \(contents.check)")
            let aside = files.filter { $0.lastPathComponent.contains(".damaged-") && !$0.lastPathComponent.hasSuffix("-wal") && !$0.lastPathComponent.hasSuffix("-shm") }
            for file in aside { lines.append("set aside \(file.path) (damaged; toolkit cache clear removes it)") }
            print(lines.joined(separator: "\n"))
        }

        static func megabytes(_ bytes: Int64) -> String { String(format: "%.1f MB", Double(bytes) / 1e6) }
    }

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "clear", abstract: "Remove the cache's files (the next run starts an empty cache).")

        @OptionGroup var location: Location

        func run() throws {
            let folder = try location.resolved()
            do {
                let freed = try ArticleCache.clear(folder: folder)
                print("cleared \(folder.appendingPathComponent(ArticleCache.fileName).path) (\(Show.megabytes(freed)) freed)")
            } catch {
                throw ToolkitError.usage("cannot clear the cache in \(folder.path): \(error.localizedDescription)")
            }
        }
    }
}
