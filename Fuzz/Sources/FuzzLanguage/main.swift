import Foundation
import FuzzDriver
import NewsKit

/// Any bytes, valid UTF-8 or not, through language identification: the byte scanner directly,
/// and the String entry points on the decoded text.
private func fuzzLanguage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let identifier = LanguageIdentifier.shared
    let raw = identifier.identify(utf8: bytes)
    let text = String(decoding: bytes, as: UTF8.self)
    let guess = identifier.identify(text)
    let ranked = identifier.ranked(text, limit: 3)
    let confidences = [raw.confidence, guess.confidence] + ranked.map(\.confidence)
    if confidences.contains(where: { !($0 >= 0 && $0 <= 1.000001) }) {
        fatalError("confidence out of 0...1: \(confidences)")
    }
    _ = Script.dominant(in: text)
    return 0
}

exit(fuzz_driver_run(CommandLine.argc, CommandLine.unsafeArgv) { fuzzLanguage($0, $1) })
