import ArgumentParser
import Foundation
import Toolkit

/// `--map-state FILE`: the map half of a report run split across processes or machines
/// (docs/scale.md). `toolkit run` writes the states of the script's reports after the articles it
/// is given; `toolkit merge` writes the merged states instead of finishing them.
struct ReportStateOptions: ParsableArguments {
    @Option(name: .customLong("map-state"), help: ArgumentHelp("Write the states of the script's reports (all must have merge) to this file as JSON instead of finishing them; toolkit merge combines such files. Example: --map-state part-0.json", valueName: "file"))
    var mapState: String?

    var url: URL? { mapState.map { URL(fileURLWithPath: $0) } }

    /// `toolkit run`'s options with the map half asked for, when it is.
    func applied(to options: RunOptions) -> RunOptions {
        guard let url else { return options }
        var options = options
        options.reportStates = .map(to: url)
        return options
    }
}
