/// Files that are certainly not text, told by their first bytes. A corpus folder collects what a
/// scraper saved, and PDFs, images, archives or programs renamed `*.txt` would otherwise become
/// articles of garbage.
enum BinarySignature {
    private static let signatures: [(bytes: [UInt8], name: String)] = [
        ([0x7F, 0x45, 0x4C, 0x46], "ELF executable"),
        ([0x25, 0x50, 0x44, 0x46, 0x2D], "PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], "ZIP archive, or a .docx, .xlsx or .epub"),
        ([0x50, 0x4B, 0x05, 0x06], "empty ZIP archive"),
        ([0x1F, 0x8B], "gzip archive"),
        ([0x42, 0x5A, 0x68], "bzip2 archive"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz archive"),
        ([0x28, 0xB5, 0x2F, 0xFD], "zstd archive"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "7-Zip archive"),
        ([0x89, 0x50, 0x4E, 0x47], "PNG image"),
        ([0xFF, 0xD8, 0xFF], "JPEG image"),
        ([0x47, 0x49, 0x46, 0x38], "GIF image"),
        ([0x53, 0x51, 0x4C, 0x69, 0x74, 0x65, 0x20, 0x66, 0x6F, 0x72, 0x6D, 0x61, 0x74, 0x20, 0x33, 0x00], "SQLite database"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "old Microsoft Office document"),
        ([0xCF, 0xFA, 0xED, 0xFE], "Mach-O executable"),
    ]

    /// What the bytes are, when they start like a known binary format. Only asked about bytes that
    /// are not clean UTF-8 (or hold NUL bytes), so a text that happens to start with "BZh" or "MZ"
    /// is never taken for an archive.
    static func name(of bytes: UnsafeBufferPointer<UInt8>) -> String? {
        for signature in signatures where bytes.count >= signature.bytes.count {
            if zip(signature.bytes, bytes).allSatisfy({ $0 == $1 }) { return signature.name }
        }
        return nil
    }
}
