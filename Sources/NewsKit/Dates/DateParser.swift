import Foundation

/// Finds and parses date expressions in many languages and calendars.
///
/// Month and weekday names come from CLDR for every locale Foundation knows, plus press
/// spellings (Persian and Arabic Gregorian months, Solar Hijri and Hijri months) from
/// `Resources/dates/date-words.json`. Dates written in the Solar Hijri or Hijri calendar are
/// converted to Gregorian. A reference date resolves relative words, weekdays and missing
/// years; without one, such dates stay partial ("--09-15") or unresolved (empty `iso`).
///
/// Decisions worth knowing:
/// - Bare numbers are never dates; a year alone needs a cue word ("mwaka 2001", "عام 2001",
///   "سال ۲۰۰۱", "the year 2001") or suffix ("2001 года", "2001年"), except in `parse`.
/// - Month names need a number next to them. English "may" and "march" count only when
///   capitalised ("May 5" is a date, "may 5" is not); `parse` accepts both.
/// - Numeric dates are day first. Slashed dates are month first when they cannot
///   be read day first ("06/19/2024") or `lang` is a locale that writes month first
///   (ICU's short date pattern: "en" and "en-US" do, "en-GB" does not). Years 1300-1499 are
///   Hijri: Solar in Persian use, lunar with Arabic-Indic digits, `lang` "ar" or a "هـ" cue.
/// - Names only known to uncommon languages, foreign to `lang`, regional (ar_SY, fa_AF) or
///   undotted abbreviations without `lang` count only in a full date (day, month, year).
/// - Weekday names alone are mentions (relative, with `weekday` set) when `lang` is given
///   and the name is of that language, or without `lang` when the name is unambiguous; with
///   a reference they resolve to the latest such weekday on or before it.
/// - A missing year becomes that of the latest occurrence not later than reference + 7 days;
///   with a weekday ("الأحد 3 مارس"), the latest year (up to 6 back) where the day falls
///   on that weekday.
public struct DateParser: Sendable {
    private let languages: [String]?
    private let referenceDay: Int?

    /// - Parameters:
    ///   - reference: resolves missing years, relative words and weekdays (its UTC day).
    ///   - languages: base language codes whose month and weekday names are used; nil for all.
    public init(reference: Date? = nil, languages: [String]? = nil) {
        self.languages = languages.map { $0.map(DateVocabulary.baseLanguage) }
        referenceDay = reference.map(CivilDay.days(of:))
    }

    /// Parses a string that is, as a whole (trimmed), one date or range expression. Leading
    /// cue words ("tarehe", "on", "في") and a trailing time of day are allowed.
    public func parse(_ s: String, lang: String? = nil) -> DateMention? {
        withBytes(s) { bytes in
            let (matcher, tokens) = prepare(bytes, lang: lang, lenient: true)
            guard !tokens.isEmpty else { return nil }
            var first = 0
            while first < tokens.count, isSkippableLead(tokens[first], matcher: matcher) { first += 1 }
            guard first < tokens.count, let candidate = matcher.match(at: first) ?? matcher.bareYear(at: first) else { return nil }
            var end = matcher.skipTimeOfDay(from: candidate.endToken)
            while end < tokens.count, tokens[end].kind == .punct { end += 1 }
            guard end == tokens.count else { return nil }
            return mention(candidate, tokens: tokens, bytes: bytes)
        }
    }

    /// Every date expression in running text, in order, not overlapping.
    public func find(in text: String, lang: String? = nil) -> [DateMention] {
        withBytes(text) { bytes in
            let (matcher, tokens) = prepare(bytes, lang: lang, lenient: false)
            let vocabulary = matcher.vocabulary
            var mentions = [DateMention]()
            var index = 0
            while index < tokens.count {
                let token = tokens[index]
                guard token.isNumber || vocabulary.keyHasAny(token.vocabularyKey, Self.anchorKinds),
                      let candidate = matcher.match(at: index)
                else {
                    index += 1
                    continue
                }
                // An impossible date ("31 June 2024") is consumed, not re-read as "June 2024".
                if let found = mention(candidate, tokens: tokens, bytes: bytes) { mentions.append(found) }
                index = candidate.endToken
            }
            return mentions
        }
    }

    // MARK: Plumbing

    /// Words that can start a date expression; glue words ("of", "و", "na") cannot.
    private static let anchorKinds = DateVocabulary.mask([.month, .weekday, .relative, .rangeStart, .yearCueBefore, .previous, .next])

    private func withBytes<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        let copy = Array(text.utf8)
        return copy.withUnsafeBufferPointer(body)
    }

    private func prepare(_ bytes: UnsafeBufferPointer<UInt8>, lang: String?, lenient: Bool) -> (DateMatcher, [DateToken]) {
        let vocabulary = DateVocabulary.shared
        var tokens = [DateToken]()
        tokens.reserveCapacity(bytes.count / 5 + 4)
        var folder = DateWordFolder()
        DateTokenizer.tokenize(bytes, vocabulary: vocabulary, folder: &folder, into: &tokens)
        DateTokenizer.mergePhrases(bytes, vocabulary: vocabulary, folder: &folder, tokens: &tokens)
        var allowed: [Bool]?
        if let languages {
            var flags = [Bool](repeating: false, count: vocabulary.languageCount)
            for code in languages { if let id = vocabulary.languageId(code) { flags[Int(id)] = true } }
            allowed = flags
        }
        let language = lang.flatMap { vocabulary.languageId(DateVocabulary.baseLanguage($0)) }
        let matcher = DateMatcher(tokens: tokens, bytes: bytes, vocabulary: vocabulary, language: language,
                                  languageTag: lang, allowed: allowed, lenient: lenient)
        return (matcher, tokens)
    }

    private func isSkippableLead(_ token: DateToken, matcher: DateMatcher) -> Bool {
        if token.kind == .punct { return true }
        return token.isWord && matcher.isLeadWord(token)
    }

    private func mention(_ candidate: DateCandidate, tokens: [DateToken], bytes: UnsafeBufferPointer<UInt8>) -> DateMention? {
        guard let resolved = DateResolver(referenceDay: referenceDay).resolve(candidate) else { return nil }
        let range = Int(tokens[candidate.firstToken].start)..<Int(tokens[candidate.endToken - 1].end)
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        return DateMention(start: resolved.start, end: resolved.end, utf8Range: range, text: text,
                           calendar: resolved.calendar.name, weekday: candidate.weekday, relative: resolved.relative)
    }
}
