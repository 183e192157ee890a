import ArgumentParser

/// `--verbose` of the commands that run Lua code (run, report, lua).
struct VerboseOption: ParsableArguments {
    @Flag(help: ArgumentHelp("Say on stderr which plugins loaded and why, each extractor's mentions and time, each report's outputs and the reports' time, and which plugins produced nothing."))
    var verbose = false
}
