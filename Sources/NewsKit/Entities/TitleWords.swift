/// Titles and roles that license a short alias right after them ("Rais Xi", "الرئيس شي",
/// "President Kim"). Data, not rules: other components add their own lists with `adding`.
public struct TitleWords: Sendable {
    /// Folded title phrases ("waziri mkuu", "الرييس").
    private var phrases: Set<String>
    /// Longest phrase, in words.
    private(set) var maxWords: Int

    public init(_ titles: [String] = []) {
        phrases = []
        maxWords = 0
        add(titles)
    }

    public func adding(_ titles: [String]) -> TitleWords {
        var copy = self
        copy.add(titles)
        return copy
    }

    private mutating func add(_ titles: [String]) {
        for title in titles {
            var folded = KnowledgeBase.foldSpelling(title)
            while folded.hasSuffix(".") { folded.removeLast() }
            guard !folded.isEmpty else { continue }
            phrases.insert(folded)
            maxWords = max(maxWords, folded.split(separator: " ").count)
        }
    }

    public var count: Int { phrases.count }

    /// Whether `phrase` (any spelling; it is folded here) is a title.
    public func contains(_ phrase: String) -> Bool {
        var folded = KnowledgeBase.foldSpelling(phrase)
        while folded.hasSuffix(".") { folded.removeLast() }
        return phrases.contains(folded)
    }

    func containsFolded(_ folded: String) -> Bool { phrases.contains(folded) }

    /// Common titles, honorifics and roles in the languages the toolkit covers (folded when
    /// loaded, so any spelling of a title matches).
    public static let standard = TitleWords(
        english + swahili + arabic + persian + urdu + french + spanish + german + turkish + russian)

    static let english = [
        "President", "Vice President", "Prime Minister", "Premier", "Minister", "Foreign Minister",
        "Defence Minister", "Defense Minister", "Chancellor", "Chairman", "Chairwoman", "Chair",
        "Secretary", "Secretary General", "Secretary-General", "General", "Leader", "Supreme Leader",
        "King", "Queen", "Prince", "Crown Prince", "Emir", "Sheikh", "Sultan", "Ambassador",
        "Envoy", "Spokesman", "Spokeswoman", "Spokesperson", "Senator", "Governor", "Mayor",
        "Speaker", "Pope", "Mr", "Mrs", "Ms", "Dr", "Sir", "Comrade", "counterpart",
    ]
    static let swahili = [
        "Rais", "Makamu wa Rais", "Waziri", "Waziri Mkuu", "Waziri wa Mambo ya Nje", "Katibu Mkuu",
        "Mwenyekiti", "Kiongozi", "Jenerali", "Balozi", "Msemaji", "Spika", "Mfalme", "Malkia",
        "Mwana wa Mfalme", "Mheshimiwa", "Mhe", "Bw", "Bwana", "Bi", "Dkt", "Daktari", "Gavana",
        "Meya", "Seneta", "Naibu", "mwenzake",
    ]
    static let arabic = [
        "الرئيس", "رئيس", "نائب الرئيس", "الزعيم", "زعيم", "القائد", "السيد", "السيدة", "الوزير",
        "وزير", "رئيس الوزراء", "رئيس الحكومة", "وزير الخارجية", "وزير الدفاع", "الامين العام",
        "أمين عام", "الملك", "ملك", "الملكة", "الأمير", "أمير", "ولي العهد", "الشيخ", "السلطان",
        "العاهل", "السفير", "سفير", "المبعوث", "المتحدث", "المتحدث باسم", "الناطق", "المستشار",
        "الجنرال", "الفريق", "المشير", "الدكتور", "د", "نظيره", "نظيرها", "نظيرهم",
    ]
    static let persian = [
        "آقای", "خانم", "رئیس", "رئیس جمهور", "رئیس جمهوری", "رئیس‌جمهور", "رئیس‌جمهوری",
        "معاون رئیس جمهور", "نخست وزیر", "نخست‌وزیر", "وزیر", "وزیر خارجه", "وزیر امور خارجه",
        "وزیر دفاع", "دبیرکل", "دبیر کل", "رهبر", "پادشاه", "شاه", "ملکه", "شاهزاده", "ولیعهد",
        "امیر", "شیخ", "سلطان", "سفیر", "فرستاده", "سخنگو", "سخنگوی", "ژنرال", "سردار", "دکتر",
        "همتای", "رئیس مجلس",
    ]
    static let urdu = ["صدر", "وزیر اعظم", "وزیراعظم", "جناب", "وزیر خارجہ", "سفیر"]
    static let french = [
        "président", "présidente", "Premier ministre", "ministre", "chancelier", "roi", "reine",
        "prince", "émir", "cheikh", "ambassadeur", "secrétaire général", "porte-parole", "général",
        "M", "Mme", "monsieur", "madame", "homologue",
    ]
    static let spanish = [
        "presidente", "presidenta", "primer ministro", "ministro", "ministra", "canciller", "rey",
        "reina", "príncipe", "embajador", "secretario general", "portavoz", "general", "señor",
        "señora", "Sr", "Sra", "homólogo",
    ]
    static let german = [
        "Präsident", "Präsidentin", "Bundeskanzler", "Bundeskanzlerin", "Kanzler", "Kanzlerin",
        "Ministerpräsident", "Minister", "Ministerin", "Außenminister", "König", "Königin",
        "Prinz", "Botschafter", "Generalsekretär", "Sprecher", "Herr", "Frau", "Amtskollege",
    ]
    static let turkish = [
        "Cumhurbaşkanı", "Başbakan", "Bakan", "Dışişleri Bakanı", "Başkan", "Kral", "Prens",
        "Büyükelçi", "Genel Sekreter", "Sözcü", "Sayın", "Bay", "Bayan", "mevkidaşı",
    ]
    static let russian = [
        "президент", "премьер-министр", "премьер", "министр", "глава МИД", "канцлер", "король",
        "королева", "принц", "посол", "генсек", "генеральный секретарь", "председатель", "господин",
        "госпожа", "пресс-секретарь", "коллега",
    ]
}
