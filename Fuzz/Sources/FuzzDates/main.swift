import Foundation
import FuzzDriver
import NewsKit

/// A fixed reference day, so that a crash found with one input reproduces on any day.
private let parser = DateParser(reference: Date(timeIntervalSince1970: 1_718_755_200))
private let languages: [String?] = [nil, "en", "ar", "fa", "sw", "fr", "de", "ru", "tr", "ur", "es", "zh"]

/// Any bytes as a date string and as running text; the first byte picks the language hint.
private func fuzzDates(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard size > 0, let data else { return 0 }
    let lang = languages[Int(data[0]) % languages.count]
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    _ = parser.parse(text, lang: lang)
    let count = text.utf8.count
    for mention in parser.find(in: text, lang: lang) where mention.utf8Range.lowerBound < 0 || mention.utf8Range.upperBound > count {
        fatalError("mention \(mention.utf8Range) outside a text of \(count) bytes")
    }
    return 0
}

exit(fuzz_driver_run(CommandLine.argc, CommandLine.unsafeArgv) { fuzzDates($0, $1) })
