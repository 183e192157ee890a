#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Conversion of legacy encodings to UTF-8 through the C library's iconv, whose tables are the
/// ones every Unix tool uses (so a file reads here as it does with `iconv -f CP1256`).
enum Iconv {
    /// The UTF-8 bytes of `bytes` read in `encoding` (an iconv name such as "CP1256"), or nil when
    /// some byte has no meaning in it or the C library does not know the encoding.
    static func utf8(from bytes: UnsafeBufferPointer<UInt8>, encoding: String) -> [UInt8]? {
        convert(bytes, from: encoding, to: "UTF-8")
    }

    /// `bytes` converted between two encodings iconv knows, or nil when a byte sequence has no
    /// meaning in `source` or no form in `target` (tests make their legacy fixtures with it).
    static func convert(_ bytes: UnsafeBufferPointer<UInt8>, from source: String, to target: String) -> [UInt8]? {
        let converter = iconv_open(target, source)
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return [] }
        // No conversion between these encodings more than quadruples the bytes (a single-byte code
        // page to UTF-8 at most triples them, UTF-8 to UTF-16 at most doubles them).
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        let written: Int? = output.withUnsafeMutableBufferPointer { out -> Int? in
            var input = UnsafeMutableRawPointer(mutating: base).assumingMemoryBound(to: CChar.self) as UnsafeMutablePointer<CChar>?
            var inputLeft = bytes.count
            var target = UnsafeMutableRawPointer(out.baseAddress!).assumingMemoryBound(to: CChar.self) as UnsafeMutablePointer<CChar>?
            var targetLeft = out.count
            while inputLeft > 0 {
                if iconv(converter, &input, &inputLeft, &target, &targetLeft) == -1 {
                    // EILSEQ or EINVAL: bytes without meaning in the source, or a character without
                    // form in the target; E2BIG cannot happen with the room reserved above.
                    return nil
                }
            }
            return out.count - targetLeft
        }
        guard let written else { return nil }
        output.removeSubrange(written...)
        return output
    }
}
