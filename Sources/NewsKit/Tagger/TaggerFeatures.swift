/// The feature templates: what the tagger looks at for one token. Each feature is a template
/// number and a value hashed together into a row of the weight table, so the table's size is
/// fixed whatever the vocabulary. Changing a template changes what the weights mean: bump
/// `TaggerModel.formatVersion`.
enum TaggerFeatures {
    static let count = 27

    /// Facts of one token that its own and its neighbours' features combine.
    struct Token {
        var word: UInt64
        var prefix2: UInt64
        var prefix3: UInt64
        var suffix2: UInt64
        var suffix3: UInt64
        var suffix4: UInt64
        /// Kind, writing, case, attachment and length bucket.
        var shape: UInt64
        /// Kind, writing and case only: what context features pair with words.
        var coarse: UInt64
        var gazetteer: UInt64
        /// The word's class learnt from the corpus (`TaggerClusters`), 0 for a word it did not hold.
        var cluster: UInt64
    }

    static let boundary = Token(word: 0x5eed, prefix2: 1, prefix3: 1, suffix2: 1, suffix3: 1, suffix4: 1,
                                shape: 0xb0, coarse: 0xb0, gazetteer: 0x100, cluster: 0x100)

    static func token(folded key: [UInt8], _ t: TaggerTokenizer.WordFacts, gazetteer: TaggerGazetteer, clusters: TaggerClusters) -> Token {
        let (hash, p2, p3, s2, s3, s4, length) = key.withUnsafeBufferPointer { affixes($0) }
        let lengthBucket: UInt64 = length <= 3 ? UInt64(length) : length <= 5 ? 4 : length <= 8 ? 5 : 6
        let coarse = UInt64(t.kind.rawValue) | UInt64(t.writing.rawValue) << 2
            | (t.upperInitial ? 16 : 0) | (t.allCaps ? 32 : 0)
        let shape = coarse | (t.upperAfterHyphen ? 64 : 0) | (t.attached ? 128 : 0) | (t.lineBefore ? 256 : 0)
            | (t.zwnjBefore ? 512 : 0) | lengthBucket << 10
        return Token(word: hash, prefix2: p2, prefix3: p3, suffix2: s2, suffix3: s3, suffix4: s4,
                     shape: shape, coarse: coarse, gazetteer: UInt64(gazetteer.mask(of: hash)),
                     cluster: UInt64(clusters.cluster(of: hash)))
    }

    /// The FNV-1a hash of a folded key (as `RuleKey.fnv`), hashes of its first two and three and
    /// last two, three and four scalars, and its length in scalars; an affix longer than the
    /// word is the whole word.
    @inline(__always)
    static func affixes(_ b: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, Int) {
        var starts: (Int, Int, Int, Int) = (b.count, b.count, b.count, b.count)
        var scalars = 0
        var p2: UInt64 = 0xcbf29ce484222325, p3: UInt64 = 0
        var h: UInt64 = 0xcbf29ce484222325
        for i in 0..<b.count {
            let byte = b[i]
            if byte & 0xC0 != 0x80 {
                if scalars == 2 { p2 = h }
                if scalars == 3 { p3 = h }
                scalars += 1
                starts = (starts.1, starts.2, starts.3, i)
            }
            h = (h ^ UInt64(byte)) &* 0x100000001b3
        }
        if scalars <= 2 { p2 = h }
        if scalars <= 3 { p3 = h }
        func tail(_ from: Int) -> UInt64 {
            var h: UInt64 = 0xcbf29ce484222325
            var i = min(from, b.count)
            while i < b.count { h = (h ^ UInt64(b[i])) &* 0x100000001b3; i += 1 }
            return h
        }
        let s4 = scalars >= 4 ? tail(starts.0) : tail(0)
        let s3 = scalars >= 3 ? tail(starts.1) : tail(0)
        let s2 = scalars >= 2 ? tail(starts.2) : tail(0)
        return (h, p2, p3, s2, s3, s4, scalars)
    }

    @inline(__always)
    static func mix(_ template: UInt64, _ value: UInt64) -> UInt64 {
        var z = value &+ template &* 0x9E3779B97F4A7C15
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }

    @inline(__always)
    static func row(_ template: UInt64, _ value: UInt64, _ shift: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: mix(template, value) >> shift)
    }

    @inline(__always)
    static func pair(_ a: UInt64, _ b: UInt64) -> UInt64 { a &* 0x100000001b3 ^ (b &+ 0x7F4A7C15) }

    /// Writes the `count` rows of token `i` (a row index below 2^bits) to `out`.
    @inline(__always)
    static func rows(at i: Int, of tokens: UnsafeBufferPointer<TaggerTokenizer.Token>, bits: Int, into out: UnsafeMutablePointer<UInt32>) {
        let n = tokens.count
        let t = tokens[i].features
        let p1 = i >= 1 ? tokens[i - 1].features : boundary
        let p2 = i >= 2 ? tokens[i - 2].features : boundary
        let n1 = i + 1 < n ? tokens[i + 1].features : boundary
        let n2 = i + 2 < n ? tokens[i + 2].features : boundary
        let shift = UInt64(64 - bits)
        out[0] = row(1, 0, shift)
        out[1] = row(2, t.word, shift)
        out[2] = row(3, p1.word, shift)
        out[3] = row(4, n1.word, shift)
        out[4] = row(5, p2.word, shift)
        out[5] = row(6, n2.word, shift)
        out[6] = row(7, t.prefix2, shift)
        out[7] = row(8, t.prefix3, shift)
        out[8] = row(9, t.suffix2, shift)
        out[9] = row(10, t.suffix3, shift)
        out[10] = row(11, t.suffix4, shift)
        out[11] = row(12, t.shape, shift)
        out[12] = row(13, pair(pair(p1.coarse, t.coarse), n1.coarse), shift)
        out[13] = row(14, pair(t.gazetteer, t.coarse), shift)
        out[14] = row(15, pair(p1.gazetteer, n1.gazetteer), shift)
        out[15] = row(16, pair(p1.word, t.coarse), shift)
        out[16] = row(17, pair(n1.word, t.coarse), shift)
        out[17] = row(18, pair(t.word, t.coarse), shift)
        out[18] = row(19, p1.suffix3, shift)
        out[19] = row(20, n1.prefix3, shift)
        out[20] = row(21, pair(pair(p1.word, n1.word), t.gazetteer), shift)
        out[21] = row(22, pair(p2.coarse, pair(p1.shape, t.shape)), shift)
        out[22] = row(23, t.cluster, shift)
        out[23] = row(24, p1.cluster, shift)
        out[24] = row(25, n1.cluster, shift)
        out[25] = row(26, pair(p1.cluster, t.cluster), shift)
        out[26] = row(27, pair(t.cluster, n1.cluster), shift)
    }
}
