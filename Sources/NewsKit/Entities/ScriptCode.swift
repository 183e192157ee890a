/// ISO 15924 script of a name, from its first letter. Names rarely mix scripts; when one does,
/// the first letter decides, which is what a reader sees first.
public enum ScriptCode {
    public static func of(_ text: String) -> String {
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            if let code = code(for: scalar.value) { return code }
        }
        return "Zyyy"
    }

    private static let ranges: [(ClosedRange<UInt32>, String)] = [
        (0x0041...0x024F, "Latn"), (0x1E00...0x1EFF, "Latn"), (0x2C60...0x2C7F, "Latn"),
        (0xA720...0xA7FF, "Latn"), (0xFF21...0xFF5A, "Latn"),
        (0x0370...0x03FF, "Grek"), (0x1F00...0x1FFF, "Grek"),
        (0x0400...0x052F, "Cyrl"), (0x1C80...0x1C8F, "Cyrl"), (0xA640...0xA69F, "Cyrl"),
        (0x0530...0x058F, "Armn"),
        (0x0590...0x05FF, "Hebr"),
        (0x0600...0x06FF, "Arab"), (0x0750...0x077F, "Arab"), (0x08A0...0x08FF, "Arab"),
        (0xFB50...0xFDFF, "Arab"), (0xFE70...0xFEFF, "Arab"),
        (0x0900...0x097F, "Deva"), (0x0980...0x09FF, "Beng"), (0x0A00...0x0A7F, "Guru"),
        (0x0A80...0x0AFF, "Gujr"), (0x0B80...0x0BFF, "Taml"), (0x0C00...0x0C7F, "Telu"),
        (0x0D00...0x0D7F, "Mlym"), (0x0D80...0x0DFF, "Sinh"),
        (0x0E00...0x0E7F, "Thai"), (0x0E80...0x0EFF, "Laoo"), (0x0F00...0x0FFF, "Tibt"),
        (0x1000...0x109F, "Mymr"), (0x10A0...0x10FF, "Geor"), (0x1200...0x139F, "Ethi"),
        (0x1780...0x17FF, "Khmr"), (0x1800...0x18AF, "Mong"),
        (0x1100...0x11FF, "Hang"), (0x3130...0x318F, "Hang"), (0xAC00...0xD7AF, "Hang"),
        (0x3040...0x309F, "Hira"), (0x30A0...0x30FF, "Kana"), (0x31F0...0x31FF, "Kana"),
        (0x3400...0x4DBF, "Hani"), (0x4E00...0x9FFF, "Hani"), (0xF900...0xFAFF, "Hani"),
        (0x20000...0x3FFFF, "Hani"),
    ]

    private static func code(for value: UInt32) -> String? {
        for (range, code) in ranges where range.contains(value) { return code }
        return nil
    }
}
