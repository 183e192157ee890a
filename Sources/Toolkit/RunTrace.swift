import Foundation

/// `--verbose`: what a run loaded and what each part of it produced, said on standard error so
/// that "why did my plugin give nothing?" has an answer: the plugins loaded and why, each
/// extractor's mentions, the articles it ran on and the time it took, each report's outputs and
/// the time of the reports' pass, and the plugins that produced nothing named as such.
/// Extractors run on the main state and on report workers, so the counts are locked.
final class RunTrace: @unchecked Sendable {
    struct ExtractorCount {
        var mentions = 0
        var articles = 0
        var articlesWithFinds = 0
        var seconds = 0.0
    }

    private let lock = NSLock()
    private var extractors: [String: ExtractorCount] = [:]
    private var builtIn: [String: Int] = [:]
    private var annotatedArticles = 0

    /// One call of a Lua extractor.
    func extractor(_ name: String, mentions: Int, seconds: Double) {
        lock.lock()
        defer { lock.unlock() }
        extractors[name, default: ExtractorCount()].articles += 1
        extractors[name]!.mentions += mentions
        extractors[name]!.seconds += seconds
        if mentions > 0 { extractors[name]!.articlesWithFinds += 1 }
    }

    /// One article's built-in finds (knowledge base, rules, tagger, dates, amounts), by extractor.
    func annotated(_ names: [String]) {
        lock.lock()
        defer { lock.unlock() }
        annotatedArticles += 1
        for name in names { builtIn[name, default: 0] += 1 }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = (ContinuousClock.now - start).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    }

    /// The lines that say which plugins load and why, before anything runs.
    static func pluginLines(_ catalog: PluginCatalog) -> [String] {
        guard !catalog.plugins.isEmpty else { return ["plugins loaded: none (`toolkit plugins list` says why)"] }
        var lines = ["plugins loaded (\(catalog.plugins.count)), in load order:"]
        for plugin in catalog.plugins {
            var data: [String] = []
            if !plugin.knowledgeBaseFiles.isEmpty { data.append("\(plugin.knowledgeBaseFiles.count) kb file(s)") }
            if !plugin.markerFiles.isEmpty { data.append("\(plugin.markerFiles.count) marker file(s)") }
            if !plugin.ruleFiles.isEmpty { data.append("\(plugin.ruleFiles.count) rule file(s)") }
            if plugin.hasTagger { data.append("tagger weights") }
            lines.append("  \(plugin.name) \(plugin.manifest.version) (\(plugin.origin) \(plugin.folder.relativePath)): "
                + (catalog.reasons[plugin.name] ?? "selected") + (data.isEmpty ? "" : "; data: " + data.joined(separator: ", ")))
        }
        return lines
    }

    /// The lines after the run: extractors, reports, and who produced nothing.
    func summary(catalog: PluginCatalog, extractors registered: [ScriptExtractor], reports: [ScriptReport],
                 reportOutputs: [String: [URL]], reportSeconds: Double?) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        var lines: [String] = []
        func owner(_ origin: String) -> String {
            catalog.plugins.first { origin.hasPrefix($0.folder.relativePath + "/") }.map { "plugin \($0.name)" } ?? "the script"
        }
        if annotatedArticles > 0 {
            let counts = builtIn.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            lines.append("built-in finds over \(annotatedArticles) article(s) annotated: \(counts.ifEmpty("none"))")
        }
        var produced: [String: Bool] = [:]
        if !registered.isEmpty { lines.append("extractors:") }
        for extractor in registered {
            let count = extractors[extractor.name] ?? ExtractorCount()
            let who = owner(extractor.origin)
            produced[who] = (produced[who] ?? false) || count.mentions > 0
            lines.append("  \(extractor.name) (\(who)): " + (count.articles == 0
                ? "never ran (no article's entities were asked for\(extractor.languages.map { ", or none in \($0.sorted().joined(separator: ", "))" } ?? ""))"
                : "\(count.mentions) mention(s) in \(count.articlesWithFinds) of \(count.articles) article(s), \(String(format: "%.3f", count.seconds)) s"))
        }
        if !reports.isEmpty {
            lines.append("reports" + (reportSeconds.map { " (their passes took \(String(format: "%.3f", $0)) s)" } ?? " (none ran)") + ":")
        }
        for report in reports {
            let files = reportOutputs[report.name] ?? []
            let who = owner(report.origin)
            produced[who] = (produced[who] ?? false) || !files.isEmpty
            lines.append("  \(report.name) (\(who)): " + (files.isEmpty ? "wrote nothing" : "wrote " + files.map(\.lastPathComponent).joined(separator: ", ")))
        }
        for plugin in catalog.plugins {
            let who = "plugin \(plugin.name)"
            if produced[who] == false {
                lines.append("plugin \(plugin.name) produced nothing: its extractors found no mention and its reports wrote no file")
            } else if produced[who] == nil && plugin.knowledgeBaseFiles.isEmpty && plugin.markerFiles.isEmpty
                && plugin.ruleFiles.isEmpty && !plugin.hasTagger {
                lines.append("plugin \(plugin.name) produced nothing: it registers no extractor or report and has no data files")
            }
        }
        return lines
    }
}

extension Plugin {
    /// Trained tagger weights (`tagger/*.tagger`) the engine loads.
    var hasTagger: Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("tagger").path)) ?? []
        return names.contains { $0.hasSuffix(".tagger") }
    }
}
