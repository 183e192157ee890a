import Foundation
import NewsKit

/// `toolkit-bench langid`: accuracy per language and sentences per second of
/// `LanguageIdentifier`, next to py3langid and pycld2 on the same sentences when a Python
/// with them is at hand (tools/langid/peers.py).
enum LangIDBenchmark {
    struct Options {
        var corpus = "../shared/corpus"
        var evalDirectory = "tools/langid/eval"
        var perLanguage = 3000
        var python: String? = nil
        var peers = true
        var sentencesOut = ".build/langid-sentences.tsv"
        var errors = 0
        var seconds = 2.0
        var speedOnly = false
    }

    static let usage = """
        usage: toolkit-bench langid [--corpus DIR] [--eval DIR] [--per-language N] [--python PATH]
                                    [--no-peers] [--sentences-out FILE] [--errors N] [--seconds S]
          --corpus DIR        JSON Lines articles (default ../shared/corpus; skipped when absent)
          --eval DIR          hand-written sentences, one file per language (default tools/langid/eval)
          --per-language N    corpus sentences per language, spread over the file (default 3000)
          --python PATH       Python with py3langid/pycld2 (default .venv-bench/bin/python if present)
          --no-peers          do not run the Python peers
          --errors N          print up to N misidentified sentences per set
          --speed-only        only time the sentences of 100-150 bytes
        """

    static func parse(_ arguments: [String]) -> Options? {
        var options = Options()
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            func value() -> String? { rest.popFirst() }
            switch flag {
            case "--corpus": guard let v = value() else { return nil }; options.corpus = v
            case "--eval": guard let v = value() else { return nil }; options.evalDirectory = v
            case "--per-language": guard let v = value().flatMap(Int.init) else { return nil }; options.perLanguage = v
            case "--python": guard let v = value() else { return nil }; options.python = v
            case "--no-peers": options.peers = false
            case "--speed-only": options.speedOnly = true; options.peers = false
            case "--sentences-out": guard let v = value() else { return nil }; options.sentencesOut = v
            case "--errors": guard let v = value().flatMap(Int.init) else { return nil }; options.errors = v
            case "--seconds": guard let v = value().flatMap(Double.init) else { return nil }; options.seconds = v
            default: return nil
            }
        }
        return options
    }

    static func run(_ arguments: [String]) -> Int32 {
        guard let options = parse(arguments) else {
            print(usage)
            return 2
        }
        var sentences: [LabelledSentence] = []
        let fileManager = FileManager.default
        let corpus = URL(fileURLWithPath: options.corpus)
        if fileManager.fileExists(atPath: corpus.path) {
            let files = ((try? fileManager.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil)) ?? [])
                .filter { $0.pathExtension == "jsonl" }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
            for file in files {
                do {
                    let cut = try SentenceSet.corpusSentences(file: file, limit: options.perLanguage)
                    sentences += cut
                    if cut.first?.language == "fa" { sentences += SentenceSet.persianArabicKeyboard(cut) }
                } catch {
                    print("corpus: cannot read \(file.path): \(error)")
                }
            }
        } else {
            print("corpus: \(options.corpus) absent, skipping the real-article sentences")
        }
        let evalDirectory = URL(fileURLWithPath: options.evalDirectory)
        if let handWritten = try? SentenceSet.handWritten(directory: evalDirectory) {
            sentences += handWritten
        } else {
            print("eval: \(options.evalDirectory) absent, skipping the hand-written sentences")
        }
        guard !sentences.isEmpty else {
            print("langid: no sentences to measure")
            return 0
        }

        let identifier = LanguageIdentifier.shared
        let bytes = sentences.map { Array($0.text.utf8) }
        if options.speedOnly {
            let newsSized = bytes.filter { (100...150).contains($0.count) }
            let result = speed(of: newsSized, identifier: identifier, seconds: options.seconds)
            print(String(format: "%.0f sentences/s (%d sentences of 100-150 bytes)", result.perSecond, newsSized.count))
            return 0
        }
        var results: [String: (count: Int, correct: Int)] = [:]
        var confusions: [String: [String: Int]] = [:]
        var shownErrors: [String: Int] = [:]
        for (sentence, utf8) in zip(sentences, bytes) {
            let guess = utf8.withUnsafeBufferPointer { identifier.identify(utf8: $0) }
            let ok = guess.code == sentence.language
            results[sentence.set, default: (0, 0)].count += 1
            if ok {
                results[sentence.set]!.correct += 1
            } else {
                confusions[sentence.set, default: [:]][guess.code, default: 0] += 1
                if shownErrors[sentence.set, default: 0] < options.errors {
                    shownErrors[sentence.set, default: 0] += 1
                    print("  miss \(sentence.set) -> \(guess.code) (\(String(format: "%.2f", guess.confidence))): \(sentence.text.prefix(160))")
                }
            }
        }

        let speedAll = speed(of: bytes, identifier: identifier, seconds: options.seconds)
        let newsSized = bytes.filter { (100...150).contains($0.count) }
        let speedNews = newsSized.isEmpty ? nil : speed(of: newsSized, identifier: identifier, seconds: options.seconds)

        var peers: [PeerResult] = []
        if options.peers {
            peers = runPeers(sentences: sentences, options: options)
        }
        printTable(results: results, confusions: confusions, peers: peers)
        let meanBytes = Double(bytes.reduce(0) { $0 + $1.count }) / Double(bytes.count)
        print(String(format: "NewsKit speed (one core, CPU time): %.0f sentences/s on all %d sentences (mean %.0f bytes, %.1f MB/s)",
                     speedAll.perSecond, bytes.count, meanBytes, speedAll.megabytesPerSecond))
        if let speedNews {
            print(String(format: "NewsKit speed (one core, CPU time): %.0f sentences/s on the %d sentences of 100-150 bytes",
                         speedNews.perSecond, newsSized.count))
        }
        for peer in peers where peer.perSecond > 0 {
            print(String(format: "%@ speed: %.0f sentences/s on all %d sentences", peer.tool, peer.perSecond, bytes.count))
        }
        return 0
    }

    struct Speed {
        let perSecond: Double
        let megabytesPerSecond: Double
    }

    /// Identifies the sentences over and over on one thread for about `seconds` of that
    /// thread's CPU time (the machine may be shared: wall time would count other processes).
    static func speed(of sentences: [[UInt8]], identifier: LanguageIdentifier, seconds: Double) -> Speed {
        let start = threadCPUSeconds()
        var done = 0
        var byteCount = 0
        var sink = 0
        var elapsed = 0.0
        repeat {
            for utf8 in sentences {
                let guess = utf8.withUnsafeBufferPointer { identifier.identify(utf8: $0) }
                sink &+= guess.code.utf8.count
                byteCount += utf8.count
            }
            done += sentences.count
            elapsed = threadCPUSeconds() - start
        } while elapsed < seconds
        if sink == -1 { print(sink) }
        return Speed(perSecond: Double(done) / elapsed, megabytesPerSecond: Double(byteCount) / elapsed / 1e6)
    }

    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    struct PeerResult {
        let tool: String
        var sets: [String: (count: Int, correct: Int)] = [:]
        var perSecond: Double = 0
        var note: String? = nil
    }

    /// Runs tools/langid/peers.py on the same sentences; prints why when it cannot.
    static func runPeers(sentences: [LabelledSentence], options: Options) -> [PeerResult] {
        let fileManager = FileManager.default
        let python = options.python ?? (fileManager.isExecutableFile(atPath: ".venv-bench/bin/python") ? ".venv-bench/bin/python" : nil)
        guard let python else {
            print("peers: skipped (no .venv-bench/bin/python; create it with py3langid and pycld2, or pass --python)")
            return []
        }
        let script = "tools/langid/peers.py"
        guard fileManager.fileExists(atPath: script) else {
            print("peers: skipped (\(script) not found; run from the repository root)")
            return []
        }
        let tsv = URL(fileURLWithPath: options.sentencesOut)
        do {
            try fileManager.createDirectory(at: tsv.deletingLastPathComponent(), withIntermediateDirectories: true)
            try SentenceSet.writeTSV(sentences, to: tsv)
        } catch {
            print("peers: skipped (cannot write \(tsv.path): \(error))")
            return []
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, "--json", tsv.path]
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            print("peers: skipped (cannot run \(python): \(error))")
            return []
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var peers: [String: PeerResult] = [:]
        var order: [String] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let tool = object["tool"] as? String else { continue }
            if peers[tool] == nil {
                peers[tool] = PeerResult(tool: tool)
                order.append(tool)
            }
            if let note = object["unavailable"] as? String {
                peers[tool]!.note = note
                print("peers: \(tool) unavailable: \(note)")
            } else if let set = object["set"] as? String, let count = object["count"] as? Int, let correct = object["correct"] as? Int {
                peers[tool]!.sets[set] = (count, correct)
            } else if let perSecond = object["per_second"] as? Double {
                peers[tool]!.perSecond = perSecond
            }
        }
        if process.terminationStatus != 0 { print("peers: \(script) exited with status \(process.terminationStatus)") }
        return order.compactMap { peers[$0] }.filter { $0.note == nil }
    }

    static func printTable(results: [String: (count: Int, correct: Int)], confusions: [String: [String: Int]], peers: [PeerResult]) {
        let sets = results.keys.sorted()
        var header = "set".padding(toLength: 20, withPad: " ", startingAt: 0) + "  count  NewsKit"
        for peer in peers { header += "  " + peer.tool.padding(toLength: 9, withPad: " ", startingAt: 0) }
        header += "  NewsKit's misses"
        print(header)
        func accuracy(_ r: (count: Int, correct: Int)?) -> String {
            guard let r, r.count > 0 else { return "     -" }
            return String(format: "%6.3f", Double(r.correct) / Double(r.count))
        }
        for set in sets {
            var line = set.padding(toLength: 20, withPad: " ", startingAt: 0)
            line += String(format: "  %5d  ", results[set]!.count) + accuracy(results[set]) + " "
            for peer in peers { line += "    " + accuracy(peer.sets[set]) + " " }
            let misses = (confusions[set] ?? [:]).sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(4).map { "\($0.key):\($0.value)" }.joined(separator: " ")
            line += " " + misses
            print(line)
        }
        func pooled(_ sets: [String: (count: Int, correct: Int)]) -> (count: Int, correct: Int) {
            sets.values.reduce((0, 0)) { ($0.0 + $1.count, $0.1 + $1.correct) }
        }
        func macro(_ sets: [String: (count: Int, correct: Int)]) -> String {
            let values = sets.values.filter { $0.count > 0 }.map { Double($0.correct) / Double($0.count) }
            return values.isEmpty ? "     -" : String(format: "%6.3f", values.reduce(0, +) / Double(values.count))
        }
        var overall = "overall".padding(toLength: 20, withPad: " ", startingAt: 0) + String(format: "  %5d  ", pooled(results).count) + accuracy(pooled(results)) + " "
        for peer in peers { overall += "    " + accuracy(pooled(peer.sets)) + " " }
        print(overall)
        var mean = "mean of sets".padding(toLength: 20, withPad: " ", startingAt: 0) + "         " + macro(results) + " "
        for peer in peers { mean += "    " + macro(peer.sets) + " " }
        print(mean)
    }
}
