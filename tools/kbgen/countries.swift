// Generates Plugins/world/kb/countries.generated.jsonl: one place profile per ISO 3166-1 country or
// territory, with its names in eleven languages taken from Unicode CLDR (through Foundation/ICU),
// merged with the press forms, adjectives and attributes of tools/kbgen/countries-extra.tsv.
//
// Run from anywhere:  swift tools/kbgen/countries.swift
// The output is deterministic (sorted by id, fixed key order), so regenerating shows real changes only.
import Foundation

/// Languages in the order their spellings are kept: when two languages write a name the same way
/// (Pakistan in en, sw, fr, de, tr), the first one owns the variant.
let languages = ["en", "ar", "fa", "sw", "fr", "es", "de", "tr", "ru", "zh", "ur"]

let scriptURL = URL(fileURLWithPath: #filePath).standardizedFileURL
let kbgenDir = scriptURL.deletingLastPathComponent()
let repoRoot = kbgenDir.deletingLastPathComponent().deletingLastPathComponent()
let extraURL = kbgenDir.appendingPathComponent("countries-extra.tsv")
let outputURL = repoRoot.appendingPathComponent("Plugins/world/kb/countries.generated.jsonl")

// MARK: - Supplement

struct Supplement {
    var name: String?
    var type: String?
    var parent: String?
    var wikidata: String?
    var skip = false
    /// (lang, field) -> values, in file order.
    var rows: [(lang: String, field: String, values: [String])] = []

    func values(_ lang: String, _ field: String) -> [String] {
        rows.filter { $0.lang == lang && $0.field == field }.flatMap(\.values)
    }
    func has(_ lang: String, _ field: String) -> Bool {
        rows.contains { $0.lang == lang && $0.field == field }
    }
}

func loadSupplement() throws -> [String: Supplement] {
    let text = try String(contentsOf: extraURL, encoding: .utf8)
    var result: [String: Supplement] = [:]
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        if line.isEmpty || line.hasPrefix("#") { continue }
        let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard cells.count == 4 else {
            throw GeneratorError.badLine(number + 1, String(line))
        }
        let (code, lang, field, value) = (cells[0], cells[1], cells[2], cells[3])
        var entry = result[code] ?? Supplement()
        switch (lang, field) {
        case ("-", "name"): entry.name = value
        case ("-", "type"): entry.type = value
        case ("-", "parent"): entry.parent = value
        case ("-", "wd"): entry.wikidata = value
        case ("-", "skip"): entry.skip = true
        case (_, "alt"), (_, "adj"), (_, "nisba"), (_, "destem"), (_, "rustem"),
             (_, "drop"), (_, "short"), (_, "noinfl"):
            guard languages.contains(lang) else { throw GeneratorError.badLine(number + 1, String(line)) }
            let values = value.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            entry.rows.append((lang, field, values.filter { !$0.isEmpty }))
        default:
            throw GeneratorError.badLine(number + 1, String(line))
        }
        result[code] = entry
    }
    return result
}

enum GeneratorError: Error, CustomStringConvertible {
    case badLine(Int, String)
    var description: String {
        switch self {
        case let .badLine(number, line): return "countries-extra.tsv:\(number): cannot read \(line)"
        }
    }
}

// MARK: - Variants

struct Variant {
    var text: String
    var lang: String
    var short = false
    var adjective = false
}

/// The comparison key used only to drop duplicates; the matcher applies its own, fuller folding.
func duplicateKey(_ text: String) -> String {
    // Foundation's diacritic folding leaves Arabic harakat alone, so marks are dropped by category.
    let decomposed = text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
        .filter { $0.properties.generalCategory != .nonspacingMark }
    var folded = String(String.UnicodeScalarView(decomposed))
    let replacements: [(String, String)] = [
        ("\u{0640}", ""), ("\u{200C}", ""), ("ٱ", "ا"), ("ى", "ي"), ("ی", "ي"), ("ك", "ک"), ("ە", "ه"),
    ]
    for (from, to) in replacements { folded = folded.replacingOccurrences(of: from, with: to) }
    return folded
}

/// Splits a value's trailing "*" (short alias marker) from its text.
func parseMarked(_ value: String) -> (text: String, short: Bool) {
    value.hasSuffix("*") ? (String(value.dropLast()), true) : (value, false)
}

/// CLDR writes some names for reference works rather than for running text: it adds parenthesised
/// alternatives ("Myanmar (Burma)") and abbreviations ("St.", "о-ва"). Returns the forms a text uses.
func runningTextForms(of cldrName: String, lang: String) -> [String] {
    var name = cldrName
    if let open = name.firstIndex(of: "("), let close = name.lastIndex(of: ")"), open < close {
        name = (String(name[..<open]) + String(name[name.index(after: close)...]))
            .split(separator: " ").joined(separator: " ")
    }
    name = name.replacingOccurrences(of: " - ", with: "-")
    var forms = [name]
    if lang == "en" {
        let spelled = name.replacingOccurrences(of: " & ", with: " and ")
            .replacingOccurrences(of: "St. ", with: "Saint ")
            .replacingOccurrences(of: "So. ", with: "South ")
            .replacingOccurrences(of: " Isl.", with: " Islands")
        if spelled != name { forms = [spelled] }
    }
    if lang == "ru" {
        let spelled = name.replacingOccurrences(of: "о-ва", with: "острова")
            .replacingOccurrences(of: "о-в", with: "остров")
        if spelled != name { forms = [spelled] }
    }
    return forms
}

func withStraightApostrophe(_ text: String) -> [String] {
    text.contains("’") ? [text, text.replacingOccurrences(of: "’", with: "'")] : [text]
}

/// Arabic nisba: روسي -> روسي, روسية, الروسي, الروسية. Two-word forms (كوري شمالي) inflect both words.
func arabicNisbaForms(_ masculine: String) -> [String] {
    let words = masculine.split(separator: " ").map(String.init)
    let feminine = words.map { $0 + "ة" }.joined(separator: " ")
    let definite = words.map { "ال" + $0 }.joined(separator: " ")
    let definiteFeminine = words.map { "ال" + $0 + "ة" }.joined(separator: " ")
    return [masculine, feminine, definite, definiteFeminine]
}

/// German adjective endings: russisch -> russisch, russische, russischen, russischer, russisches, russischem.
func germanAdjectiveForms(_ stem: String) -> [String] {
    ["", "e", "en", "er", "es", "em"].map { stem + $0 }
}

/// Russian -кий adjectives: российск -> российский, российская, ... (all twelve case and gender forms).
func russianAdjectiveForms(_ stem: String) -> [String] {
    ["ий", "ая", "ое", "ие", "ого", "ой", "ому", "им", "ом", "ими", "их", "ую"].map { stem + $0 }
}

/// Case forms of a one-word Russian country name (genitive, dative, instrumental, prepositional, and
/// accusative where it differs). Indeclinable names (ending in о, и, у, е, э) and abbreviations get none.
func russianNounForms(_ name: String) -> [String] {
    guard !name.contains(" "), !name.contains("-"), name != name.uppercased() else { return [] }
    let hushing: Set<Character> = ["ж", "ш", "ч", "щ", "ц"]
    let velarOrHushing: Set<Character> = ["г", "к", "х", "ж", "ш", "ч", "щ"]
    let vowels: Set<Character> = ["а", "е", "ё", "и", "о", "у", "ы", "э", "ю", "я"]
    guard let last = name.last else { return [] }
    let stem = String(name.dropLast())
    switch last {
    case "я":
        return [stem + "и", stem + "ю", stem + "ей"]
    case "а":
        guard let before = stem.last else { return [] }
        let genitive = velarOrHushing.contains(before) ? "и" : "ы"
        let instrumental = hushing.contains(before) ? "ей" : "ой"
        return [stem + genitive, stem + "е", stem + "у", stem + instrumental]
    case "й", "ь":
        return [stem + "я", stem + "ю", stem + "ем", stem + "е"]
    default:
        if vowels.contains(last) || hushing.contains(last) { return [] }
        return [name + "а", name + "у", name + "ом", name + "е"]
    }
}

/// German genitive of neuter and masculine country names: Russland -> Russlands, Irak -> Iraks.
/// Feminine names (die Türkei, die Ukraine, die Schweiz) and names ending in a sibilant take none.
func germanGenitive(_ name: String) -> [String] {
    guard !name.contains(" "), !name.contains("-"), name != name.uppercased() else { return [] }
    let lower = name.lowercased()
    if lower.hasSuffix("ei") || ["e", "s", "ß", "x", "z"].contains(where: { lower.hasSuffix($0) }) { return [] }
    return [name + "s"]
}

// MARK: - Regions from CLDR containment

let english = Locale(identifier: "en")

/// UN M49 region names as the regions file names them (the press form, not the statistical label).
let regionIDs: [String: String] = [
    "002": "place/africa", "142": "place/asia", "150": "place/europe", "009": "place/oceania",
    "015": "place/north-africa", "011": "place/west-africa", "017": "place/central-africa",
    "014": "place/east-africa", "018": "place/southern-africa", "029": "place/caribbean",
    "013": "place/central-america", "005": "place/south-america", "021": "place/north-america",
    "143": "place/central-asia", "030": "place/east-asia", "035": "place/southeast-asia",
    "034": "place/south-asia", "145": "place/western-asia", "151": "place/eastern-europe",
    "154": "place/northern-europe", "039": "place/southern-europe", "155": "place/western-europe",
    "053": "place/australasia", "054": "place/melanesia", "057": "place/micronesia-region",
    "061": "place/polynesia",
]

func regionAttributes(for code: String) -> [(String, String)] {
    guard let region = Locale.Region.isoRegions.first(where: { $0.identifier == code }),
          let sub = region.containingRegion else { return [] }
    var attributes: [(String, String)] = []
    var continent = sub.containingRegion?.identifier
    if continent == "019" { continent = sub.identifier == "005" ? "005" : "021" }
    if let continent, continent != "001", let id = regionIDs[continent] { attributes.append(("continent", id)) }
    if let id = regionIDs[sub.identifier], attributes.first?.1 != id { attributes.append(("region", id)) }
    return attributes
}

// MARK: - JSON output with a fixed key order

func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        default:
            if scalar.value < 0x20 {
                out += String(format: "\\u%04x", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

func profileLine(id: String, name: String, variants: [Variant], attrs: [(String, String)]) -> String {
    let variantsJSON = variants.map { v -> String in
        var fields = ["\"text\":\(jsonString(v.text))", "\"lang\":\(jsonString(v.lang))"]
        if v.short { fields.append("\"short\":true") }
        if v.adjective { fields.append("\"form\":\"adjective\"") }
        return "{" + fields.joined(separator: ",") + "}"
    }.joined(separator: ",")
    let attrsJSON = attrs.map { "\(jsonString($0.0)):\(jsonString($0.1))" }.joined(separator: ",")
    return "{\"id\":\(jsonString(id)),\"kind\":\"place\",\"name\":\(jsonString(name)),"
        + "\"variants\":[\(variantsJSON)],\"attrs\":{\(attrsJSON)}}"
}

// MARK: - Main

let supplement: [String: Supplement]
do { supplement = try loadSupplement() } catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}

let codes = Locale.Region.isoRegions.map(\.identifier)
    .filter { $0.count == 2 && $0.allSatisfy(\.isLetter) }
    .sorted()
for code in supplement.keys where !codes.contains(code) {
    FileHandle.standardError.write(Data("warning: \(code) in countries-extra.tsv is not a CLDR region\n".utf8))
}

var lines: [String] = []
var variantCount = 0
for code in codes {
    let extra = supplement[code] ?? Supplement()
    if extra.skip { continue }
    guard let cldrEnglish = english.localizedString(forRegionCode: code) else { continue }

    var variants: [Variant] = []
    func add(_ text: String, _ lang: String, short: Bool = false, adjective: Bool = false) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return }
        let key = duplicateKey(trimmed)
        // A spelling is kept once, unless its ambiguity differs between languages: Swahili "mali"
        // (wealth) is short while English "Mali" is not, and a language-aware matcher needs both.
        if variants.contains(where: { duplicateKey($0.text) == key && $0.short == short }) { return }
        if let same = variants.firstIndex(where: { duplicateKey($0.text) == key && $0.lang == lang }) {
            variants[same].short = true  // listed both ways in one language: ambiguity wins
            return
        }
        variants.append(Variant(text: trimmed, lang: lang, short: short, adjective: adjective))
    }

    let name = extra.name ?? runningTextForms(of: cldrEnglish, lang: "en")[0]
    add(name, "en")
    for lang in languages {
        let locale = Locale(identifier: lang)
        let dropped = Set(extra.values(lang, "drop").map(duplicateKey))
        let shortened = Set(extra.values(lang, "short").map(duplicateKey))
        let inflect = !extra.has(lang, "noinfl")
        if let cldr = locale.localizedString(forRegionCode: code) {
            for form in runningTextForms(of: cldr, lang: lang) where !dropped.contains(duplicateKey(form)) {
                let isShort = shortened.contains(duplicateKey(form))
                for text in withStraightApostrophe(form) { add(text, lang, short: isShort) }
                // Case forms are derived from the CLDR nominative only; alternatives list their own.
                guard inflect, !isShort else { continue }
                if lang == "ru" { for inflected in russianNounForms(form) { add(inflected, lang) } }
                if lang == "de" { for inflected in germanGenitive(form) { add(inflected, lang) } }
            }
        }
        for value in extra.values(lang, "alt") {
            let (text, short) = parseMarked(value)
            for form in withStraightApostrophe(text) { add(form, lang, short: short) }
        }
        for value in extra.values(lang, "adj") {
            let (text, short) = parseMarked(value)
            add(text, lang, short: short, adjective: true)
        }
        for stem in extra.values(lang, "nisba") { for form in arabicNisbaForms(stem) { add(form, lang, adjective: true) } }
        for stem in extra.values(lang, "destem") { for form in germanAdjectiveForms(stem) { add(form, lang, adjective: true) } }
        for stem in extra.values(lang, "rustem") { for form in russianAdjectiveForms(stem) { add(form, lang, adjective: true) } }
    }

    var attrs: [(String, String)] = []
    let type = extra.type ?? (extra.parent != nil ? "territory" : "country")
    attrs.append(("type", type))
    attrs.append(("country", code))
    if let parent = extra.parent { attrs.append(("parent", "place/" + parent.lowercased())) }
    attrs.append(contentsOf: regionAttributes(for: code))
    if let wikidata = extra.wikidata { attrs.append(("wikidata", wikidata)) }

    variantCount += variants.count
    lines.append(profileLine(id: "place/" + code.lowercased(), name: name, variants: variants, attrs: attrs))
}

let output = lines.joined(separator: "\n") + "\n"
do {
    try FileManager.default.createDirectory(at: outputURL.deletingLastPathComponent(), withIntermediateDirectories: true)
    try output.write(to: outputURL, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("cannot write \(outputURL.path): \(error)\n".utf8))
    exit(1)
}
print("wrote \(lines.count) profiles, \(variantCount) variants to \(outputURL.path)")
