import Foundation
import NewsKit

/// `toolkit-bench matcher [--kb DIR] [--corpus DIR] [--mb 200] [--python PATH|none]
///                        [--peer SCRIPT] [--synthetic N] [--dense-kb N] [--scan-only] [--pipeline-only]`
///
/// Loads every kb/*.jsonl and kb/*.tsv of a knowledge-base folder (default Plugins/world/kb),
/// compiles the matcher (reports variants, patterns, states, compile time), reads the texts of
/// the corpus (default ../shared/corpus, *.jsonl, field "text"), and measures on one core:
///   (a) the raw automaton scan (every overlapping match counted) over the folded corpus
///       replicated to --mb megabytes,
///   (b) the full pipeline (fold + scan + boundaries + selection + offsets), article by article,
/// then runs tools/bench/ahocorasick_peer.py with the virtual environment's python (--python,
/// $TOOLKIT_BENCH_PYTHON, .venv-bench/bin/python) on the same folded text and spellings, and
/// prints both figures with their ratio. MB = 10^6 bytes; times are CPU time of the measuring
/// thread (the machine may be shared), best of three for the scan. Skips (exit 0) when the
/// corpus is absent. With an empty knowledge base, or --synthetic N, uses N names harvested from
/// the corpus instead. --dense-kb N times the raw scan with another dense-table budget (KiB).
enum MatcherBenchmark {
    struct Options {
        var kb: String? = nil
        var corpus: String? = nil
        var megabytes = 200.0
        var python: String? = nil
        var peer: String? = nil
        var synthetic = 0
        var denseBudget = 8 << 20
        var scanOnly = false
        var pipelineOnly = false
    }

    static func run(arguments: [String]) -> Int32 {
        var options = Options()
        var index = 0
        func value() -> String? {
            index += 1
            return index < arguments.count ? arguments[index] : nil
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--kb": options.kb = value()
            case "--corpus": options.corpus = value()
            case "--mb": options.megabytes = Double(value() ?? "") ?? options.megabytes
            case "--python": options.python = value()
            case "--peer": options.peer = value()
            case "--synthetic": options.synthetic = Int(value() ?? "") ?? 6000
            case "--dense-kb": options.denseBudget = (Int(value() ?? "") ?? 1024) * 1024
            case "--scan-only": options.scanOnly = true
            case "--pipeline-only": options.pipelineOnly = true
            case "-h", "--help":
                print("usage: toolkit-bench matcher [--kb DIR] [--corpus DIR] [--mb 200] [--python PATH|none] [--peer SCRIPT] [--synthetic N] [--dense-kb KIB] [--scan-only] [--pipeline-only]")
                return 0
            default:
                FileHandle.standardError.write(Data("toolkit-bench matcher: unknown option \(arguments[index])\n".utf8))
                return 2
            }
            index += 1
        }
        do {
            return try measure(options)
        } catch {
            FileHandle.standardError.write(Data("toolkit-bench matcher: \(error)\n".utf8))
            return 1
        }
    }

    /// The given path if there is one (nil when it does not exist), else the first default that does.
    private static func firstExisting(_ given: String?, _ defaults: [String?]) -> String? {
        if let given { return FileManager.default.fileExists(atPath: given) ? given : nil }
        return defaults.compactMap { $0 }.first { FileManager.default.fileExists(atPath: $0) }
    }

    private static func measure(_ options: Options) throws -> Int32 {
        guard let corpusDirectory = firstExisting(options.corpus, ["../shared/corpus", "/work/shared/corpus"]) else {
            print("matcher benchmark skipped: no corpus folder (\(options.corpus ?? "../shared/corpus") not found; give --corpus DIR)")
            return 0
        }
        let texts = try BenchCorpus.texts(in: URL(fileURLWithPath: corpusDirectory))
        guard !texts.isEmpty else {
            print("matcher benchmark skipped: no *.jsonl texts in \(corpusDirectory)")
            return 0
        }
        let corpusBytes = texts.reduce(0) { $0 + $1.utf8.count }
        print("corpus: \(corpusDirectory): \(texts.count) articles, \(format(Double(corpusBytes) / 1e6)) MB")

        // Knowledge base.
        var kb = KnowledgeBase.empty
        var kbSource = "synthetic"
        if options.kb != nil && firstExisting(options.kb, []) == nil {
            print("knowledge base folder \(options.kb!) not found")
            return 1
        }
        if options.synthetic == 0,
           let kbDirectory = firstExisting(options.kb, ["Plugins/world/kb", "/work/main/Plugins/world/kb"]) {
            let started = Date()
            kb = try KnowledgeBase.load(directory: URL(fileURLWithPath: kbDirectory))
            kbSource = "\(kbDirectory) (loaded in \(format(Date().timeIntervalSince(started) * 1000)) ms)"
        }
        if kb.variantCount == 0 {
            kb = KnowledgeBase(profiles: SyntheticKnowledgeBase.profiles(from: texts, count: max(options.synthetic, 6000)))
            kbSource = "synthetic, harvested from the corpus"
        }
        print("knowledge base: \(kbSource): \(kb.profiles.count) profiles, \(kb.variantCount) variants")

        let compileStarted = Date()
        let matcher = EntityMatcher(knowledgeBase: kb)
        let compileMs = Date().timeIntervalSince(compileStarted) * 1000
        let automaton = matcher.automaton
        print("compile: \(automaton.patternCount) patterns, \(automaton.stateCount) states "
              + "(\(automaton.denseStateCount) dense, \(automaton.denseTableBytes / 1024) KiB), \(format(compileMs)) ms")

        // Folded corpus, replicated.
        var foldedCopy: [UInt8] = []
        let (_, foldSeconds, _) = timed {
            for text in texts {
                foldedCopy += TextFolder.foldWithMap(text).bytes
                foldedCopy.append(0x0A)
            }
        }
        let target = Int(options.megabytes * 1e6)
        let copies = max(1, (target + foldedCopy.count - 1) / foldedCopy.count)
        var replicated: [UInt8] = []
        replicated.reserveCapacity(foldedCopy.count * copies)
        for _ in 0..<copies { replicated += foldedCopy }
        print("folded corpus: \(format(Double(foldedCopy.count) / 1e6)) MB per copy, \(copies) copies, "
              + "\(format(Double(replicated.count) / 1e6)) MB; folding with offset maps \(format(Double(corpusBytes) / foldSeconds / 1e6)) MB/s")

        // (a) Raw scan. Times are CPU time of this thread: the machine may be shared, and time
        // spent descheduled says nothing about the matcher.
        let scanner = options.denseBudget == 8 << 20 ? automaton
            : AhoCorasickAutomaton(patterns: matcher.foldedPatterns, denseTableBudget: options.denseBudget)
        if options.denseBudget != 8 << 20 {
            print("raw-scan automaton with a \(options.denseBudget / 1024) KiB dense table: \(scanner.denseStateCount) dense states, \(scanner.byteClassCount) byte classes")
        }
        let perCopy = foldedCopy.withUnsafeBufferPointer { scanner.countMatches(in: $0) }
        var scanTimes: [Double] = []
        if options.pipelineOnly { replicated = [] }
        var total = 0
        for _ in 0..<(options.pipelineOnly ? 0 : 3) {
            let (count, cpu, _) = timed { replicated.withUnsafeBufferPointer { scanner.countMatches(in: $0) } }
            total = count
            scanTimes.append(cpu)
        }
        let scanSeconds = scanTimes.min() ?? .infinity
        let scanRate = Double(replicated.count) / scanSeconds / 1e6
        print("(a) raw automaton scan: \(format(scanRate)) MB/s (best of 3 runs of \(scanTimes.map { format($0) }.joined(separator: ", ")) s CPU), "
              + "\(total) matches, \(perCopy) per copy")

        if options.scanOnly { return 0 }

        // (b) Full pipeline, article by article.
        var processed = 0
        var mentions = 0
        let workspace = EntityMatcher.Workspace()
        let (_, pipelineSeconds, pipelineWall) = timed {
            while processed < target {
                for text in texts {
                    mentions += matcher.matches(in: text, workspace: workspace).count
                    processed += text.utf8.count
                }
            }
        }
        let pipelineRate = Double(processed) / pipelineSeconds / 1e6
        print("(b) full pipeline (fold + scan + boundaries + selection + offsets): \(format(pipelineRate)) MB/s over "
              + "\(format(Double(processed) / 1e6)) MB (\(format(pipelineSeconds)) s CPU, \(format(pipelineWall)) s wall), \(mentions) mentions")

        // Peer.
        let python = options.python == "none" ? nil : firstExisting(
            options.python, [ProcessInfo.processInfo.environment["TOOLKIT_BENCH_PYTHON"], ".venv-bench/bin/python", ".venv/bin/python"])
        let peer = firstExisting(options.peer, ["tools/bench/ahocorasick_peer.py"])
        var summary: [String: Any] = [
            "variants": kb.variantCount, "patterns": automaton.patternCount, "states": automaton.stateCount,
            "compile_ms": round(compileMs), "scan_mb_per_s": round(scanRate), "pipeline_mb_per_s": round(pipelineRate),
            "matches_per_copy": perCopy,
        ]
        if let python, let peer {
            let result = try runPeer(python: python, script: peer, patterns: matcher.foldedPatterns,
                                     text: foldedCopy, megabytes: options.megabytes)
            if let rate = result["mb_per_s"] as? Double {
                let peerMatches = result["matches_per_copy"] as? Int ?? -1
                print("pyahocorasick (iter, same folded text and spellings): \(format(rate)) MB/s, "
                      + "build \(result["build_ms"] ?? "?") ms, \(peerMatches) matches per copy"
                      + (peerMatches == perCopy ? " (same count)" : " (Swift counts \(perCopy))"))
                if let long = result["long_mb_per_s"] as? Double {
                    print("pyahocorasick (iter_long, leftmost-longest): \(format(long)) MB/s")
                    summary["peer_long_mb_per_s"] = long
                }
                print("ratio: raw scan \(format(scanRate / rate))x pyahocorasick; full pipeline \(format(pipelineRate / rate))x")
                summary["peer_mb_per_s"] = rate
                summary["scan_ratio"] = round(scanRate / rate * 10) / 10
                summary["pipeline_ratio"] = round(pipelineRate / rate * 10) / 10
            } else {
                print("pyahocorasick: \(result["error"] ?? "no result")")
            }
        } else {
            print("pyahocorasick: skipped (no venv python: python3 -m venv .venv-bench && .venv-bench/bin/pip install pyahocorasick)")
        }
        if let json = try? JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys]) {
            print("summary: " + String(decoding: json, as: UTF8.self))
        }
        return 0
    }

    private static func runPeer(python: String, script: String, patterns: [[UInt8]], text: [UInt8],
                                megabytes: Double) throws -> [String: Any] {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("toolkit-bench-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let patternFile = directory.appendingPathComponent("patterns.txt")
        let textFile = directory.appendingPathComponent("text.txt")
        var patternData = Data()
        for pattern in patterns where !pattern.contains(0x0A) {
            patternData.append(contentsOf: pattern)
            patternData.append(0x0A)
        }
        try patternData.write(to: patternFile)
        try Data(text).write(to: textFile)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, "--patterns", patternFile.path, "--text", textFile.path,
                             "--mb", String(megabytes), "--long"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lastLine = String(decoding: data, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
        return (try? JSONSerialization.jsonObject(with: Data(lastLine.utf8)) as? [String: Any]) ?? ["error": "no output (exit \(process.terminationStatus))"]
    }

    /// Result, CPU seconds of this thread, wall seconds.
    static func timed<T>(_ body: () -> T) -> (T, Double, Double) {
        func cpuNow() -> Double {
            var spec = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
            return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
        }
        let wallStart = DispatchTime.now().uptimeNanoseconds
        let cpuStart = cpuNow()
        let result = body()
        let cpu = cpuNow() - cpuStart
        return (result, cpu, Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9)
    }

    static func format(_ value: Double) -> String {
        String(format: value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value)
    }
}

/// The "text" field of every line of every *.jsonl file in a folder.
enum BenchCorpus {
    static func texts(in directory: URL) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        var texts: [String] = []
        for name in names {
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            for line in data.split(separator: 0x0A) where !line.isEmpty {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                      let text = object["text"] as? String, !text.isEmpty else { continue }
                texts.append(text)
            }
        }
        return texts
    }
}

/// Stand-in names for when the real knowledge base is not there yet: the most frequent
/// capitalised word pairs and single capitalised words of Latin-script texts, and the most
/// frequent word pairs of Arabic-script texts, grouped into profiles of a few spellings each.
enum SyntheticKnowledgeBase {
    static func profiles(from texts: [String], count: Int) -> [EntityProfile] {
        var latinPairs: [String: Int] = [:]
        var latinWords: [String: Int] = [:]
        var arabicPairs: [String: Int] = [:]
        for text in texts {
            let words = text.split(whereSeparator: { !$0.isLetter && $0 != "-" && $0 != "'" }).map(String.init)
            for (i, word) in words.enumerated() {
                guard let first = word.unicodeScalars.first else { continue }
                let isArabic = (0x0600...0x06FF).contains(first.value)
                let isCapital = word.first!.isUppercase && word.count > 2
                if isCapital { latinWords[word, default: 0] += 1 }
                guard i + 1 < words.count else { continue }
                let next = words[i + 1]
                if isCapital && next.first!.isUppercase && next.count > 1 {
                    latinPairs[word + " " + next, default: 0] += 1
                } else if isArabic && word.count > 2 && next.count > 2 {
                    arabicPairs[word + " " + next, default: 0] += 1
                }
            }
        }
        func top(_ counts: [String: Int], _ n: Int) -> [String] {
            counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(n).map(\.key)
        }
        let names = top(latinPairs, count * 2 / 5) + top(arabicPairs, count * 2 / 5) + top(latinWords, count / 5)
        var profiles: [EntityProfile] = []
        var index = 0
        while index < names.count {
            let group = names[index..<min(index + 2, names.count)]
            profiles.append(EntityProfile(
                id: "synthetic/\(profiles.count)", kind: ["person", "org", "place"][profiles.count % 3],
                name: group.first!, variants: group.map { EntityVariant(text: $0) }))
            index += 2
        }
        return profiles
    }
}
