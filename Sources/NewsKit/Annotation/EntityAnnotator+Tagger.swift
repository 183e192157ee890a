/// The trained tagger's names merged with the other finds. The knowledge base, the date parser
/// and amounts win wherever they overlap a tagger span (they know an id or a value), except that
/// an organisation the tagger finds around a knowledge-base place is kept instead of it; the tagger
/// wins over the rules' people, organisations and places (on the development splits it is far
/// more precise than capitalisation and head-word patterns), except where a rule found the very
/// same name, whose role it keeps, or a speaker's name holding the tagger's. A tagger name takes
/// a profile's id where its folded text is a spelling of one of its kind, and otherwise the
/// unlinked id the rules give.
extension EntityAnnotator {
    /// The tagger reads a text in windows of 64 KiB (six times the longest article of the sample
    /// corpus): its features, emissions and paths take about 40 bytes per byte of text.
    static let taggerWindow = 1 << 16

    func mergingTagger(_ found: [EntityMention], in text: Substring, lang: String?) -> [EntityMention] {
        guard let tagger = rules.tagger, let lang, tagger.models[lang] != nil else { return found }
        let gazetteer = tagger.gazetteer(for: knowledgeBase)
        let spans = Self.windowed(text, size: Self.taggerWindow) { window, offset in
            let bytes = Array(window.utf8)
            return tagger.spans(in: window, lang: lang, gazetteer: gazetteer).map { span -> (TaggedSpan, String) in
                var shifted = span
                shifted.range = (span.range.lowerBound + offset)..<(span.range.upperBound + offset)
                return (shifted, String(decoding: bytes[span.range], as: UTF8.self))
            }
        }
        guard !spans.isEmpty else { return found }
        let isRule = { (m: EntityMention) in Mention.ruleExtractors.contains(m.extractor) }
        let range = { (m: EntityMention) in m.first.map { ($0 - 1)..<m.last! } }
        let sureMentions = found.filter { !isRule($0) && $0.first != nil }
        let sure = TaggerRangeIndex(sureMentions.map { range($0)! })
        var outdone = Set<Int>()
        var kept: [(TaggedSpan, String)] = []
        for (span, surface) in spans {
            let overlapping = sure.overlapping(span.range)
            if overlapping.isEmpty {
                kept.append((span, surface))
            } else if span.kindName == "org", overlapping.allSatisfy({ i in
                let m = sureMentions[i], r = range(m)!
                return m.extractor == "kb" && m.kind == "place" && span.range.lowerBound <= r.lowerBound
                    && r.upperBound <= span.range.upperBound && r != span.range
            }) {
                // Issue 11: an organisation named after a place (Kenya Airways, دانشگاه تهران) is not the place.
                kept.append((span, surface))
                outdone.formUnion(overlapping)
            }
        }
        // A speaker's name holding a shorter tagger person ("پور" of "حقیقت‌پور افزود", the
        // tagger splitting at a ZWNJ) is the name the tagger saw a piece of: the speaker rule's
        // bounds are the sentence's start and the verb, where a title's name may run on.
        let speakers = found.filter { $0.extractor == "speaker" && $0.kind == "person" }.compactMap(range)
        let speakerIndex = TaggerRangeIndex(speakers)
        kept.removeAll { span, _ in
            span.kindName == "person" && speakerIndex.overlapping(span.range).contains { i in
                let r = speakers[i]
                return r != span.range && r.lowerBound <= span.range.lowerBound && span.range.upperBound <= r.upperBound
            }
        }
        let outdoneRanges = Set(outdone.map { range(sureMentions[$0])! })
        let tagged = TaggerRangeIndex(kept.map(\.0.range))
        let sameName = Set(kept.map { SameName(range: $0.0.range, kind: $0.0.kindName) })
        var result = found.filter { m in
            guard let r = range(m) else { return true }
            if !isRule(m) { return m.kind != "place" || m.extractor != "kb" || !outdoneRanges.contains(r) }
            return !tagged.overlaps(r) || sameName.contains(SameName(range: r, kind: m.kind))
        }
        let ruleRanges = TaggerRangeIndex(result.filter(isRule).compactMap(range))
        for (span, surface) in kept where !ruleRanges.contains(span.range) {
            let kind = span.kindName
            let score = 0.5 + 0.35 * min(1, max(0, span.margin) / 20)
            let profile = kind == "date" ? nil : knowledgeBase.exactLookup(surface, lang: lang).first {
                $0.kind == kind && !Self.isForeignArabicScriptSpelling(surface, of: $0, lang: lang)
            }
            result.append(EntityMention(id: profile?.id ?? Mention.unlinkedID(kind: kind, name: surface), kind: kind,
                                        name: profile?.name ?? surface, text: surface,
                                        first: span.range.lowerBound + 1, last: span.range.upperBound,
                                        extractor: "tagger", score: score))
        }
        return result
    }

    /// A name found at the same bytes with the same kind: a value, not the text "3..<9 person"
    /// that was made and hashed for every span and mention.
    private struct SameName: Hashable {
        let range: Range<Int>
        let kind: String
    }

    /// As in the matcher: Arabic text does not use another language's Arabic-script spelling of a
    /// name that has an Arabic one (ميلان is the club; Milan is ميلانو, Persian میلان).
    static func isForeignArabicScriptSpelling(_ surface: String, of profile: EntityProfile, lang: String) -> Bool {
        guard lang == "ar", profile.variants.contains(where: { $0.lang == "ar" }) else { return false }
        let key = KnowledgeBase.foldSpelling(surface)
        return !profile.variants.contains { ($0.lang == "ar" || $0.lang == nil) && KnowledgeBase.foldSpelling($0.text) == key }
    }
}
