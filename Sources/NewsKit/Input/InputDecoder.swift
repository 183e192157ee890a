#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text of an input whatever encoding it came in, or why it has none.
public struct DecodedInput: Sendable {
    public var text: String
    /// "UTF-8", "UTF-16LE", "Windows-1256", ...
    public var encoding: String
    /// Notes and warnings on how it was read (empty for clean UTF-8).
    public var problems: [InputProblem]
}

/// Turns the bytes of one input into text. Clean UTF-8 (the hot path: nearly every file) costs one
/// `memchr` for NUL and one validation; everything else is looked at more closely: byte-order
/// marks, UTF-16 without one, binary files, legacy code pages, and UTF-8 with a few bad bytes.
public enum InputDecoder {
    /// The text, or the reason the input gives no article (binary, empty, only whitespace).
    public static func decode(_ bytes: some Collection<UInt8>, origin: String) -> Result<DecodedInput, InputProblem> {
        let decoded = bytes.withContiguousStorageIfAvailable { decode(buffer: $0, origin: origin) }
        return decoded ?? Array(bytes).withUnsafeBufferPointer { decode(buffer: $0, origin: origin) }
    }

    /// The text of any bytes, never refused: what cannot be read becomes U+FFFD with a warning.
    /// For callers that have bytes they know to be text (and for the old `Document(bytes:)`).
    public static func text(_ bytes: some Collection<UInt8>, origin: String) -> DecodedInput {
        let decoded = bytes.withContiguousStorageIfAvailable { text(buffer: $0, origin: origin) }
        return decoded ?? Array(bytes).withUnsafeBufferPointer { text(buffer: $0, origin: origin) }
    }

    static func decode(buffer bytes: UnsafeBufferPointer<UInt8>, origin: String) -> Result<DecodedInput, InputProblem> {
        if bytes.isEmpty {
            return .failure(InputProblem(.empty, place: origin, detail: "empty file"))
        }
        let decoded: DecodedInput
        switch classify(bytes, origin: origin) {
        case .binary(let reason):
            return .failure(InputProblem(.binary, place: origin, detail: "binary file (\(reason))"))
        case .text(let text):
            decoded = text
        }
        if decoded.text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0 == "\u{FEFF}" }) {
            let detail = decoded.text.isEmpty ? "empty file" : "only whitespace"
            return .failure(InputProblem(.empty, place: origin, detail: detail))
        }
        return .success(decoded)
    }

    static func text(buffer bytes: UnsafeBufferPointer<UInt8>, origin: String) -> DecodedInput {
        switch classify(bytes, origin: origin) {
        case .text(let text): return text
        case .binary: return utf8(bytes, origin: origin)
        }
    }

    enum Verdict {
        case text(DecodedInput)
        case binary(String)
    }

    static func classify(_ bytes: UnsafeBufferPointer<UInt8>, origin: String) -> Verdict {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            // The UTF-8 byte-order mark says nothing a reader needs; the rest is judged as usual.
            return classify(UnsafeBufferPointer(rebasing: bytes.dropFirst(3)), origin: origin)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let order: UTF16Order = bytes[0] == 0xFF ? .littleEndian : .bigEndian
            return .text(utf16(UnsafeBufferPointer(rebasing: bytes.dropFirst(2)), order: order, origin: origin,
                               how: "byte-order mark", guessed: false))
        }
        let hasNUL = bytes.isEmpty ? false : memchr(bytes.baseAddress!, 0, bytes.count) != nil
        if !hasNUL, let text = String(validating: bytes, as: UTF8.self) {
            return .text(DecodedInput(text: text, encoding: "UTF-8", problems: []))
        }
        return slowPath(bytes, origin: origin)
    }

    /// Bytes that hold NULs or are not valid UTF-8.
    private static func slowPath(_ bytes: UnsafeBufferPointer<UInt8>, origin: String) -> Verdict {
        if let name = BinarySignature.name(of: bytes) { return .binary(name) }
        let statistics = ByteStatistics(bytes)
        if let order = statistics.utf16Order {
            let decoded = utf16(bytes, order: order, origin: origin,
                                how: "no byte-order mark; guessed from NUL bytes in alternate places", guessed: true)
            // UTF-16 text has no control characters beyond line ends and tabs; a binary file whose
            // NULs happen to line up does.
            if controlShare(of: decoded.text) * 20 <= 1 { return .text(decoded) }
            return .binary("NUL bytes")
        }
        if let reason = statistics.binaryReason { return .binary(reason) }
        let shape = UTF8Shape(bytes)
        if shape.invalid == 0 {
            // Valid UTF-8 with a stray NUL or two: text.
            return .text(DecodedInput(text: String(decoding: bytes, as: UTF8.self), encoding: "UTF-8", problems: []))
        }
        // More well-formed multi-byte sequences than bad bytes: UTF-8 with damage, not another
        // encoding (a code page makes few valid sequences by chance, and many bad ones).
        if shape.validMultibyte < shape.invalid, let (encoding, text) = LegacyEncoding.guess(bytes) {
            let script = encoding == .windows1256 ? "Arabic-script" : "Latin-script"
            let note = InputProblem(
                .otherEncoding, place: origin, detail: "not UTF-8",
                consequence: "read as \(encoding.rawValue) (guessed: its bytes make \(script) words; to be sure, convert the file to UTF-8 with iconv)")
            return .text(DecodedInput(text: text, encoding: encoding.rawValue, problems: [note]))
        }
        return .text(utf8(bytes, origin: origin))
    }

    /// UTF-8 with U+FFFD for what is not, and a warning when there was any.
    static func utf8(_ bytes: UnsafeBufferPointer<UInt8>, origin: String) -> DecodedInput {
        if let text = String(validating: bytes, as: UTF8.self) {
            return DecodedInput(text: text, encoding: "UTF-8", problems: [])
        }
        let warning = InputProblem(.replacedBytes, place: origin, detail: "not valid UTF-8",
                                   consequence: "bad bytes were replaced with U+FFFD")
        return DecodedInput(text: String(decoding: bytes, as: UTF8.self), encoding: "UTF-8", problems: [warning])
    }

    static func utf16(_ bytes: UnsafeBufferPointer<UInt8>, order: UTF16Order, origin: String, how: String,
                      guessed: Bool) -> DecodedInput
    {
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var i = 0
        while i + 1 < bytes.count {
            let (a, b) = (UInt16(bytes[i]), UInt16(bytes[i + 1]))
            units.append(order == .littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        var problems = [InputProblem(.otherEncoding, place: origin, detail: "not UTF-8",
                                     consequence: "read as \(order.name) (\(how))", isProblem: guessed)]
        var text: String
        if let valid = String(validating: units, as: UTF16.self) {
            text = valid
        } else {
            text = String(decoding: units, as: UTF16.self)
            problems.append(InputProblem(.replacedBytes, place: origin, detail: "not valid \(order.name)",
                                         consequence: "unpaired surrogates were replaced with U+FFFD"))
        }
        if bytes.count % 2 == 1 {
            text.append("\u{FFFD}")
            problems.append(InputProblem(.replacedBytes, place: origin, detail: "odd number of bytes for \(order.name)",
                                         consequence: "the last byte was replaced with U+FFFD"))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return DecodedInput(text: text, encoding: order.name, problems: problems)
    }

    private static func controlShare(of text: String) -> Double {
        var controls = 0, all = 0
        for scalar in text.unicodeScalars.prefix(1 << 15) {
            all += 1
            if scalar.value < 0x20 && !(0x09...0x0D).contains(scalar.value) { controls += 1 }
        }
        return all == 0 ? 0 : Double(controls) / Double(all)
    }
}

/// Well-formed multi-byte sequences and bad bytes in bytes that are not all valid UTF-8.
struct UTF8Shape {
    var validMultibyte = 0
    var invalid = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            if lead < 0x80 { i += 1; continue }
            let length: Int
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            var ok = length > 0 && i + length <= bytes.count
            if ok {
                for j in 1..<length where bytes[i + j] & 0xC0 != 0x80 { ok = false; break }
            }
            if ok {
                // Overlong and surrogate forms of three- and four-byte sequences are bad too.
                let second = bytes[i + 1]
                if lead == 0xE0 && second < 0xA0 || lead == 0xED && second > 0x9F
                    || lead == 0xF0 && second < 0x90 || lead == 0xF4 && second > 0x8F { ok = false }
            }
            if ok {
                validMultibyte += 1
                i += length
            } else {
                invalid += 1
                i += 1
            }
        }
    }
}
