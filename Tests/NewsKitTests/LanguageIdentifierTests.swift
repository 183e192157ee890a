import Foundation
import XCTest
@testable import NewsKit

/// Sentences written for these tests (not taken from the model's training or evaluation text).
private let sentencesByLanguage: [String: [String]] = [
    "ar": [
        "قال وزير الخارجية إن بلاده مستعدة للحوار مع جميع الأطراف.",
        "ارتفعت أسعار الذهب في الأسواق المحلية خلال الأسبوع الماضي.",
        "أعلنت الحكومة عن خطة جديدة لدعم الشباب العاطلين عن العمل.",
        "وصل الرئيس إلى العاصمة في زيارة رسمية تستغرق يومين.",
        "تشهد البلاد موجة حر شديدة منذ بداية الشهر.",
        "أكد المتحدث باسم الجيش أن الوضع تحت السيطرة.",
        "افتتح المعرض الدولي للكتاب أبوابه أمام الزوار صباح اليوم.",
        "طالب المحتجون بتحسين الخدمات الصحية في المستشفيات الحكومية.",
        "وقعت الشركتان اتفاقية للتعاون في مجال الطاقة المتجددة.",
        "يلتقي الفريقان مساء الجمعة في مباراة حاسمة على لقب الدوري.",
    ],
    "fa": [
        "وزیر خارجه گفت کشورش آماده گفت‌وگو با همه طرف‌ها است.",
        "قیمت طلا در بازار داخلی طی هفته گذشته افزایش یافت.",
        "دولت برنامه تازه‌ای برای حمایت از جوانان بیکار اعلام کرد.",
        "رئیس‌جمهور برای یک سفر دو روزه وارد پایتخت شد.",
        "کشور از ابتدای ماه با موج گرمای شدیدی روبه‌رو است.",
        "سخنگوی ارتش تأکید کرد که اوضاع تحت کنترل است.",
        "نمایشگاه بین‌المللی کتاب امروز صبح درهای خود را به روی بازدیدکنندگان گشود.",
        "معترضان خواستار بهبود خدمات درمانی در بیمارستان‌های دولتی شدند.",
        "دو شرکت قراردادی برای همکاری در زمینه انرژی‌های تجدیدپذیر امضا کردند.",
        "این دو تیم جمعه شب در یک بازی سرنوشت‌ساز به مصاف هم می‌روند.",
    ],
    "ur": [
        "وزیر خارجہ نے کہا کہ ان کا ملک تمام فریقوں سے بات چیت کے لیے تیار ہے۔",
        "گزشتہ ہفتے مقامی مارکیٹ میں سونے کی قیمت میں اضافہ ہوا۔",
        "حکومت نے بے روزگار نوجوانوں کی مدد کے لیے نیا منصوبہ پیش کیا ہے۔",
        "صدر دو روزہ سرکاری دورے پر دارالحکومت پہنچ گئے۔",
        "ملک میں مہینے کے آغاز سے شدید گرمی کی لہر جاری ہے۔",
        "فوج کے ترجمان نے کہا کہ صورتحال قابو میں ہے۔",
        "کتابوں کا بین الاقوامی میلہ آج صبح شائقین کے لیے کھول دیا گیا۔",
        "مظاہرین نے سرکاری ہسپتالوں میں علاج کی سہولتیں بہتر بنانے کا مطالبہ کیا۔",
        "دونوں کمپنیوں نے قابل تجدید توانائی میں تعاون کے معاہدے پر دستخط کیے۔",
        "دونوں ٹیمیں جمعے کی شام فیصلہ کن میچ میں آمنے سامنے ہوں گی۔",
    ],
    "ps": [
        "د بهرنیو چارو وزیر وویل چې د هغه هېواد له ټولو خواوو سره خبرو ته چمتو دی.",
        "په تېره اونۍ کې په کورني بازار کې د سرو زرو بیه لوړه شوې ده.",
        "حکومت د بېکاره ځوانانو د ملاتړ لپاره نوې پروګرام اعلان کړ.",
        "ولسمشر د دوو ورځو رسمي سفر لپاره پلازمینې ته ورسېد.",
        "هېواد د میاشتې له پیله د سختې ګرمۍ له څپې سره مخ دی.",
        "د پوځ ویاند ټینګار وکړ چې وضعیت تر کنټرول لاندې دی.",
        "د کتاب نړیواله نندارتون نن سهار د لیدونکو پر مخ پرانیستل شو.",
        "لاریون کوونکو په دولتي روغتونونو کې د درملنې د ښه والي غوښتنه وکړه.",
        "دواړو شرکتونو د نوي کېدونکې انرژۍ په برخه کې د همکارۍ تړون لاسلیک کړ.",
        "دواړه ټیمونه د جمعې په ماښام په یوه پرېکنده لوبه کې سره مخ کېږي.",
    ],
    "sw": ["Wizara ya afya imetoa tahadhari kuhusu mlipuko wa homa ya dengue.",
           "Timu hiyo itacheza fainali Jumamosi ijayo katika uwanja wa taifa."],
    "en": ["The finance minister said the budget would be presented to parliament next week.",
           "Firefighters brought the blaze under control early on Saturday morning."],
    "fr": ["Le ministre des Finances présentera le budget au Parlement la semaine prochaine.",
           "Les pompiers ont maîtrisé l'incendie tôt samedi matin."],
    "de": ["Der Finanzminister will den Haushalt nächste Woche dem Parlament vorlegen.",
           "Die Feuerwehr hatte den Brand am Samstagmorgen unter Kontrolle."],
    "es": ["El ministro de Hacienda presentará los presupuestos al Parlamento la próxima semana.",
           "Los bomberos controlaron el incendio a primera hora del sábado."],
    "pt": ["O ministro das Finanças vai apresentar o orçamento ao parlamento na próxima semana.",
           "Os bombeiros controlaram o incêndio na manhã de sábado."],
    "it": ["Il ministro dell'Economia presenterà la manovra al Parlamento la prossima settimana.",
           "I vigili del fuoco hanno domato l'incendio sabato mattina."],
    "nl": ["De minister van Financiën presenteert de begroting volgende week aan het parlement.",
           "De brandweer had de brand zaterdagochtend onder controle."],
    "ru": ["Министр финансов представит бюджет парламенту на следующей неделе.",
           "Пожарные потушили возгорание рано утром в субботу."],
    "uk": ["Міністр фінансів представить бюджет парламенту наступного тижня.",
           "Пожежники загасили займання рано вранці в суботу."],
    "bg": ["Министърът на финансите ще представи бюджета в парламента следващата седмица.",
           "Пожарникарите овладяха пожара рано в събота сутринта."],
    "tr": ["Maliye bakanı bütçeyi gelecek hafta meclise sunacağını söyledi.",
           "İtfaiye ekipleri yangını cumartesi sabahı kontrol altına aldı."],
    "az": ["Maliyyə naziri büdcəni gələn həftə parlamentə təqdim edəcəyini bildirib.",
           "Yanğınsöndürənlər şənbə səhəri yanğını nəzarətə götürüblər."],
    "uz": ["Moliya vaziri budjetni kelasi hafta parlamentga taqdim etishini aytdi.",
           "Oʻt oʻchiruvchilar shanba kuni ertalab yongʻinni nazoratga oldi."],
    "kk": ["Қаржы министрі бюджетті келесі аптада парламентке ұсынатынын айтты.",
           "Өрт сөндірушілер сенбі күні таңертең өртті ауыздықтады."],
    "ky": ["Финансы министри бюджетти кийинки жумада парламентке сунарын айтты.",
           "Өрт өчүрүүчүлөр ишемби күнү эртең менен өрттү токтотушту."],
    "tg": ["Вазири молия гуфт, ки буҷаро ҳафтаи оянда ба парлумон пешниҳод мекунад.",
           "Сӯхторхомӯшкунон субҳи рӯзи шанбе сӯхторро хомӯш карданд."],
    "id": ["Menteri Keuangan akan menyampaikan rancangan anggaran kepada DPR pekan depan.",
           "Petugas pemadam kebakaran berhasil memadamkan api pada Sabtu pagi."],
    "ms": ["Menteri Kewangan akan membentangkan belanjawan di Dewan Rakyat minggu hadapan.",
           "Anggota bomba berjaya memadamkan kebakaran itu pada pagi Sabtu."],
    "pl": ["Minister finansów przedstawi budżet w parlamencie w przyszłym tygodniu.",
           "Strażacy opanowali pożar w sobotę rano."],
    "ro": ["Ministrul finanțelor va prezenta bugetul în Parlament săptămâna viitoare.",
           "Pompierii au stins incendiul sâmbătă dimineață."],
    "sv": ["Finansministern ska presentera budgeten för riksdagen nästa vecka.",
           "Brandkåren fick kontroll över branden tidigt på lördagsmorgonen."],
    "vi": ["Bộ trưởng Tài chính sẽ trình dự toán ngân sách lên Quốc hội vào tuần tới.",
           "Lính cứu hỏa đã khống chế đám cháy vào sáng thứ Bảy."],
    "ha": ["Ministan kuɗi zai gabatar da kasafin kuɗi ga majalisa a mako mai zuwa.",
           "Jami'an kashe gobara sun shawo kan wutar da sanyin safiyar Asabar."],
    "so": ["Wasiirka maaliyadda ayaa miisaaniyadda u gudbin doona baarlamaanka toddobaadka dambe.",
           "Dab-damiska ayaa xakameeyay dabka subaxnimadii Sabtida."],
    "yo": ["Mínísítà ètò ìṣúná yóò gbé ìwé ìnáwó lọ sí ilé aṣòfin ní ọ̀sẹ̀ tó ń bọ̀.",
           "Àwọn panápaná pa iná náà ní òwúrọ̀ ọjọ́ Àbámẹ́ta."],
    "cs": ["Ministr financí představí rozpočet parlamentu příští týden.",
           "Hasiči dostali požár pod kontrolu v sobotu brzy ráno."],
    "hu": ["A pénzügyminiszter jövő héten terjeszti a költségvetést a parlament elé.",
           "A tűzoltók szombat reggel megfékezték a tüzet."],
    "fi": ["Valtiovarainministeri esittelee talousarvion eduskunnalle ensi viikolla.",
           "Palokunta sai palon hallintaan varhain lauantaiaamuna."],
    "hi": ["वित्त मंत्री अगले सप्ताह संसद में बजट पेश करेंगे।",
           "दमकल कर्मियों ने शनिवार सुबह आग पर काबू पा लिया।"],
    "mr": ["अर्थमंत्री पुढील आठवड्यात संसदेत अर्थसंकल्प सादर करणार आहेत.",
           "अग्निशमन दलाने शनिवारी सकाळी आगीवर नियंत्रण मिळवले."],
    "ne": ["अर्थमन्त्रीले अर्को हप्ता संसदमा बजेट पेस गर्नुहुनेछ।",
           "दमकलकर्मीले शनिबार बिहान आगो नियन्त्रणमा लिए।"],
    "zh": ["财政部长将于下周向议会提交预算案。", "消防员在周六清晨控制了火势。"],
    "ja": ["財務大臣は来週、予算案を国会に提出する予定です。", "消防隊は土曜日の早朝に火を消し止めました。"],
    "ko": ["재무장관은 다음 주 국회에 예산안을 제출할 예정이다.", "소방대는 토요일 이른 아침 불길을 잡았다."],
    "el": ["Ο υπουργός Οικονομικών θα καταθέσει τον προϋπολογισμό στη Βουλή την επόμενη εβδομάδα.",
           "Οι πυροσβέστες έθεσαν τη φωτιά υπό έλεγχο νωρίς το πρωί του Σαββάτου."],
    "he": ["שר האוצר יציג את התקציב בכנסת בשבוע הבא.", "הכבאים השתלטו על השריפה מוקדם בבוקר יום שבת."],
    "am": ["የገንዘብ ሚኒስትሩ በሚቀጥለው ሳምንት በጀቱን ለፓርላማ ያቀርባሉ።", "የእሳት አደጋ ሠራተኞች ቅዳሜ ጠዋት እሳቱን ተቆጣጠሩ።"],
    "bn": ["অর্থমন্ত্রী আগামী সপ্তাহে সংসদে বাজেট পেশ করবেন।", "দমকলকর্মীরা শনিবার ভোরে আগুন নিয়ন্ত্রণে আনেন।"],
    "ta": ["நிதியமைச்சர் அடுத்த வாரம் நாடாளுமன்றத்தில் வரவு செலவுத் திட்டத்தை தாக்கல் செய்வார்.",
           "தீயணைப்பு வீரர்கள் சனிக்கிழமை அதிகாலை தீயைக் கட்டுப்படுத்தினர்."],
    "th": ["รัฐมนตรีคลังจะเสนองบประมาณต่อรัฐสภาในสัปดาห์หน้า", "เจ้าหน้าที่ดับเพลิงควบคุมไฟไว้ได้เมื่อเช้าวันเสาร์"],
    "ka": ["ფინანსთა მინისტრი ბიუჯეტს პარლამენტს მომავალ კვირას წარუდგენს.",
           "მეხანძრეებმა ხანძარი შაბათს დილით ლოკალიზება მოახდინეს."],
    "hy": ["Ֆինանսների նախարարը բյուջեն խորհրդարան կներկայացնի հաջորդ շաբաթ։",
           "Հրշեջները շաբաթ առավոտյան հսկողության տակ վերցրին հրդեհը։"],
    "ckb": ["وەزیری دارایی هەفتەی داهاتوو بودجە پێشکەشی پەرلەمان دەکات.",
            "ئاگرکوژێنەوەکان بەیانی ڕۆژی شەممە ئاگرەکەیان کۆنترۆڵ کرد."],
    "sd": ["ماليات واري وزير ايندڙ هفتي اسيمبليءَ ۾ بجيٽ پيش ڪندو.",
           "فائر برگيڊ جي عملي ڇنڇر جي صبح باهه تي قابو پاتو."],
    "ug": ["مالىيە مىنىستىرى كېلەر ھەپتە خامچوتنى پارلامېنتقا سۇنىدۇ.",
           "ئوت ئۆچۈرگۈچىلەر شەنبە كۈنى ئەتىگەندە ئوتنى كونترول قىلدى."],
    "be": ["Міністр фінансаў прадставіць бюджэт парламенту на наступным тыдні.",
           "Пажарныя ўзялі агонь пад кантроль рана раніцай у суботу."],
    "sr": ["Министар финансија представиће буџет скупштини следеће недеље.",
           "Ватрогасци су рано у суботу ујутру ставили пожар под контролу."],
    "mk": ["Министерот за финансии ќе го претстави буџетот во Собранието следната недела.",
           "Пожарникарите го ставија пожарот под контрола рано во сабота наутро."],
    "ku": ["Wezîrê darayiyê dê hefteya bê budçeyê pêşkêşî parlamentoyê bike.",
           "Agirkujan sibeha roja şemiyê agir xistin bin kontrolê."],
    "da": ["Finansministeren fremlægger budgettet for Folketinget i næste uge.",
           "Brandvæsenet fik kontrol over branden tidligt lørdag morgen."],
    "nb": ["Finansministeren legger fram budsjettet for Stortinget neste uke.",
           "Brannvesenet fikk kontroll over brannen tidlig lørdag morgen."],
    "ca": ["El conseller d'Economia presentarà els pressupostos al Parlament la setmana vinent.",
           "Els bombers van controlar l'incendi dissabte a primera hora del matí."],
    "sk": ["Minister financií predloží rozpočet parlamentu budúci týždeň.",
           "Hasiči dostali požiar pod kontrolu v sobotu skoro ráno."],
]

final class LanguageIdentifierTests: XCTestCase {
    let identifier = LanguageIdentifier.shared

    func testBundledModelLoadsAndCoversTheRequiredLanguages() {
        XCTAssertFalse(identifier.model.languages.isEmpty, "Resources/langid/langid.bin did not load")
        let required = ["ar", "fa", "ur", "ps", "sw", "en", "fr", "de", "es", "pt", "it", "nl", "ru", "uk", "tr",
                        "az", "uz", "kk", "ky", "tg", "zh", "ja", "ko", "hi", "mr", "ne", "id", "ms", "pl", "ro",
                        "sv", "vi", "ha", "so", "am", "yo", "he", "el", "bn", "ta", "th", "ka", "hy", "cs", "hu", "fi",
                        "ckb", "sd", "ug", "be", "sr", "mk", "ku", "da", "nb", "ca", "sk"]
        let languages = Set(identifier.languages)
        for code in required { XCTAssertTrue(languages.contains(code), code) }
        XCTAssertGreaterThanOrEqual(languages.count, 40)
        XCTAssertEqual(identifier.languages, identifier.languages.sorted())
    }

    func testOwnSentencesOfEveryLanguage() {
        for (code, sentences) in sentencesByLanguage.sorted(by: { $0.key < $1.key }) {
            for sentence in sentences {
                let guess = identifier.identify(sentence)
                XCTAssertEqual(guess.code, code, "\(code): \(sentence) → \(guess)")
                XCTAssertTrue((0...1).contains(guess.confidence))
            }
        }
        XCTAssertEqual(Set(sentencesByLanguage.keys).count, 58)
    }

    func testArabicPersianUrduPashtoAreToldApart() {
        let arabicScript = ["ar", "fa", "ur", "ps", "ckb", "sd", "ug"]
        for code in arabicScript.prefix(4) {
            let sentences = sentencesByLanguage[code]!
            XCTAssertGreaterThanOrEqual(sentences.count, 10)
            for sentence in sentences {
                let ranked = identifier.ranked(sentence, limit: arabicScript.count)
                XCTAssertEqual(ranked.first?.code, code, sentence)
                XCTAssertEqual(Set(ranked.map(\.code)), Set(arabicScript))
                XCTAssertEqual(ranked.first?.script, "Arab")
            }
        }
    }

    /// Older Persian text is typed on Arabic keyboards: ي and ك for ی and ک, no ZWNJ.
    func testPersianWithArabicYehKafAndWithoutZWNJ() {
        for sentence in sentencesByLanguage["fa"]! {
            let arabicKeyboard = sentence
                .replacingOccurrences(of: "ی", with: "ي")
                .replacingOccurrences(of: "ک", with: "ك")
            let joined = arabicKeyboard.replacingOccurrences(of: "\u{200C}", with: "")
            let spaced = arabicKeyboard.replacingOccurrences(of: "\u{200C}", with: " ")
            XCTAssertEqual(identifier.identify(joined).code, "fa", joined)
            XCTAssertEqual(identifier.identify(spaced).code, "fa", spaced)
        }
        XCTAssertEqual(identifier.identify("وي افزود: اين طرح در سراسر كشور اجرا مي شود").code, "fa")
        XCTAssertEqual(identifier.identify("ميشود").code, "fa")
    }

    /// Presentation forms (ﺍﻳﻦ) are the same letters as their base forms.
    func testArabicPresentationForms() {
        let text = "\u{FE8D}\u{FEF3}\u{FEE6} \u{FEE3}\u{FEB8}\u{FEDC}\u{FEE0} \u{FE91}\u{FEB0}\u{FEAE}\u{FB95} \u{FE8D}\u{FEB3}\u{FE96}"  // ﺍﻳﻦ ﻣﺸﻜﻞ ﺑﺰﺭگ ﺍﺳﺖ
        XCTAssertEqual(identifier.identify(text).code, "fa")
    }

    func testScriptSpecificLettersDecideShortTexts() {
        XCTAssertEqual(identifier.identify("ټولنه او ښځې").code, "ps")
        XCTAssertEqual(identifier.identify("ہمارے بچے").code, "ur")
        XCTAssertEqual(identifier.identify("گفتگوی چهارم").code, "fa")
        XCTAssertEqual(identifier.identify("المدرسة الجديدة").code, "ar")
        XCTAssertEqual(identifier.identify("ڕۆژی هەینی").code, "ckb")  // ڕ ۆ ێ ە: Central Kurdish
        XCTAssertEqual(identifier.identify("ٻارن جي اسڪول").code, "sd")  // ٻ ڪ: Sindhi
        XCTAssertEqual(identifier.identify("ئۇيغۇر تىلى").code, "ug")  // ئ ۇ ى: Uyghur
    }

    func testShortStrings() {
        XCTAssertEqual(identifier.identify("Habari za asubuhi").code, "sw")
        XCTAssertEqual(identifier.identify("Xin chào các bạn").code, "vi")
        XCTAssertEqual(identifier.identify("Dziękuję bardzo").code, "pl")
        XCTAssertEqual(identifier.identify("Спасибо большое").code, "ru")
        XCTAssertEqual(identifier.identify("Дякую, друже").code, "uk")
        XCTAssertEqual(identifier.identify("مرحبا بكم").code, "ar")
        XCTAssertEqual(identifier.identify("北京").code, "zh")  // Han without kana reads as Chinese
        XCTAssertEqual(identifier.identify("こんにちは").code, "ja")
        XCTAssertEqual(identifier.identify("안녕하세요").code, "ko")
    }

    func testMixedScripts() {
        XCTAssertEqual(identifier.identify("Apple发布了新款智能手机").code, "zh")
        XCTAssertEqual(identifier.identify("Путин встретился с Xi Jinping в Самарканде").code, "ru")
        XCTAssertEqual(identifier.identify("قال Donald Trump إن الولايات المتحدة ستفرض رسوما جديدة").code, "ar")
        XCTAssertEqual(identifier.identify("Rais Putin (بوتين) amesema nchi yake itaendelea na ushirikiano").code, "sw")
        let mixed = identifier.identify("BBC News عربي")
        XCTAssertEqual(mixed.script, "Latn")
        XCTAssertLessThan(mixed.confidence, 1)
    }

    /// Names in a foreign language should not outvote the sentence around them.
    func testCapitalizedNamesCountLess() {
        let sentence = "Manchester United, Tottenham Hotspur na Newcastle United zote zinamtaka kiungo huyo wa kati"
        XCTAssertEqual(identifier.identify(sentence).code, "sw")
    }

    func testTextWithoutLettersIsUndetermined() {
        for text in ["", "   ", "12345", "2024-06-19 14:30", "۱۴۰۲/۰۶/۲۵", "١٢٣٤", "!!! ??? ...", "🙂🙂"] {
            let guess = identifier.identify(text)
            XCTAssertEqual(guess.code, "und", text)
            XCTAssertEqual(guess.confidence, 0)
        }
        XCTAssertEqual(identifier.ranked("", limit: 3).map(\.code), ["und"])
        XCTAssertEqual(identifier.ranked("Habari za asubuhi", limit: 0), [])
    }

    func testScriptsAndChineseVariants() {
        XCTAssertEqual(identifier.identify("政府宣布新的经济计划").script, "Hans")
        XCTAssertEqual(identifier.identify("政府宣佈新的經濟計劃，這個國家的發展").script, "Hant")
        XCTAssertEqual(identifier.identify("政府は新しい経済計画を発表した").script, "Jpan")
        XCTAssertEqual(identifier.identify("정부가 새 경제 계획을 발표했다").script, "Kore")
        XCTAssertEqual(identifier.identify("ਪੰਜਾਬ ਸਰਕਾਰ").code, "pa")
        XCTAssertEqual(Script.dominant(in: "Putin پوتین پوتین"), .arabic)
        XCTAssertEqual(Script.dominant(in: "Путин и Xi"), .cyrillic)
        XCTAssertEqual(Script.dominant(in: "123 !?"), .common)
        XCTAssertEqual(Script.of("ж"), .cyrillic)
        XCTAssertEqual(Script.of("5"), .common)
        XCTAssertEqual(Script.devanagari.code, "Deva")
    }

    func testRankedAgreesWithIdentifyAndSumsToAtMostOne() {
        for sentence in sentencesByLanguage["ms"]! + sentencesByLanguage["id"]! + sentencesByLanguage["uz"]! {
            let ranked = identifier.ranked(sentence, limit: 50)
            XCTAssertEqual(ranked.first?.code, identifier.identify(sentence).code)
            XCTAssertEqual(ranked.first!.confidence, identifier.identify(sentence).confidence, accuracy: 1e-9)
            XCTAssertEqual(ranked.map(\.confidence), ranked.map(\.confidence).sorted(by: >))
            XCTAssertLessThanOrEqual(ranked.map(\.confidence).reduce(0, +), 1.000001)
        }
        XCTAssertEqual(identifier.ranked("Habari za asubuhi, rafiki yangu", limit: 2).count, 2)
    }

    func testUTF8FastPathMatchesStringAPI() {
        for sentence in sentencesByLanguage.values.joined() {
            let bytes = Array(sentence.utf8)
            let fast = bytes.withUnsafeBufferPointer { identifier.identify(utf8: $0) }
            XCTAssertEqual(fast, identifier.identify(sentence))
        }
        let malformed: [UInt8] = [0xFF, 0x41, 0xC3, 0x28, 0xE2, 0x82]
        _ = malformed.withUnsafeBufferPointer { identifier.identify(utf8: $0) }
    }

    /// The scanner must hash n-grams exactly as tools/langid/textfold.py does.
    func testModelKnowsFrequentNGramsOfItsLanguages() throws {
        let model = identifier.model
        let english = try XCTUnwrap(model.languages.firstIndex { $0.code == "en" })
        let persian = try XCTUnwrap(model.languages.firstIndex { $0.code == "fa" })
        XCTAssertGreaterThan(model.weight(of: Array(" th".unicodeScalars.map(\.value)), language: english), 0)
        XCTAssertGreaterThan(model.weight(of: Array(" است".unicodeScalars.map(\.value)), language: persian), 0)
        XCTAssertEqual(model.weight(of: Array(" است".unicodeScalars.map(\.value)), language: english), 0)
    }

    func testMalformedModelIsRejected() {
        XCTAssertThrowsError(try LanguageModel(data: Data("NKLI".utf8)))
        XCTAssertThrowsError(try LanguageModel(data: Data(repeating: 0, count: 64)))
    }

    // MARK: - Realism

    /// The sample corpus: Swahili (000, 004), Arabic (001, 003) and Persian (002) articles.
    func testSeedArticlesAndTheirLines() throws {
        let seeds = try XCTUnwrap(SharedTestData.seeds(), "seeds/ not found")
        let expected = ["000": "sw", "001": "ar", "002": "fa", "003": "ar", "004": "sw"]
        for (prefix, code) in expected.sorted(by: { $0.key < $1.key }) {
            let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: seeds.path).first { $0.hasPrefix(prefix) })
            let text = try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
            XCTAssertEqual(identifier.identify(text).code, code, name)
            let lines = text.split(whereSeparator: \.isNewline).map(String.init)
                .filter { $0.unicodeScalars.filter(\.properties.isAlphabetic).count >= 30 }
            let right = lines.filter { identifier.identify($0).code == code }.count
            XCTAssertGreaterThanOrEqual(Double(right), 0.9 * Double(lines.count), "\(name): \(right)/\(lines.count)")
        }
    }

    /// Sentences of the first articles of each file of ../shared/corpus (skipped when absent).
    func testCorpusSample() throws {
        guard let corpus = SharedTestData.corpus() else { throw XCTSkip("../shared/corpus is absent") }
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        XCTAssertFalse(files.isEmpty)
        for file in files {
            let content = try String(contentsOf: corpus.appendingPathComponent(file), encoding: .utf8)
            var total = 0
            var right = 0
            for line in content.split(separator: "\n").prefix(40) {
                guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let text = object["text"] as? String, let code = object["lang"] as? String else { continue }
                for sentence in text.split(whereSeparator: { $0.isNewline || $0 == "." || $0 == "؟" }).prefix(10)
                where sentence.unicodeScalars.filter(\.properties.isAlphabetic).count >= 40 {
                    total += 1
                    if identifier.identify(String(sentence)).code == code { right += 1 }
                }
            }
            XCTAssertGreaterThan(total, 50, file)
            XCTAssertGreaterThanOrEqual(Double(right), 0.97 * Double(total), "\(file): \(right)/\(total)")
        }
    }
}
