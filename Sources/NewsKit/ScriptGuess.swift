/// A quick language guess from letters alone: Arabic script split by the letters only Persian, Urdu
/// or Pashto use; Cyrillic; CJK; otherwise Latin. The language identifier refines it.
public enum ScriptGuess {
    public static func language(of text: String) -> String {
        var arabic = 0, persian = 0, urdu = 0, pashto = 0, latin = 0, cyrillic = 0, han = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x067E, 0x0686, 0x0698, 0x06AF, 0x06CC, 0x06A9: persian += 1; arabic += 1 // پ چ ژ گ ی ک
            case 0x0679, 0x0688, 0x0691, 0x06BA, 0x06D2, 0x06BE: urdu += 1; arabic += 1 // ٹ ڈ ڑ ں ے ھ
            case 0x067C, 0x0689, 0x0693, 0x0696, 0x069A, 0x06AB, 0x06BC, 0x06D0, 0x06CD: pashto += 1; arabic += 1
            case 0x0600...0x06FF, 0x0750...0x077F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: arabic += 1
            case 0x0041...0x005A, 0x0061...0x007A, 0x00C0...0x024F: latin += 1
            case 0x0400...0x04FF: cyrillic += 1
            case 0x4E00...0x9FFF: han += 1
            default: break
            }
        }
        let top = max(arabic, latin, cyrillic, han)
        if top == 0 { return "und" }
        if top == arabic {
            if pashto > 0 && pashto * 50 >= arabic { return "ps" }
            if urdu > 0 && urdu * 30 >= arabic { return "ur" }
            if persian * 40 >= arabic && persian > 0 { return "fa" }
            return "ar"
        }
        if top == cyrillic { return "ru" }
        if top == han { return "zh" }
        return "en"
    }
}
