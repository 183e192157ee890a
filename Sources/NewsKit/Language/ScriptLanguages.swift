/// Scripts that settle the language on their own, and how Chinese text shows its variant.
enum ScriptLanguages {
    /// Scripts written (in news) by essentially one language, with that language's ISO 639-1
    /// code. Ethiopic is also Tigrinya's and Tibetan also Dzongkha's; the common one wins.
    static func soleLanguage(of script: Script) -> String? {
        switch script {
        case .greek: "el"
        case .armenian: "hy"
        case .hebrew: "he"
        case .bengali: "bn"
        case .gurmukhi: "pa"
        case .gujarati: "gu"
        case .oriya: "or"
        case .tamil: "ta"
        case .telugu: "te"
        case .kannada: "kn"
        case .malayalam: "ml"
        case .sinhala: "si"
        case .thai: "th"
        case .lao: "lo"
        case .tibetan: "bo"
        case .myanmar: "my"
        case .georgian: "ka"
        case .hangul: "ko"
        case .ethiopic: "am"
        case .khmer: "km"
        case .thaana: "dv"
        case .han: "zh"
        case .hiragana, .katakana: "ja"
        case .common, .latin, .cyrillic, .arabic, .devanagari: nil
        }
    }

    /// The script code a guess reports: CLDR's usual codes for CJK writing systems.
    static func reportedScript(_ script: Script, traditionalChinese: Bool) -> String {
        switch script {
        case .han: traditionalChinese ? "Hant" : "Hans"
        case .hiragana, .katakana: "Jpan"
        case .hangul: "Kore"
        default: script.code
        }
    }

    /// Frequent characters that simplification changed, as (simplified, traditional) pairs
    /// in the same order: 国/國, 说/說, 这/這 ...
    private static let simplified = Array("国说这们个时来对会发经东门问长开关动学还进过为与体华万亚书买卖见认让请边车军农电报总统习乌鲁罗区议员场应现实种机间题业产无从头点".unicodeScalars.map(\.value)).sorted()
    private static let traditional = Array("國說這們個時來對會發經東門問長開關動學還進過為與體華萬亞書買賣見認讓請邊車軍農電報總統習烏魯羅區議員場應現實種機間題業產無從頭點".unicodeScalars.map(\.value)).sorted()

    /// Whether Han text uses more traditional than simplified forms of the marker characters.
    static func isTraditionalChinese(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        isTraditionalChinese(CollectionOfOne(bytes))
    }

    static func isTraditionalChinese(_ parts: some Collection<UnsafeBufferPointer<UInt8>>) -> Bool {
        var simplifiedCount = 0
        var traditionalCount = 0
        for bytes in parts {
            var index = 0
            while index < bytes.count {
                let scalar = UTF8Scan.next(bytes, &index)
                guard scalar >= 0x4E00 else { continue }
                if contains(simplified, scalar) { simplifiedCount += 1 }
                else if contains(traditional, scalar) { traditionalCount += 1 }
            }
        }
        return traditionalCount > simplifiedCount
    }

    private static func contains(_ sorted: [UInt32], _ value: UInt32) -> Bool {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) >> 1
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < sorted.count && sorted[low] == value
    }
}
