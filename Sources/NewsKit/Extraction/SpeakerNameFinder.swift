/// Rule 2b: in Arabic script, which has no capitals to tell a name, the subject that opens a
/// sentence before a speech verb ("موسوی افزود:", "غلامیان دهکردی تاکید کرد"). News names a
/// speaker in full once and by surname at every quote after: this is where the surnames are.
/// Pronouns, titles, common nouns and organisation words break Arabic-script names, so "وی
/// افزود", "این مسئول گفت", "وزیر کشور افزود" and "سخنگو گفت" give nothing.
extension RuleDocument {
    static let speakerScore = 0.6
    static let speakerFirstNameScore = 0.7

    func speakingPeople(skipping covered: [Bool]) -> [Mention] {
        var found: [Mention] = []
        var i = 0
        while i < count {
            defer { i += 1 }
            guard !covered[i], isWord(i, .arabic), isSentenceStart(i),
                  let name = arabicNameForward(from: i), name.units <= 2 || has(name.first, .firstName),
                  speechFollows(name.end),
                  !(name.first..<name.end).contains(where: { covered[$0] })
            else { continue }
            let score = has(name.first, .firstName) && name.units >= 2 ? RuleDocument.speakerFirstNameScore : RuleDocument.speakerScore
            found.append(person(name, roleRange: nil, score: score, extractor: "speaker"))
            i = name.end
        }
        return found
    }

    /// A speech verb (the language's `speech-after` phrases) right after the name, on its line.
    private func speechFollows(_ end: Int) -> Bool {
        guard end < count, !tokens[end].lineBefore, tokens[end].writing == .arabic else { return false }
        return phraseClass(at: end)?.cls.contains(.speechAfter) ?? false
    }
}
