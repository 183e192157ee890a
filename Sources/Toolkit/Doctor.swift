import BundledData
import Foundation
import LuaBridge
import NewsKit

/// `toolkit doctor`: what this installation has and whether each part works, one finding a line,
/// each with what to do when it does not. Nothing is changed; the output and cache folders are
/// probed with a file removed at once.
public enum Doctor {
    public struct Finding: Sendable, CustomStringConvertible {
        public enum Status: String, Sendable {
            /// Works.
            case ok
            /// Works with less (no tagger weights, no cache): said, not a failure.
            case note
            /// Does not work: `toolkit doctor` exits 1.
            case broken
        }
        public var status: Status
        /// What was examined: `lua`, `plugins`, `knowledge base`, ...
        public var subject: String
        /// What was found, and for a problem what to do.
        public var detail: String

        public init(_ status: Status, _ subject: String, _ detail: String) {
            self.status = status
            self.subject = subject
            self.detail = detail
        }

        public var description: String {
            status.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0) + subject + ": " + detail
        }
    }

    /// Every finding, in the order a run meets the parts. `outputFolder` is `--out`'s.
    public static func examine(pluginFolders: [String] = [], outputFolder: URL = URL(fileURLWithPath: "out"),
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> [Finding]
    {
        var findings = [Finding(.ok, "toolkit", "\(ToolkitVersion.current) (\(executablePath))"), lua()]
        findings += plugins(pluginFolders, environment: environment)
        findings.append(samples())
        findings.append(cache(environment: environment))
        findings.append(output(outputFolder))
        return findings
    }

    private static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// A sandboxed state with the run's default limits starts and runs code.
    static func lua() -> Finding {
        do {
            let state = try LuaState(limits: RunOptions.defaultLimits)
            defer { state.close() }
            let version = try state.run("return _VERSION").first?.stringValue ?? "unknown version"
            return Finding(.ok, "lua", "\(version) (the system liblua5.4), a sandboxed state starts and runs code")
        } catch {
            return Finding(.broken, "lua", "cannot start a Lua state (\(error)); install liblua5.4 (make deps) and rebuild")
        }
    }

    /// Plugins found and from where, those broken or shadowed, then the data the selected ones bring.
    static func plugins(_ extra: [String], environment: [String: String]) -> [Finding] {
        let survey: PluginCatalog
        do {
            survey = try PluginCatalog.survey(extra: extra, environment: environment)
        } catch {
            return [Finding(.broken, "plugins", "\(error)")]
        }
        var findings: [Finding] = []
        let found = survey.available.map { "\($0.name) \($0.manifest.version) (\($0.origin), \($0.folder.path))" }
        findings.append(Finding(found.isEmpty ? .broken : .ok, "plugins",
                                found.isEmpty ? "none found in \(survey.searchPath.descriptions.joined(separator: ", ")); install them with make install or pass --plugin DIR"
                                              : "\(found.count) found: " + found.joined(separator: "; ")))
        if let missing = survey.searchPath.bundledMissing {
            findings.append(Finding(.note, "bundled plugins", missing))
        }
        for broken in survey.broken {
            findings.append(Finding(.broken, "plugin \(broken.folder.path)", broken.problems.replacingOccurrences(of: "\n", with: "; ") + " (fix the manifest or remove the folder)"))
        }
        // A checkout's ./Plugins over the bundled copy of the same version is how a checkout works: not said.
        let winners = Dictionary(survey.available.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for shadowed in survey.shadowed
        where !(shadowed.plugin.origin == "bundled" && winners[shadowed.plugin.name]?.manifest.version == shadowed.plugin.manifest.version) {
            findings.append(Finding(.note, "plugin \(shadowed.plugin.name)", "\(shadowed.plugin.folder.path) is shadowed by \(shadowed.by.path), found first"))
        }
        guard survey.broken.isEmpty else { return findings }
        let catalog: PluginCatalog
        do {
            catalog = try PluginCatalog.discover(extra: extra, environment: environment)
        } catch {
            findings.append(Finding(.broken, "plugin selection", "\(error)"))
            return findings
        }
        findings.append(Finding(.ok, "plugins loaded by default", catalog.plugins.map(\.name).joined(separator: ", ").ifEmpty("none")))
        findings.append(knowledgeBase(catalog))
        findings.append(tagger(catalog))
        do {
            _ = try catalog.rules()
            _ = try catalog.markers()
            if let missing = catalog.markersMissing {
                findings.append(Finding(.note, "rules and markers", missing))
            } else {
                findings.append(Finding(.ok, "rules and markers", "the plugins' rules/ and markers/ files read"))
            }
        } catch {
            findings.append(Finding(.broken, "rules and markers", "\(error)"))
        }
        return findings
    }

    static func knowledgeBase(_ catalog: PluginCatalog) -> Finding {
        if let missing = catalog.knowledgeBaseMissing("entities will not be linked to ids") {
            return Finding(.broken, "knowledge base", missing)
        }
        do {
            let kb = try catalog.knowledgeBase()
            var kinds: [String: Int] = [:]
            for profile in kb.profiles { kinds[profile.kind, default: 0] += 1 }
            let perKind = kinds.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
                .map { "\(InputSummary.grouped($0.value)) \($0.key)" }.joined(separator: ", ")
            let files = catalog.plugins.flatMap(\.knowledgeBaseFiles).count
            return Finding(.ok, "knowledge base", "\(InputSummary.grouped(kb.profiles.count)) profiles (\(perKind)), "
                + "\(InputSummary.grouped(kb.variantCount)) spellings, from \(files) file\(files == 1 ? "" : "s")")
        } catch {
            return Finding(.broken, "knowledge base", "\(error)")
        }
    }

    /// The name tagger's weights (the bundled `ner` plugin's `tagger/*.tagger`).
    static func tagger(_ catalog: PluginCatalog) -> Finding {
        let holders = catalog.plugins.filter { !$0.taggerFiles.isEmpty }
        guard !holders.isEmpty else {
            return Finding(.note, "models", "no name tagger weights loaded: names outside the knowledge base are found by the rules alone (the bundled ner plugin brings weights; check it is installed and selected)")
        }
        do {
            let tagger = try NameTagger(files: holders.flatMap(\.taggerFiles))
            let bytes = holders.flatMap(\.taggerFiles).reduce(0) { total, file in
                total + ((try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0)
            }
            return Finding(.ok, "models", "name tagger weights for \(tagger.languages.joined(separator: ", ")) "
                + "(\(String(format: "%.1f", Double(bytes) / 1_048_576)) MiB, from \(holders.map { "\($0.name) plugin, \($0.folder.path)/tagger" }.joined(separator: "; ")))")
        } catch {
            return Finding(.broken, "models", "\(error) (rebuild the weights with make train-ner, or reinstall the plugin)")
        }
    }

    static func samples() -> Finding {
        guard let seeds = BundledData.seeds else {
            let looked = BundledData.searchedBundles.map(\.path).joined(separator: ", ")
            return Finding(.broken, "sample articles", "not found beside the binary (looked for \(looked)); `toolkit run` needs a corpus named until they are there (make install puts them beside the binary)")
        }
        let count = Corpus.files(under: seeds, shownAs: "seeds").count
        return Finding(.ok, "sample articles", "\(count) in \(seeds.path)")
    }

    /// The article cache's folder (runs' default: `$XDG_CACHE_HOME/toolkit`, else `~/.cache/toolkit`)
    /// and what it takes. A cache that cannot be written does not stop a run, so it is a note.
    static func cache(environment: [String: String]) -> Finding {
        guard let folder = ArticleCache.defaultFolder(environment: environment) else {
            return Finding(.note, "cache", "no cache folder (neither $XDG_CACHE_HOME nor $HOME is set): every run parses and annotates every article; pass --cache DIR to keep them")
        }
        switch probe(folder) {
        case .writable(let existing):
            guard existing.path == folder.standardizedFileURL.path else {
                return Finding(.ok, "cache", "\(folder.path): empty, created by the first run (toolkit cache shows it, --no-cache leaves it out)")
            }
            let size = ArticleCache.size(of: folder)
            return Finding(.ok, "cache", "\(folder.path): \(String(format: "%.1f", Double(size) / 1_048_576)) MiB of at most \(ArticleCache.defaultSizeLimit >> 30) GiB (toolkit cache clear empties it)")
        case .file(let file):
            return Finding(.note, "cache", "\(file.path) is a file, so runs go on without the cache; remove it or pass --cache DIR")
        case .notWritable(let existing):
            return Finding(.note, "cache", "\(existing.path) is not writable, so runs go on without the cache; fix its permissions or pass --cache DIR")
        }
    }

    /// Whether outputs can be written where `--out` points (the run creates what is missing).
    static func output(_ folder: URL) -> Finding {
        switch probe(folder) {
        case .writable(let existing):
            let created = existing.path == folder.standardizedFileURL.path ? "" : " (created on the first run, in \(existing.path))"
            return Finding(.ok, "output folder", "\(folder.relativePath) is writable\(created)")
        case .file(let file):
            return Finding(.broken, "output folder", "\(file.path) is a file, so \(folder.relativePath) cannot be created; pass another --out")
        case .notWritable(let existing):
            return Finding(.broken, "output folder", "\(existing.path) is not writable; pass --out DIR with a folder you can write to")
        }
    }

    enum Probe {
        /// Files can be made in `folder` or, when it is missing, in the nearest folder above it.
        case writable(URL)
        /// The nearest existing path is a file: the folder cannot be created.
        case file(URL)
        case notWritable(URL)
    }

    /// Makes and removes a file in `folder`, or in the nearest folder above it that exists.
    static func probe(_ folder: URL) -> Probe {
        let fm = FileManager.default
        var existing = folder.standardizedFileURL
        var isFolder: ObjCBool = false
        while !fm.fileExists(atPath: existing.path, isDirectory: &isFolder) && existing.path != "/" {
            existing.deleteLastPathComponent()
        }
        guard isFolder.boolValue else { return .file(existing) }
        let probe = existing.appendingPathComponent(".toolkit-doctor-\(getpid())")
        guard fm.createFile(atPath: probe.path, contents: Data()) else { return .notWritable(existing) }
        try? fm.removeItem(at: probe)
        return .writable(existing)
    }
}
