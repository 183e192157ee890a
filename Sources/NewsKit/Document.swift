import Foundation

/// The bytes of one input and their decoded text. Other encodings (UTF-16, Windows-1256,
/// Windows-1252) are recognised and converted with a note; bytes that are not valid in any are
/// replaced with U+FFFD with a warning. Neither stops a run.
public struct Document: Sendable {
    /// Where it came from: a path, `path:line` for a JSON Lines record, or `-` for standard input.
    public var origin: String
    public var text: String
    /// Stable id: a hash of the content, the same wherever the file lies. Computed when asked:
    /// a record that gives its own id never pays for hashing its text.
    public var contentHash: String { ContentHash.hex(of: text) }
    /// How the bytes were read when not as clean UTF-8: notes (another encoding) and warnings
    /// (bytes replaced).
    public var problems: [InputProblem]
    /// What was encoded how, for a person: one line per problem.
    public var warnings: [String] { problems.map(\.message) }

    /// The document of bytes known to be text; anything unreadable becomes U+FFFD with a warning.
    public init(origin: String, bytes: some Collection<UInt8>) {
        let decoded = InputDecoder.text(bytes, origin: origin)
        self.init(origin: origin, decoded: decoded)
    }

    public init(origin: String, text: String) {
        self.origin = origin
        self.text = text
        self.problems = []
    }

    init(origin: String, decoded: DecodedInput) {
        self.origin = origin
        self.text = decoded.text
        self.problems = decoded.problems
    }

    /// The document of a file's bytes, or why the file gives none: binary, empty, only whitespace.
    public static func read(origin: String, bytes: some Collection<UInt8>) -> Result<Document, InputProblem> {
        InputDecoder.decode(bytes, origin: origin).map { Document(origin: origin, decoded: $0) }
    }
}

/// 64-bit FNV-1a over UTF-8: fast, stable across runs and machines (unlike `Hasher`), and wide
/// enough for article ids in corpora of millions.
public enum ContentHash {
    public static func hex(of text: String) -> String {
        var text = text
        // Over the bytes in place: through `utf8`'s iterator each byte cost ~30 instructions,
        // 9% of extracting a web page (whose id is the hash of its whole text).
        let hash = text.withUTF8(fnv1a)
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}
