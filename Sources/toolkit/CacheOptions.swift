import ArgumentParser
import Foundation
import Toolkit

/// The article cache and the progress line, for the commands that run Lua code over a corpus
/// (run, report, lua).
struct CacheOptions: ParsableArguments {
    @Option(name: .customLong("cache"), help: ArgumentHelp("Folder of the article cache: parsed and annotated articles kept between runs, so that a rerun over the same corpus skips parsing and annotating (default: $XDG_CACHE_HOME/toolkit, else ~/.cache/toolkit). Example: --cache /tmp/toolkit-cache", valueName: "dir"))
    var folder: String?

    @Flag(name: .customLong("no-cache"), help: ArgumentHelp("Neither read nor write the article cache: every article is parsed and annotated again."))
    var noCache = false

    @Flag(help: ArgumentHelp("No progress line on standard error (it is drawn only on a terminal, for runs over a second)."))
    var quiet = false

    @Flag(help: ArgumentHelp("Draw the progress line even when standard error is not a terminal (each update starts with a carriage return and an erase-line sequence)."))
    var progress = false

    func validate() throws {
        if noCache && folder != nil { throw ValidationError("--cache and --no-cache contradict each other; give one") }
        if quiet && progress { throw ValidationError("--quiet and --progress contradict each other; give one") }
        if let folder, folder.isEmpty { throw ValidationError("--cache needs a folder, like --cache /tmp/toolkit-cache") }
    }

    func apply(to options: inout RunOptions) {
        options.cacheFolder = noCache ? nil : folder.map { URL(fileURLWithPath: $0) } ?? ArticleCache.defaultFolder()
        options.progress = quiet ? .never : progress ? .always : .onTerminal
    }
}
