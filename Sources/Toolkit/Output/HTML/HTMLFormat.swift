import Foundation

/// Text as the page shows it: escaped for HTML and SVG, numbers grouped, labels shortened by whole
/// characters, and the direction of a label found the way browsers find it for `dir="auto"`, so that
/// SVG text (which has no `dir="auto"`) gets the same base direction as the HTML around it.
enum HTMLFormat {
    /// Safe in element content and in double-quoted attributes alike. Control characters other than
    /// tab and line ends are dropped: they are not allowed in HTML and would only hide text.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case "\r": continue
            default:
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Paragraphs of plain text: a blank line separates them, a single line end stays a line break.
    static func paragraphs(_ text: String, className: String? = nil) -> String {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n")
        let blocks = normalised.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        let attribute = className.map { " class=\"\($0)\"" } ?? ""
        return blocks.map { block in
            "<p dir=\"auto\"\(attribute)>" + block.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "<br>") + "</p>"
        }.joined(separator: "\n")
    }

    /// Right to left when the first strong character is Hebrew, Arabic, Syriac, Thaana, N'Ko or
    /// another right-to-left script (Unicode bidi classes R and AL), as `dir="auto"` decides.
    static func isRightToLeft(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (0x0590...0x08FF).contains(v) || (0xFB1D...0xFDFF).contains(v) || (0xFE70...0xFEFF).contains(v)
                || (0x10800...0x10FFF).contains(v) || (0x1E800...0x1EFFF).contains(v)
            {
                // Arabic-Indic digits and marks inside these blocks are weak; skip them like the UBA does.
                if (0x0660...0x0669).contains(v) || (0x06F0...0x06F9).contains(v) || scalar.properties.generalCategory == .nonspacingMark { continue }
                return true
            }
            if scalar.properties.isAlphabetic { return false }
        }
        return false
    }

    /// At most `limit` characters (grapheme clusters, so no letter loses its marks and no pair of
    /// joined scripts is cut in the middle), with an ellipsis when shortened.
    static func shortened(_ text: String, to limit: Int) -> String {
        let clean = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard clean.count > limit else { return clean }
        return String(clean.prefix(max(1, limit - 1))).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// A rough width in pixels at `size`: enough to leave room for labels without measuring fonts.
    static func width(of text: String, size: Double) -> Double {
        var em = 0.0
        for character in text {
            guard let scalar = character.unicodeScalars.first else { continue }
            switch scalar.value {
            case 0x2E80...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF00...0xFFEF: em += 1.0
            case 0x0600...0x08FF, 0xFB50...0xFEFF: em += 0.55
            case 0x41...0x5A, 0x30...0x39: em += 0.66
            case 0x20, 0x2E, 0x2C, 0x27, 0x69, 0x6C: em += 0.32
            default: em += 0.56
            }
        }
        return em * size
    }

    /// 12,345 and 3.14: grouped by thousands with a comma, at most as many decimals as the size of
    /// the number warrants, trailing zeros dropped. Written by hand so that no locale changes a page.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value < 0 ? "−∞" : "∞") }
        let magnitude = abs(value)
        let decimals = magnitude >= 1_000 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3
        var text = String(format: "%.\(decimals)f", magnitude)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        let parts = text.split(separator: ".", maxSplits: 1)
        var whole = Array(parts[0])
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + String(whole.suffix(3)) + grouped
            whole.removeLast(3)
        }
        grouped = String(whole) + grouped
        if parts.count > 1 { grouped += "." + parts[1] }
        return (value < 0 && grouped != "0" ? "−" : "") + grouped
    }

    /// Coordinates in SVG: two decimals are finer than any screen needs and keep pages small.
    static func coordinate(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.2f", rounded).replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)
    }

    /// Round steps (1, 2 or 5 times a power of ten) from 0 to at least `maximum`, about `count` of them.
    /// Counts (`whole`) never get a step below 1: half an article is no reading of a scale.
    static func ticks(upTo maximum: Double, count: Int = 5, whole: Bool = false) -> [Double] {
        guard maximum > 0, maximum.isFinite else { return [0, 1] }
        let rough = maximum / Double(count)
        let power = pow(10, (log10(rough)).rounded(.down))
        var step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
        if whole { step = max(1, step.rounded(.up)) }
        // Multiplied, not summed, and rounded, so that 3 × 0.2 reads 0.6.
        let steps = Int((maximum / step - 1e-9).rounded(.up))
        return (0...max(1, steps)).map { (Double($0) * step * 1e9).rounded() / 1e9 }
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
