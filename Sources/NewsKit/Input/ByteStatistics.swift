/// Counts over raw bytes that tell text from binary and UTF-16 from single-byte text, taken only
/// on the slow path (bytes that are not clean UTF-8).
struct ByteStatistics {
    var count = 0
    /// NUL bytes at even and odd offsets: UTF-16 text has its NULs (the high byte of ASCII, or the
    /// low byte of a few letters) on one side only.
    var evenNULs = 0
    var oddNULs = 0
    /// C0 control bytes other than tab, line feed, vertical tab, form feed and carriage return
    /// (and other than NUL, counted apart), and DEL. Text has next to none.
    var controls = 0

    /// Looks at the first `limit` bytes: enough to judge, and a 2 GB file costs no more than a small one.
    init(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int = 1 << 16) {
        count = min(bytes.count, limit)
        for i in 0..<count {
            let byte = bytes[i]
            if byte == 0 {
                if i & 1 == 0 { evenNULs += 1 } else { oddNULs += 1 }
            } else if byte < 0x20 {
                if !(0x09...0x0D).contains(byte) && byte != 0x1B { controls += 1 }
            } else if byte == 0x7F {
                controls += 1
            }
        }
    }

    var nuls: Int { evenNULs + oddNULs }

    /// The byte order of UTF-16 without a byte-order mark, when NULs sit on one side: at odd
    /// offsets for little-endian (the high byte of Latin text, of spaces and digits in Arabic),
    /// at even ones for big-endian. Few NULs on the other side, many on this one.
    var utf16Order: UTF16Order? {
        let units = count / 2
        guard units >= 1 else { return nil }
        let (many, few) = oddNULs >= evenNULs ? (oddNULs, evenNULs) : (evenNULs, oddNULs)
        // A tenth of the code units ASCII (spaces alone make more in any script but CJK), and
        // the other side nearly clean.
        guard many * 10 >= units, few * 50 <= many else { return nil }
        return oddNULs >= evenNULs ? .littleEndian : .bigEndian
    }

    /// Binary by the bytes alone: many NULs that are not UTF-16, or many control bytes.
    var binaryReason: String? {
        if nuls * 100 > count { return "NUL bytes" }
        if controls * 20 > count { return "control bytes" }
        return nil
    }
}

enum UTF16Order: Sendable {
    case littleEndian, bigEndian

    var name: String { self == .littleEndian ? "UTF-16LE" : "UTF-16BE" }
}
