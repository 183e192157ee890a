import Foundation
import FuzzDriver
import NewsKit

/// Any bytes as a JSON Lines file: every line must end as a record or as a warning, never a crash.
private func fuzzJSONLines(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    var records = 0
    JSONLinesReader(origin: "fuzz").read(bytes, warn: { _ in }) { record in
        records += 1
        // Touch what the pipeline reads next, so a record that cannot be used shows up here.
        _ = record.document.text.utf8.count + (record.title?.utf8.count ?? 0) + record.meta.count
    }
    return 0
}

exit(fuzz_driver_run(CommandLine.argc, CommandLine.unsafeArgv) { fuzzJSONLines($0, $1) })
