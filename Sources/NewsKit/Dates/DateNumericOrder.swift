import Foundation

/// Whether a locale writes numeric dates month first (en-US "6/19/2024") or day first
/// (en-GB, fr, ar "19/6/2024"), from ICU's short date pattern. Asked only for numbers that
/// could be read either way, and cached per language tag.
enum DateNumericOrder {
    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var values = [String: Bool]()

        func value(_ tag: String, compute: () -> Bool) -> Bool {
            lock.lock()
            defer { lock.unlock() }
            if let value = values[tag] { return value }
            let value = compute()
            values[tag] = value
            return value
        }
    }

    private static let cache = Cache()

    static func monthFirst(_ tag: String) -> Bool {
        cache.value(tag) {
            let identifier = tag.replacingOccurrences(of: "-", with: "_")
            guard let pattern = DateFormatter.dateFormat(fromTemplate: "yMd", options: 0, locale: Locale(identifier: identifier)),
                  let month = pattern.firstIndex(of: "M"), let day = pattern.firstIndex(of: "d")
            else { return false }
            return month < day
        }
    }
}
