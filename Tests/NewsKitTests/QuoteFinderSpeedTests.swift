import XCTest
@testable import NewsKit

/// The quote finder's per-window tables against the plain look-ups they replace: each token's
/// speech verb against a walk of the trie from the token, a word's marker kind against
/// `exactEntry` on a copy of the word, word recurrence against comparing the folded words.
final class QuoteFinderSpeedTests: XCTestCase {
    /// Words that make the look-ups say yes: the bundled speech verbs, pronouns, name stops and
    /// proclitics, glued and not, among names, punctuation and the folding alphabet.
    static func pieces(_ set: MarkerSet) -> [String] {
        let kinds: [MarkerKind] = [.speechVerb, .pronoun, .nameStop, .proclitic]
        var pieces = set.entries.filter { kinds.contains($0.kind) }.map(\.phrase)
        let proclitics = set.entries.filter { $0.kind == .proclitic }.map(\.phrase)
        for verb in set.entries.filter({ $0.kind == .speechVerb }).prefix(40) {
            for pre in proclitics { pieces.append(pre + verb.phrase) }
        }
        pieces += ["Putin", "Anna Berg", "ماكرون", "پوتین", "bin", "van der", "de", "Jean-Paul", "aujourd'hui",
                   ":", ",", "،", "\"", "“", "”", "«", "»", ".", "؟", "\n", "\n\n", "-", "—"]
        return pieces + FoldingPropertyTests.alphabet
    }

    static func randomText(_ rng: inout FoldingPropertyTests.SplitMix, _ pieces: [String], words: Int) -> [UInt8] {
        var text = ""
        for _ in 0..<words {
            text += pieces[Int(rng.next() % UInt64(pieces.count))]
            if rng.next() % 3 != 0 { text += " " }
        }
        var bytes = Array(text.utf8)
        // Bytes that are not UTF-8 now and then.
        if rng.next() % 11 == 0 && !bytes.isEmpty { bytes[Int(rng.next() % UInt64(bytes.count))] = 0xD8 }
        return bytes
    }

    /// The speech verb starting at token k, as a walk of the trie from the word (and from after
    /// each proclitic glued to it) finds it.
    static func referenceVerb(_ work: QuoteFinder.Work, _ k: Int) -> (options: MarkerOptions, last: Int)? {
        let markers = work.markers, t = work.tokens[k]
        let bytes = Array(work.f)
        var starts: [Int] = []
        let word = bytes[t.fLo..<t.fHi]
        if markers.speechVerbFirstWords.contains(MarkerSet.wordHash(word)) { starts.append(t.fLo) }
        let proclitics = markers.entries.filter { $0.kind == .proclitic && markers.applies($0, lang: work.lang) }.map(\.folded)
        for pre in proclitics where t.fHi - t.fLo > pre.count + 2 && bytes[t.fLo..<(t.fLo + pre.count)].elementsEqual(pre)
            && markers.speechVerbFirstWords.contains(MarkerSet.wordHash(word.dropFirst(pre.count))) {
            starts.append(t.fLo + pre.count)
        }
        var best: (MarkerSet.Entry, Int)?
        bytes.withUnsafeBufferPointer { f in
            for s in starts {
                markers.trie.matches(f, at: s, upTo: f.count) { e, end in
                    let entry = markers.entries[e]
                    guard entry.kind == .speechVerb, markers.applies(entry, lang: work.lang) else { return }
                    guard end == f.count || !StructureFolding.isWord(at: end, in: f) else { return }
                    if best == nil || end > best!.1 { best = (entry, end) }
                }
                if best != nil { break }
            }
        }
        guard let (entry, end) = best else { return nil }
        var last = k
        while last + 1 < work.tokens.count && work.tokens[last + 1].fLo < end { last += 1 }
        return (entry.options, last)
    }

    func testTablesAgreeWithPlainLookUps() {
        let set = MarkerSet.bundled
        let pieces = Self.pieces(set)
        var rng = FoldingPropertyTests.SplitMix(state: 1313)
        var verbs = 0, kinds = 0, recurring = 0
        for round in 0..<600 {
            let bytes = Self.randomText(&rng, pieces, words: Int(rng.next() % 60))
            let lang = [nil, "en", "ar", "fa", "sw"][round % 5]
            bytes.withUnsafeBufferPointer { raw in
                let work = QuoteFinder.Work(raw: raw, markers: set, lang: lang)
                let f = Array(work.f)
                XCTAssertEqual(f, work.folded.bytes)
                for k in work.tokens.indices {
                    let fast = work.verbEnd(at: k), slow = Self.referenceVerb(work, k)
                    XCTAssertEqual(fast?.options, slow?.options, "\(String(decoding: bytes, as: UTF8.self)) token \(k)")
                    XCTAssertEqual(fast?.last, slow?.last, "\(String(decoding: bytes, as: UTF8.self)) token \(k)")
                    if fast != nil { verbs += 1 }
                    let t = work.tokens[k]
                    let word = Array(f[t.fLo..<t.fHi])
                    for kind in [MarkerKind.pronoun, .nameStop, .speechVerb] {
                        let plain = t.isWord && set.exactEntry(word, lang: lang) { $0.kind == kind } != nil
                        XCTAssertEqual(work.isKind(k, kind), plain, String(decoding: word, as: UTF8.self))
                        if plain { kinds += 1 }
                    }
                }
                // Recurrence: every run of up to three words against comparing folded words.
                let words = work.tokens.indices.filter { work.tokens[$0].isWord }
                for k in words {
                    for n in 1...3 where k + n <= work.tokens.count {
                        let run = Array(k..<(k + n))
                        guard run.allSatisfy({ work.tokens[$0].isWord }) else { continue }
                        func key(_ j: Int) -> [UInt8] { Array(f[work.tokens[j].fLo..<work.tokens[j].fHi]) }
                        let plain = words.filter { start in
                            run.indices.allSatisfy { i in
                                let j = start + i
                                return j < work.tokens.count && work.tokens[j].isWord && key(j) == key(run[i])
                            }
                        }.count
                        XCTAssertEqual(work.occurrences(run[...]), plain)
                        if plain > 1 { recurring += 1 }
                    }
                }
            }
        }
        XCTAssertGreaterThan(verbs, 200)
        XCTAssertGreaterThan(kinds, 200)
        XCTAssertGreaterThan(recurring, 200)
    }

    func testWordHashesHoldWhatTheSetHolds() {
        var rng = FoldingPropertyTests.SplitMix(state: 64)
        for round in 0..<50 {
            // Hashes that share their low bits, so that probes run on, and 0 now and then.
            var set = Set((0..<(round * 7)).map { _ in rng.next() & (round % 2 == 0 ? 0xFFFF_0000_0000_00FF : .max) })
            if round % 5 == 0 { set.insert(0) }
            let table = QuoteFinder.Work.WordHashes(set)
            for h in set { XCTAssertTrue(table.contains(h)) }
            for _ in 0..<200 {
                let h = rng.next() & (round % 3 == 0 ? 0xFF : .max)
                XCTAssertEqual(table.contains(h), set.contains(h), "\(h)")
            }
            XCTAssertEqual(table.contains(0), set.contains(0))
        }
        XCTAssertTrue(QuoteFinder.Work.WordHashes(MarkerSet.bundled.speechVerbFirstWords).contains(
            MarkerSet.bundled.speechVerbFirstWords.first!))
    }

    func testNameParticlesAreTheWordsTheyWere() {
        let particles: Set<String> = ["bin", "ibn", "al", "el", "de", "da", "di", "du", "van", "von", "der", "la", "le"]
        let text = "Al bin ibn el DE da di du Van von der la le dei dal binx b i Bin"
        Array(text.utf8).withUnsafeBufferPointer { raw in
            let work = QuoteFinder.Work(raw: raw, markers: .bundled, lang: "en")
            for k in work.tokens.indices {
                let word = String(decoding: work.f[work.tokens[k].fLo..<work.tokens[k].fHi], as: UTF8.self)
                XCTAssertEqual(work.isParticle(k), particles.contains(word), word)
            }
        }
    }
}
