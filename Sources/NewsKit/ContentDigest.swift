/// A 128-bit digest of bytes, for cache keys and fingerprints: two 64-bit lanes over 16-byte blocks,
/// each word multiplied, rotated and fed into both lanes, then a final avalanche. It reads the
/// bytes at several GB/s, is stable across runs and machines (unlike `Hasher`), and is not
/// cryptographic: the cache is the user's own, so it guards against accidents, not adversaries.
public struct ContentDigest: Hashable, Sendable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The digest of the bytes, seeded by `seed` (a digest of what came before, for chains).
    public init(_ bytes: UnsafeRawBufferPointer, seed: ContentDigest = ContentDigest(high: 0, low: 0)) {
        let k1: UInt64 = 0x9E37_79B9_7F4A_7C15, k2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var a = seed.high ^ 0x243F_6A88_85A3_08D3 ^ (UInt64(bytes.count) &* k1)
        var b = seed.low ^ 0x1319_8A2E_0370_7344
        var i = 0
        let n = bytes.count
        while i + 16 <= n {
            let x = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian &* k1
            let y = bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self).littleEndian &* k2
            a = ((a ^ x).rotated(29) &+ b) &* k2
            b = ((b ^ y).rotated(31) &+ a) &* k1
            i += 16
        }
        if i < n {
            var tail: (UInt64, UInt64) = (0, 0)
            withUnsafeMutableBytes(of: &tail) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[i..<n])) }
            a = ((a ^ (tail.0.littleEndian &* k1)).rotated(29) &+ b) &* k2
            b = ((b ^ (tail.1.littleEndian &* k2)).rotated(31) &+ a) &* k1
        }
        a = Self.avalanche(a &+ b)
        b = Self.avalanche(b ^ a)
        self.init(high: a, low: b)
    }

    public init(_ bytes: [UInt8], seed: ContentDigest = ContentDigest(high: 0, low: 0)) {
        self = bytes.withUnsafeBytes { ContentDigest($0, seed: seed) }
    }

    public init(_ string: String, seed: ContentDigest = ContentDigest(high: 0, low: 0)) {
        var string = string
        self = string.withUTF8 { ContentDigest(UnsafeRawBufferPointer($0), seed: seed) }
    }

    /// Mixes the bits so that each input bit reaches every output bit.
    private static func avalanche(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 31
        x &*= 0xBF58_476D_1CE4_E5B9
        x ^= x >> 29
        x &*= 0x94D0_49BB_1331_11EB
        x ^= x >> 32
        return x
    }

    /// The 16 bytes, high lane first, big-endian (what the cache stores and compares).
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(16)
        for lane in [high, low] { for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: lane >> UInt64(shift))) } }
        return out
    }

    public var description: String {
        let hex = [high, low].map { String($0, radix: 16) }.map { String(repeating: "0", count: 16 - $0.count) + $0 }
        return hex.joined()
    }
}

/// A digest of several values in order: each is digested seeded by what came before, with its
/// length, so ("ab", "c") and ("a", "bc") differ.
public struct DigestChain: Sendable {
    public private(set) var digest = ContentDigest(high: 0x6A09_E667_F3BC_C908, low: 0xBB67_AE85_84CA_A73B)

    public init() {}

    public mutating func add(_ bytes: UnsafeRawBufferPointer) { digest = ContentDigest(bytes, seed: digest) }
    public mutating func add(_ bytes: [UInt8]) { digest = ContentDigest(bytes, seed: digest) }
    public mutating func add(_ string: String) { digest = ContentDigest(string, seed: digest) }
    public mutating func add(_ string: String?) {
        if let string { add("+"); add(string) } else { add("-") }
    }
    public mutating func add(_ value: Int) { add(String(value)) }
    public mutating func add(_ other: ContentDigest) { add(other.bytes) }
}

private extension UInt64 {
    func rotated(_ n: UInt64) -> UInt64 { (self << n) | (self >> (64 - n)) }
}
