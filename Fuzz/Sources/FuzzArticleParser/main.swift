import Foundation
import FuzzDriver
import NewsKit

/// Built once: loading the markers and the date vocabulary per input would hide the parser's own
/// cost from libFuzzer's executions per second.
private let reader = ArticleReader()

/// Any bytes as a raw scraped article file, through the same path as `toolkit parse`: decoding,
/// segmentation into blocks, fields, quotes, dates and language.
private func fuzzArticleParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let record = InputRecord(document: Document(origin: "fuzz", bytes: bytes))
    let article = reader.article(from: record)
    // Every block must lie inside the raw text it claims to come from.
    let rawCount = article.raw.utf8.count
    for block in article.blocks where block.first < 1 || block.last > rawCount {
        fatalError("block \(block.first)...\(block.last) outside raw of \(rawCount) bytes")
    }
    return 0
}

exit(fuzz_driver_run(CommandLine.argc, CommandLine.unsafeArgv) { fuzzArticleParser($0, $1) })
