import Foundation
import NewsKit

/// What a cached value depends on besides its record, as digests: a parsed article on this build of
/// the toolkit (its binary and NewsKit's bundled data) and the plugins' markers; an annotation on
/// all that and the plugins' knowledge base, rules and tagger weights. Files are digested by their
/// content, so an edited file misses and a touched one does not. Computed on first use (a run that
/// reads no article pays nothing), once, from any thread.
final class CacheFingerprints: @unchecked Sendable {
    private let plugins: [Plugin]
    private let lock = NSLock()
    private var reader: ContentDigest?
    private var annotator: ContentDigest?

    init(plugins: [Plugin]) { self.plugins = plugins }

    /// What parsing depends on.
    var parsing: ContentDigest {
        lock.lock()
        defer { lock.unlock() }
        return readerLocked()
    }

    /// What annotating depends on (parsing included: the annotator reads the parsed article).
    var annotating: ContentDigest {
        lock.lock()
        defer { lock.unlock() }
        if let annotator { return annotator }
        var chain = DigestChain()
        chain.add("annotation \(Self.valueFormat)")
        chain.add(readerLocked())
        for plugin in plugins {
            Self.add(plugin, plugin.knowledgeBaseFiles + plugin.ruleFiles + plugin.taggerFiles, to: &chain)
        }
        annotator = chain.digest
        return chain.digest
    }

    /// The annotating fingerprint with profiles a script added (`toolkit.kb.add`).
    func annotating(adding profiles: [EntityProfile]) -> ContentDigest {
        guard !profiles.isEmpty else { return annotating }
        var chain = DigestChain()
        chain.add(annotating)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for profile in profiles {
            // A profile that cannot be encoded makes a key no other run has.
            chain.add((try? encoder.encode(profile)).map { [UInt8]($0) } ?? Array(UUID().uuidString.utf8))
        }
        return chain.digest
    }

    /// Version of the values' binary form and of what goes into these digests.
    static let valueFormat = 1

    private func readerLocked() -> ContentDigest {
        if let reader { return reader }
        var chain = DigestChain()
        chain.add("toolkit \(ToolkitVersion.current), article \(Self.valueFormat)")
        chain.add(Self.build)
        if let resources = NewsKitResources.folder { Self.addTree(resources, to: &chain) }
        for plugin in plugins { Self.add(plugin, plugin.markerFiles, to: &chain) }
        reader = chain.digest
        return chain.digest
    }

    /// A plugin's name, version and files, when it has any of the kind.
    private static func add(_ plugin: Plugin, _ files: [URL], to chain: inout DigestChain) {
        guard !files.isEmpty else { return }
        chain.add("plugin \(plugin.name) \(plugin.manifest.version)")
        for file in files { addFile(file, named: file.lastPathComponent, to: &chain) }
    }

    private static func addFile(_ file: URL, named name: String, to chain: inout DigestChain) {
        chain.add(name)
        if let data = FileManager.default.contents(atPath: file.path) {
            data.withUnsafeBytes { chain.add($0) }
        } else {
            // Unreadable now: loading it will say why; no stored value may match it.
            chain.add("unreadable \(UUID().uuidString)")
        }
    }

    /// Every file under `folder`, by relative path, in a stable order.
    private static func addTree(_ folder: URL, to chain: inout DigestChain) {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return }
        var files: [(String, URL)] = []
        let root = folder.standardizedFileURL.path
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files.append((String(url.standardizedFileURL.path.dropFirst(root.count)), url))
        }
        for (name, url) in files.sorted(by: { $0.0 < $1.0 }) { addFile(url, named: name, to: &chain) }
    }

    /// This build of the toolkit: its executable's identity and time of change. A rebuilt or
    /// reinstalled binary misses every value of the one before (its parser may differ).
    static let build: String = {
        var info = stat()
        for path in ["/proc/self/exe", Bundle.main.executablePath].compactMap({ $0 }) where stat(path, &info) == 0 {
            return "build \(info.st_dev) \(info.st_ino) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }
        return "build unknown \(UUID().uuidString)"
    }()
}
