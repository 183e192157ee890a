import Foundation

/// Trained weights of one language: a hashed feature table of 2^bits rows × `TaggerLabel.count`
/// 8-bit weights and a transition matrix, read straight from a memory-mapped file.
///
/// File (`*.tagger`, little-endian): the 8 bytes `TKNERWTS`, then UInt32 format version, bits,
/// tag count, feature count; Float32 scale (a weight is its Int8 times the scale); 8 bytes of
/// language code (ASCII, zero-padded); UInt32 bits of the word-class table (0: none); zeros to byte 64; (tags + 1) × tags Float32 transitions
/// (the last row from the start); zeros to byte 576; the weights, row after row; the word-class
/// table's UInt32 slots (`TaggerClusters`).
public struct TaggerModel: Sendable {
    public static let formatVersion: UInt32 = 3
    static let magic = Array("TKNERWTS".utf8)
    static let transitionsOffset = 64
    static let weightsOffset = 576

    public let language: String
    public let bits: Int
    let scale: Float
    /// Constrained: forbidden moves are minus infinity.
    let transitions: [Float]
    let clusters: TaggerClusters
    private let storage: Data

    public enum FormatError: Error, CustomStringConvertible {
        case notATaggerFile(String), version(String, UInt32), shape(String, String)
        public var description: String {
            switch self {
            case .notATaggerFile(let file): return "\(file): not a tagger weights file"
            case .version(let file, let v):
                return "\(file): weights format \(v), this toolkit reads \(TaggerModel.formatVersion): rebuild with make train-ner"
            case .shape(let file, let why): return "\(file): \(why)"
            }
        }
    }

    public init(contentsOf url: URL) throws {
        try self.init(data: try Data(contentsOf: url, options: .alwaysMapped), name: url.lastPathComponent)
    }

    public init(data: Data, name: String = "weights") throws {
        // The table is read in place as native Int16s (every platform Swift runs on is little-endian).
        guard 1.littleEndian == 1, data.count >= Self.weightsOffset, Array(data.prefix(8)) == Self.magic else { throw FormatError.notATaggerFile(name) }
        func u32(_ at: Int) -> UInt32 { data.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: UInt32.self)) } }
        func f32(_ at: Int) -> Float { Float(bitPattern: u32(at)) }
        guard u32(8) == Self.formatVersion else { throw FormatError.version(name, u32(8)) }
        let bits = Int(u32(12))
        guard (8...24).contains(bits), u32(16) == UInt32(TaggerLabel.count), u32(20) == UInt32(TaggerFeatures.count) else {
            throw FormatError.shape(name, "tags, features or table size differ from this toolkit's tagger: rebuild with make train-ner")
        }
        let rows = 1 << bits
        let clusterBits = Int(u32(36))
        guard clusterBits == 0 || (10...24).contains(clusterBits) else { throw FormatError.shape(name, "word-class table of \(clusterBits) bits") }
        let clustersOffset = Self.weightsOffset + rows * TaggerLabel.count
        let expected = clustersOffset + (clusterBits == 0 ? 0 : 4 << clusterBits)
        guard data.count == expected else {
            throw FormatError.shape(name, "\(data.count) bytes, expected \(expected)")
        }
        self.clusters = clusterBits == 0 ? .none : TaggerClusters(bits: clusterBits, slots: (0..<(1 << clusterBits)).map { u32(clustersOffset + 4 * $0) })
        self.bits = bits
        self.scale = f32(24)
        self.language = String(decoding: data[data.startIndex + 28 ..< data.startIndex + 36].prefix { $0 != 0 }, as: UTF8.self)
        let T = TaggerLabel.count
        self.transitions = TaggerViterbi.constrained((0..<((T + 1) * T)).map { f32(Self.transitionsOffset + 4 * $0) })
        self.storage = data
    }

    /// The file's bytes for weights given as Floats, quantised to Int8 over their largest
    /// magnitude. On the development splits this scores as the 16-bit table did (a scale that
    /// clipped the largest 0.1% lost 2 points of precision in Swahili: the largest weights are
    /// the surest evidence).
    public static func encode(language: String, bits: Int, weights: [Float], transitions: [Float], clusters: TaggerClusters = .none) -> Data {
        let T = TaggerLabel.count
        precondition(T == 9, "the table is read as 8 + 1 weights a row")
        precondition(weights.count == (1 << bits) * T && transitions.count == (T + 1) * T)
        let largest = max(weights.lazy.map { abs($0) }.max() ?? 0, 1e-6)
        let scale = largest / 127
        var out = Data(Self.magic)
        func put(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        put(formatVersion); put(UInt32(bits)); put(UInt32(T)); put(UInt32(TaggerFeatures.count)); put(scale.bitPattern)
        out.append(contentsOf: Array(language.utf8.prefix(8)) + [UInt8](repeating: 0, count: 8 - min(8, language.utf8.count)))
        put(UInt32(clusters.bits))
        out.append(Data(count: transitionsOffset - out.count))
        for t in transitions { put(t.bitPattern) }
        out.append(Data(count: weightsOffset - out.count))
        var quantised = [Int8](repeating: 0, count: weights.count)
        for i in weights.indices { quantised[i] = Int8((weights[i] / scale).rounded()) }
        quantised.withUnsafeBytes { out.append(contentsOf: $0) }
        for slot in clusters.slots { put(slot) }
        return out
    }

    /// Best tags for `tokens`, with each token's margin of its tag's emission over the best other tag.
    func tag(_ tokens: UnsafeBufferPointer<TaggerTokenizer.Token>, tags: inout [Int], margins: inout [Float]) {
        let n = tokens.count
        let T = TaggerLabel.count
        let F = TaggerFeatures.count
        // Both tables are filled whole below (every row of every token, every tag of every
        // token), so they are not zeroed first: that was 8% of the tagging.
        var emissions = [Float](unsafeUninitializedCapacity: n * T) { _, count in count = n * T }
        // All rows first, then the sums: the table lookups of many tokens are then independent
        // loads that the processor overlaps, which is what bounds the speed.
        let rows = [UInt32](unsafeUninitializedCapacity: n * F) { rows, count in
            for i in 0..<n { TaggerFeatures.rows(at: i, of: tokens, bits: bits, into: rows.baseAddress! + i * F) }
            count = n * F
        }
        storage.withUnsafeBytes { raw in
            let table = raw.baseAddress!.advanced(by: Self.weightsOffset)
            rows.withUnsafeBufferPointer { rows in
                emissions.withUnsafeMutableBufferPointer { e in
                    for i in 0..<n {
                        // F × 127 fits an Int16 for any F below 258.
                        var first8 = SIMD8<Int16>(repeating: 0)
                        var ninth: Int16 = 0
                        for k in 0..<F {
                            let row = table + Int(rows[i * F + k]) * T
                            first8 &+= SIMD8<Int16>(truncatingIfNeeded: row.loadUnaligned(as: SIMD8<Int8>.self))
                            ninth &+= Int16(row.loadUnaligned(fromByteOffset: 8, as: Int8.self))
                        }
                        for t in 0..<8 { e[i * T + t] = Float(first8[t]) * scale }
                        e[i * T + 8] = Float(ninth) * scale
                    }
                }
            }
        }
        emissions.withUnsafeBufferPointer { TaggerViterbi.decode(emissions: $0, count: n, transitions: transitions, into: &tags) }
        margins = (0..<n).map { i in
            let chosen = emissions[i * T + tags[i]]
            var other = -Float.infinity
            for t in 0..<T where t != tags[i] { other = max(other, emissions[i * T + t]) }
            return chosen - other
        }
    }
}
