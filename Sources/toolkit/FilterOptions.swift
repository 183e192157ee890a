import ArgumentParser
import Foundation
import Toolkit

/// `--lang`, `--since`, `--until`, `--source`: which articles every pass of a run hands out, as a
/// script's `toolkit.articles{...}` filter does, applied in the stream before annotation.
struct FilterOptions: ParsableArguments {
    @Option(name: .customLong("lang"), help: ArgumentHelp("Read only articles in this language (a code as article.lang gives it); repeatable or comma-separated. Example: --lang ar,fa", valueName: "code"))
    var languages: [String] = []

    @Option(help: ArgumentHelp("Read only articles dated on or after this day (YYYY-MM-DD, YYYY-MM or YYYY); articles without a date are left out. Example: --since 2024-01-01", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Read only articles dated on or before this day (YYYY-MM-DD, YYYY-MM or YYYY); articles without a date are left out. Example: --until 2024-06", valueName: "date"))
    var until: String?

    @Option(name: .customLong("source"), help: ArgumentHelp("Read only articles whose source contains this text (case ignored); repeatable. Example: --source \"BBC\"", valueName: "text"))
    var sources: [String] = []

    /// The filter, or nil when no option was given; a bound that is no date is a usage error.
    func filter() throws -> ArticleFilter? {
        let languages = self.languages.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
            .filter { !$0.isEmpty }
        let filter = try ArticleFilter(languages: languages, since: since, until: until, sources: sources)
        return filter.isEmpty ? nil : filter
    }
}
