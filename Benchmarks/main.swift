import Foundation

// `make bench` runs each benchmark in release mode; see the Makefile.
let arguments = Array(CommandLine.arguments.dropFirst())
let usage = """
    usage: toolkit-bench matcher [--kb DIR] [--corpus DIR] [--mb 200]
           toolkit-bench langid [--corpus DIR] [--errors N] [--speed-only]
           toolkit-bench annotation [CORPUS_DIR] [ARTICLES]
           toolkit-bench html PAGES_DIR LIST OUT.json
    """
switch arguments.first {
case "matcher": exit(MatcherBenchmark.run(arguments: Array(arguments.dropFirst())))
case "langid": exit(LangIDBenchmark.run(Array(arguments.dropFirst())))
case "annotation": exit(AnnotationBenchmark.run(Array(arguments.dropFirst())))
case "html": exit(HTMLBenchmark.run(Array(arguments.dropFirst())))
case nil, "--help", "-h": print(usage); exit(0)
default: print(usage); exit(2)
}
