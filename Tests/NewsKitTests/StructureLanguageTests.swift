import Foundation
import XCTest
@testable import NewsKit

/// Made-up articles (written for these tests) in six languages, one per layout habit: a block
/// of each kind, each glue case, and the fields read off them.
final class StructureLanguageTests: XCTestCase {
    let parser = ArticleParser()

    func parse(_ raw: String, lang: String? = nil) -> ArticleStructure {
        let a = parser.parse(raw, lang: lang)
        XCTAssertTrue(StructureTestSupport.checkCoverage(raw, a))
        return a
    }

    /// The kind of the (first) block whose text is `text`.
    func kind(_ a: ArticleStructure, _ text: String) -> BlockKind? {
        a.blocks.first { $0.text == text }?.kind
    }

    func testEnglishPageWithSuffixBylineCaptionHeadingAndLists() {
        let raw = """
        Home | World | Business
        Harbour workers strike over new shift rules – BBC News – 19.03.2024
        Dockers in the port city walked out on Monday, halting cargo traffic for hours.
        By Jane Porter
        Advertisement
        The strike began at dawn when the first shift refused to board the cranes. Union leaders said the new rules were imposed without consultation.
        “We will not accept a schedule that breaks families apart,” said Maria Lopez, the union's spokeswoman.
        A picket line outside the main gate on Monday morning.Photo: John Smith/Reuters
        Talks planned
        The port authority said talks would resume on Wednesday, and that emergency shipments would continue to move.
        Read more: Port traffic hits record high despite storms
        Officials expect the dispute to cost the regional economy several million a day.
        Sources: AFP, Reuters
        Related Stories
        Ferry operators raise prices for summer
        New bridge opens to traffic
        """
        let a = parse(raw, lang: "en")
        XCTAssertEqual(a.blocks.first?.kind, .boilerplate)
        XCTAssertEqual(a.title, "Harbour workers strike over new shift rules")
        XCTAssertEqual(a.source, "BBC News")
        XCTAssertEqual(a.date?.start.iso, "2024-03-19")
        XCTAssertEqual(a.lede, "Dockers in the port city walked out on Monday, halting cargo traffic for hours.")
        XCTAssertEqual(a.byline, "Jane Porter")
        XCTAssertEqual(kind(a, "Advertisement"), .boilerplate)
        XCTAssertEqual(a.captions, ["A picket line outside the main gate on Monday morning."])
        XCTAssertEqual(a.credits, ["John Smith/Reuters"])
        XCTAssertEqual(a.headings, ["Talks planned"])
        XCTAssertEqual(a.related, ["Port traffic hits record high despite storms",
                                   "Ferry operators raise prices for summer", "New bridge opens to traffic"])
        XCTAssertEqual(a.agencies, ["AFP", "Reuters"])
        XCTAssertEqual(a.paragraphs.count, 4)
        XCTAssertEqual(a.quotes.count, 1)
        XCTAssertEqual(a.quotes.first?.text, "We will not accept a schedule that breaks families apart,")
        XCTAssertEqual(a.quotes.first?.speaker, "Maria Lopez")
        XCTAssertTrue(a.text.hasPrefix(a.lede! + "\n\n"))
        // The title line keeps its bytes: the suffixes are their own blocks.
        let suffixKinds = a.blocks.filter { $0.rule == "title-suffix" }.map(\.kind)
        XCTAssertEqual(suffixKinds, [.source, .dateline])
    }

    func testEnglishGluedDatelineAndWireCredit() {
        let raw = """
        Floods close schools across the valley
        5 May 2024Heavy rain forced the closure of forty schools on Sunday.
        NAIROBI (Reuters) - Rescue teams used boats to reach villages cut off by the water, officials said on Sunday.
        He said the army had been asked to help.
        """
        let a = parse(raw)
        XCTAssertEqual(a.blocks[1].kind, .dateline)
        XCTAssertEqual(a.blocks[1].text, "5 May 2024")
        XCTAssertEqual(a.blocks[1].rule, "dateline-glued")
        XCTAssertEqual(a.date?.start.iso, "2024-05-05")
        XCTAssertEqual(a.lede, "Heavy rain forced the closure of forty schools on Sunday.")
        XCTAssertEqual(a.agencies, ["Reuters"])
        XCTAssertEqual(a.paragraphs.count, 2)
    }

    func testSwahiliGluedDateCreditRelatedAndQuote() {
        let raw = """
        Wakulima walalamikia bei ya mbolea
        12 Machi 2024Wakulima wa mahindi katika mkoa wa kusini wanasema gharama ya mbolea imepanda mara mbili.
        Serikali imeahidi kutoa ruzuku kabla ya msimu wa mvua kuanza mwezi ujao.
        Soma pia: Mvua kubwa zaharibu mazao katika bonde la mto
        “Hatuwezi kulima bila msaada wa serikali mwaka huu,” alisema Juma Hamisi, mkulima kutoka kijiji cha Mlimani.
        Mkulima akipanda mbegu shambani kwake asubuhiPicha: Amina Said/DW
        Bei sokoni
        Wafanyabiashara wa pembejeo wanasema usafirishaji umekuwa ghali kutokana na bei ya mafuta.
        Vyanzo: AFP/Reuters
        """
        let a = parse(raw, lang: "sw")
        XCTAssertEqual(a.title, "Wakulima walalamikia bei ya mbolea")
        XCTAssertEqual(a.date?.start.iso, "2024-03-12")
        XCTAssertEqual(a.lede, "Wakulima wa mahindi katika mkoa wa kusini wanasema gharama ya mbolea imepanda mara mbili.")
        XCTAssertEqual(a.related, ["Mvua kubwa zaharibu mazao katika bonde la mto"])
        XCTAssertEqual(a.captions, ["Mkulima akipanda mbegu shambani kwake asubuhi"])
        XCTAssertEqual(a.credits, ["Amina Said/DW"])
        XCTAssertEqual(a.blocks.first { $0.kind == .credit }?.marker, "Picha:")
        XCTAssertEqual(a.headings, ["Bei sokoni"])
        XCTAssertEqual(a.agencies, ["AFP", "Reuters"])
        XCTAssertEqual(a.paragraphs.count, 3)
        XCTAssertEqual(a.quotes.first?.speaker, "Juma Hamisi")
    }

    func testOpeningAttributionNamesPublisherOrWireService() {
        let sw = parse("""
        Bei ya mafuta yapanda duniani
        Kwa mujibu wa shirika la habari la Reuters, bei ya mafuta ghafi imepanda kwa asilimia tano wiki hii.
        Wachambuzi wanasema hali hiyo itaathiri gharama za usafiri katika nchi nyingi.
        """, lang: "sw")
        XCTAssertNil(sw.source)
        XCTAssertEqual(sw.agencies, ["Reuters"])
        let plain = parse("""
        Bei ya mafuta yapanda duniani
        Kwa mujibu wa wachambuzi wa masoko, bei ya mafuta ghafi imepanda kwa asilimia tano wiki hii.
        Wachambuzi wanasema hali hiyo itaathiri gharama za usafiri katika nchi nyingi.
        """, lang: "sw")
        XCTAssertNil(plain.source)
        XCTAssertEqual(plain.agencies, [])
        let fa = parse("""
        برگزاری نمایشگاه کتاب در شهر
        نمایشگاه کتاب امسال با حضور ناشران داخلی و خارجی برگزار می‌شود.
        به گزارش خبرگزاری فارس از مشهد، نمایشگاه کتاب امسال از هفته آینده آغاز می‌شود و ده روز ادامه دارد.
        """, lang: "fa")
        XCTAssertEqual(fa.source, "خبرگزاری فارس")
        let cut = parse("""
        برگزاری نمایشگاه کتاب در شهر
        نمایشگاه کتاب امسال با حضور ناشران داخلی و خارجی برگزار می‌شود.
        به گزارش پایگاه خبری نمونه از مشهد، نمایشگاه کتاب امسال از هفته آینده آغاز می‌شود و ده روز ادامه دارد.
        """, lang: "fa")
        XCTAssertEqual(cut.source, "پایگاه خبری نمونه")
    }

    func testArabicRepeatsCopyrightNavGlueAndSpeakers() {
        let raw = """
        Newsأخبارفيديو
        إعلان
        وزير المالية يعلن خطة لخفض العجز
        مبنى وزارة المالية في العاصمة
        مبنى وزارة المالية في العاصمة Copyright Reuters
        بقلم: سامي الخطيب
        أعلن وزير المالية اليوم الاثنين 4 مارس عن خطة جديدة لخفض العجز في الموازنة العامة خلال ثلاث سنوات.
        وقال الوزير كمال العبيدي إن الخطة تشمل إصلاحات ضريبية واسعة وتقليص النفقات الإدارية.
        وأضاف: "لن نمس رواتب الموظفين ولا الدعم المخصص للأسر الفقيرة".
        اقرا ايضا: البنك المركزي يرفع سعر الفائدة
        ويتوقع خبراء أن تواجه الخطة معارضة في البرلمان خلال الأسابيع المقبلة.
        وزير المالية يعلن خطة لخفض العجز
        المصدر: وكالات
        """
        let a = parse(raw, lang: "ar")
        XCTAssertEqual(a.blocks[0].kind, .boilerplate)
        XCTAssertEqual(a.blocks[0].rule, "nav")
        XCTAssertEqual(a.title, "وزير المالية يعلن خطة لخفض العجز")
        XCTAssertEqual(a.captions, ["مبنى وزارة المالية في العاصمة"])
        XCTAssertEqual(a.credits, ["Reuters"])
        XCTAssertEqual(a.byline, "سامي الخطيب")
        XCTAssertEqual(a.related, ["البنك المركزي يرفع سعر الفائدة"])
        XCTAssertEqual(a.date?.start.iso, "--03-04")
        XCTAssertEqual(a.paragraphs.count, 4)
        XCTAssertFalse(a.paragraphs.contains("وزير المالية يعلن خطة لخفض العجز"))
        let repeatBlock = a.blocks.last { $0.text == "وزير المالية يعلن خطة لخفض العجز" }
        XCTAssertEqual(repeatBlock?.duplicateOf, a.blocks.firstIndex { $0.kind == .title })
        XCTAssertEqual(a.agencies, ["وكالات"])
        XCTAssertEqual(a.quotes.count, 1)
        XCTAssertEqual(a.quotes.first?.text, "لن نمس رواتب الموظفين ولا الدعم المخصص للأسر الفقيرة")
        // "وأضاف:" names nobody: the speaker is the last named subject.
        XCTAssertTrue(a.quotes.first?.speaker?.contains("العبيدي") ?? false, a.quotes.first?.speaker ?? "nil")
    }

    func testPersianSourceLeadEndMarkerAndPronoun() {
        let raw = """
        خانهاخبارویدیو
        افزایش قیمت نان در پایتخت
        نانوایی‌ها از امروز نرخ جدید را اعمال می‌کنند.
        به گزارش خبرگزاری نمونه، قیمت نان در شهر از امروز ده درصد افزایش یافت و صف‌ها طولانی شد.
        محمد کریمی، رئیس اتحادیه نانوایان، گفت: «افزایش هزینه آرد و دستمزد کارگران این تصمیم را ناگزیر کرد».
        بيشتر بخوانيد: کاهش واردات گندم در سال جاری
        نمایی از صف خرید نان در یکی از محله‌های شهر
        عکس: علی رضایی
        محمد کریمی در ادامه به نگرانی مردم اشاره کرد.
        وی افزود: «نانوایی‌های دولتی همچنان با نرخ قبلی کار می‌کنند و نگرانی وجود ندارد».
        انتهای پیام/
        منبع: ایران امروز
        ارسال نظر
        """
        let a = parse(raw, lang: "fa")
        XCTAssertEqual(a.blocks[0].kind, .boilerplate)
        XCTAssertEqual(a.title, "افزایش قیمت نان در پایتخت")
        XCTAssertEqual(a.lede, "نانوایی‌ها از امروز نرخ جدید را اعمال می‌کنند.")
        XCTAssertEqual(a.source, "خبرگزاری نمونه")
        XCTAssertEqual(a.originalSource, "ایران امروز")
        // Arabic ي in a Persian marker still matches.
        XCTAssertEqual(a.related, ["کاهش واردات گندم در سال جاری"])
        XCTAssertEqual(a.captions, ["نمایی از صف خرید نان در یکی از محله‌های شهر"])
        XCTAssertEqual(a.credits, ["علی رضایی"])
        XCTAssertEqual(a.paragraphs.count, 4)
        XCTAssertEqual(kind(a, "ارسال نظر"), .boilerplate)
        XCTAssertEqual(a.quotes.count, 2)
        XCTAssertTrue(a.quotes.allSatisfy { $0.speaker?.contains("کریمی") ?? false },
                      a.quotes.map { $0.speaker ?? "nil" }.joined(separator: ","))
    }

    func testFrenchDatelineLabelBylineAndSpacedColon() {
        let raw = """
        Accueil
        Les agriculteurs bloquent l'autoroute près de Lyon
        Publié le 5 février 2024
        Par Claire Martin
        Des centaines de tracteurs ont convergé vers la capitale régionale pour protester contre la hausse des charges.
        « Nous ne pouvons plus vivre de notre travail », a déclaré Pierre Durand, président du syndicat local.
        Lire aussi : Le prix du lait au plus bas depuis dix ans
        Des tracteurs sur le périphérique lundi matin. Photo : Jean Dupont/AFP
        Le préfet a annoncé l'ouverture de discussions mercredi avec les représentants du secteur.
        Publicité
        Les manifestants promettent de revenir si rien ne change d'ici la fin du mois.
        """
        let a = parse(raw, lang: "fr")
        XCTAssertEqual(a.title, "Les agriculteurs bloquent l'autoroute près de Lyon")
        XCTAssertEqual(a.date?.start.iso, "2024-02-05")
        XCTAssertEqual(a.byline, "Claire Martin")
        XCTAssertEqual(a.lede?.hasPrefix("Des centaines de tracteurs"), true)
        XCTAssertEqual(a.related, ["Le prix du lait au plus bas depuis dix ans"])
        XCTAssertEqual(a.captions, ["Des tracteurs sur le périphérique lundi matin."])
        XCTAssertEqual(a.credits, ["Jean Dupont/AFP"])
        XCTAssertEqual(kind(a, "Publicité"), .boilerplate)
        XCTAssertEqual(a.paragraphs.count, 3)
        XCTAssertEqual(a.quotes.first?.speaker, "Pierre Durand")
    }

    func testRussianCaptionCreditRelatedAndSource() {
        let raw = """
        Главная
        Новости
        В Новосибирске открыли новый мост через реку
        Опубликовано 14 августа 2023
        Движение по мосту запустили в понедельник после трёх лет строительства.
        «Мост разгрузит центр города и сократит время в пути вдвое», — заявил мэр Анатолий Петров.
        Новый мост на закате
        Фото: Иван Смирнов/ТАСС
        Читайте также: Цены на проезд в метро вырастут с января
        Строительство обошлось городскому бюджету в сорок миллиардов рублей.
        Реклама
        По словам инженеров, мост рассчитан на сто лет службы без капитального ремонта.
        Источник: ТАСС
        """
        let a = parse(raw, lang: "ru")
        XCTAssertEqual(a.title, "В Новосибирске открыли новый мост через реку")
        XCTAssertEqual(a.date?.start.iso, "2023-08-14")
        XCTAssertEqual(a.lede, "Движение по мосту запустили в понедельник после трёх лет строительства.")
        XCTAssertEqual(a.captions, ["Новый мост на закате"])
        XCTAssertEqual(a.credits, ["Иван Смирнов/ТАСС"])
        XCTAssertEqual(a.related, ["Цены на проезд в метро вырастут с января"])
        XCTAssertEqual(a.agencies, ["ТАСС"])
        XCTAssertEqual(a.paragraphs.count, 3)
        XCTAssertEqual(a.quotes.first?.speaker, "Анатолий Петров")
    }

    func testVideoTitleTagListAndTrailingShortLine() {
        let raw = """
        Dam project divides farmers
        The plan to dam the river has split villages along its banks for a decade.
        Engineers presented a new design to the council on Thursday afternoon.
        Valley| Dam| Farmers at a meeting
        Villagers on the river bank at dawn
        Photo: Sam Okello
        Farmers react to the plan
        To view this video please turn on JavaScript in your browser
        The council will vote on the design next month after a public consultation.
        Cookie settings
        """
        let a = parse(raw, lang: "en")
        XCTAssertEqual(a.blocks.first { $0.text.hasPrefix("Valley|") }?.rule, "tag-list")
        XCTAssertEqual(a.blocks.first { $0.text == "Farmers react to the plan" }?.rule, "video-title")
        XCTAssertEqual(a.blocks.last?.kind, .boilerplate)
        XCTAssertEqual(a.headings, [])
        XCTAssertEqual(a.captions, ["Villagers on the river bank at dawn"])
        XCTAssertEqual(a.paragraphs.count, 2)
    }
}
