import Foundation

/// The bytes of one input and their decoded text. Input that is not valid UTF-8 is decoded with
/// U+FFFD in place of the bad bytes and carries a warning; it never stops a run.
public struct Document: Sendable {
    /// Where it came from: a path, `path:line` for a JSON Lines record, or `-` for standard input.
    public var origin: String
    public var text: String
    /// Stable id: a hash of the content, the same wherever the file lies.
    public var contentHash: String
    public var warnings: [String]

    public init(origin: String, bytes: some Collection<UInt8>) {
        self.origin = origin
        var warnings: [String] = []
        let text: String
        if let valid = String(validating: bytes, as: UTF8.self) {
            text = valid
        } else {
            text = String(decoding: bytes, as: UTF8.self)
            warnings.append("\(origin): not valid UTF-8; bad bytes were replaced with U+FFFD")
        }
        // A byte-order mark is not text.
        self.text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        self.contentHash = ContentHash.hex(of: self.text)
        self.warnings = warnings
    }

    public init(origin: String, text: String) {
        self.origin = origin
        self.text = text
        self.contentHash = ContentHash.hex(of: text)
        self.warnings = []
    }
}

/// 64-bit FNV-1a over UTF-8: fast, stable across runs and machines (unlike `Hasher`), and wide
/// enough for article ids in corpora of millions.
public enum ContentHash {
    public static func hex(of text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
